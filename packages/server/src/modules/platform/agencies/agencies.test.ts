import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from '../../../../test/harness';

const BRAND = {
  name: 'Acme Resale',
  logoUrl: 'https://cdn.example.test/acme.svg',
  primaryColor: '#112233',
  accentColor: '#445566',
  colorScheme: 'dark',
} as const;

describe.each(DATABASES)('platform agencies (%s)', (kind) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.stop());

  const create = (name: string, brand: Record<string, unknown> = BRAND) =>
    t.request('POST', '/v1/platform/agencies', { token: t.operatorKey, body: { name, brand } });

  it('creates, retrieves and lists agencies newest first', async () => {
    const first = await create('First Agency');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ object: 'agency', name: 'First Agency', brand: BRAND });
    expect(first.body.id).toMatch(/^agy_/);
    const second = await create('Second Agency');
    const got = await t.request('GET', `/v1/platform/agencies/${first.body.id}`, { token: t.operatorKey });
    expect(got.body).toEqual(first.body);
    const page = await t.request('GET', '/v1/platform/agencies?limit=1', { token: t.operatorKey });
    expect(page.body).toMatchObject({
      data: [{ id: second.body.id }],
      hasMore: true,
      nextCursor: second.body.id,
    });
    const next = await t.request('GET', `/v1/platform/agencies?limit=1&startingAfter=${second.body.id}`, {
      token: t.operatorKey,
    });
    expect(next.body.data[0].id).toBe(first.body.id);
  });

  it('merges a partial brand on PATCH', async () => {
    const agency = await create('Mergers');
    const patched = await t.request('PATCH', `/v1/platform/agencies/${agency.body.id}`, {
      token: t.operatorKey,
      body: { name: 'Mergers & Co', brand: { primaryColor: '#abcdef', logoUrl: null } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Mergers & Co',
      brand: { ...BRAND, primaryColor: '#abcdef', logoUrl: null },
    });
    expect(Date.parse(patched.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(agency.body.updatedAt));
  });

  it('validates brands', async () => {
    const bad = await create('Bad colours', { ...BRAND, primaryColor: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed', param: 'brand.primaryColor' });
    const agency = await create('Fine');
    const badPatch = await t.request('PATCH', `/v1/platform/agencies/${agency.body.id}`, {
      token: t.operatorKey,
      body: { brand: { colorScheme: 'purple' } },
    });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.param).toBe('brand.colorScheme');
  });

  it('answers 404 for an unknown agency', async () => {
    const res = await t.request('GET', '/v1/platform/agencies/agy_00000000000000000000000000', {
      token: t.operatorKey,
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    const patch = await t.request('PATCH', '/v1/platform/agencies/agy_00000000000000000000000000', {
      token: t.operatorKey,
      body: { name: 'X' },
    });
    expect(patch.status).toBe(404);
  });

  it('is for operator keys only', async () => {
    const tenant = await createTenant(t);
    for (const token of [tenant.secretKey, tenant.publishableKey]) {
      expect((await t.request('GET', '/v1/platform/agencies', { token })).status).toBe(403);
      const res = await t.request('POST', '/v1/platform/agencies', {
        token,
        body: { name: 'Sneaky', brand: BRAND },
      });
      expect(res.status).toBe(403);
    }
    expect((await t.request('GET', '/v1/platform/agencies')).status).toBe(401);
  });

  it("flows into GET /v1/platform/brand for the agency's tenants, and its updates too", async () => {
    const agency = await create('Brand Flow');
    const tenant = await createTenant(t, { agencyId: agency.body.id });
    const loose = await createTenant(t);
    const brand = await t.request('GET', '/v1/platform/brand', { token: tenant.publishableKey });
    expect(brand.status).toBe(200);
    expect(brand.body).toEqual(BRAND);
    await t.request('PATCH', `/v1/platform/agencies/${agency.body.id}`, {
      token: t.operatorKey,
      body: { brand: { name: 'Brand Flow Rebranded' } },
    });
    const after = await t.request('GET', '/v1/platform/brand', { token: tenant.secretKey });
    expect(after.body).toEqual({ ...BRAND, name: 'Brand Flow Rebranded' });
    const neutral = await t.request('GET', '/v1/platform/brand', { token: loose.publishableKey });
    expect(neutral.body).toEqual(t.server.context.defaultBrand);
  });
});
