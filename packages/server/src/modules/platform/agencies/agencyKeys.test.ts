import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from '../../../../test/harness';

const BRAND = {
  name: 'Agency',
  logoUrl: null,
  primaryColor: '#123456',
  accentColor: '#654321',
  colorScheme: 'light',
};

describe.each(DATABASES)('agency keys (%s)', (kind) => {
  let t: TestServer;
  let agencyA: string;
  let agencyB: string;
  let keyA: string;
  let tenantA: Awaited<ReturnType<typeof createTenant>>;
  let tenantB: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    t = await startTestServer(kind);
    const agency = async (name: string) =>
      (
        await t.request('POST', '/v1/platform/agencies', {
          token: t.operatorKey,
          body: { name, brand: { ...BRAND, name } },
        })
      ).body.id as string;
    agencyA = await agency('Agency A');
    agencyB = await agency('Agency B');
    tenantA = await createTenant(t, { agencyId: agencyA });
    tenantB = await createTenant(t, { agencyId: agencyB });
    const key = await t.request('POST', `/v1/platform/agencies/${agencyA}/api-keys`, {
      token: t.operatorKey,
      body: { name: 'A console' },
    });
    expect(key.status).toBe(201);
    expect(key.body).toMatchObject({ object: 'agency_key', agencyId: agencyA, name: 'A console' });
    expect(key.body.secret).toMatch(/^ag_/);
    keyA = key.body.secret;
  });
  afterAll(() => t?.stop());

  it('lists, retrieves and updates its own tenants, and mints their keys', async () => {
    const list = await t.request('GET', '/v1/platform/tenants?limit=100', { token: keyA });
    expect(list.status).toBe(200);
    expect(list.body.data.map((x: { id: string }) => x.id)).toEqual([tenantA.tenantId]);
    expect((await t.request('GET', `/v1/platform/tenants/${tenantA.tenantId}`, { token: keyA })).status).toBe(
      200,
    );
    const renamed = await t.request('PATCH', `/v1/platform/tenants/${tenantA.tenantId}`, {
      token: keyA,
      body: { name: 'Renamed by agency', metadata: { crm: '42' } },
    });
    expect(renamed.body).toMatchObject({ name: 'Renamed by agency', metadata: { crm: '42' } });
    const minted = await t.request('POST', `/v1/platform/tenants/${tenantA.tenantId}/api-keys`, {
      token: keyA,
      body: { type: 'secret', name: 'by agency', role: 'admin' },
    });
    expect(minted.status).toBe(201);
    expect(minted.body.createdBy).toMatchObject({
      type: 'agency_key',
      label: expect.stringContaining('A console'),
    });
    const me = await t.request('GET', '/v1/platform/me', { token: minted.body.secret });
    expect(me.body).toMatchObject({ tenantId: tenantA.tenantId, role: 'admin' });
  });

  it("cannot read, update or mint keys for another agency's tenant (404)", async () => {
    const id = tenantB.tenantId;
    const get = await t.request('GET', `/v1/platform/tenants/${id}`, { token: keyA });
    expect(get.status).toBe(404);
    const patch = await t.request('PATCH', `/v1/platform/tenants/${id}`, {
      token: keyA,
      body: { name: 'Hijacked' },
    });
    expect(patch.status).toBe(404);
    const mint = await t.request('POST', `/v1/platform/tenants/${id}/api-keys`, {
      token: keyA,
      body: { type: 'secret', name: 'stolen' },
    });
    expect(mint.status).toBe(404);
    const still = await t.request('GET', `/v1/platform/tenants/${id}`, { token: t.operatorKey });
    expect(still.body.name).not.toBe('Hijacked');
  });

  it('changes no plan, limit or agency, creates no tenant and reaches no operator or tenant route', async () => {
    for (const body of [
      { limitOverrides: { 'commerce.products': null } },
      { agencyId: agencyB },
      { subscription: { platform: 'enterprise' } },
    ]) {
      const res = await t.request('PATCH', `/v1/platform/tenants/${tenantA.tenantId}`, { token: keyA, body });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'forbidden', param: Object.keys(body)[0] });
    }
    const create = await t.request('POST', '/v1/platform/tenants', {
      token: keyA,
      body: {
        name: 'Mine',
        subscription: { platform: 'growth', commerce: null, fintech: null, social: null },
      },
    });
    expect(create.status).toBe(403);
    expect((await t.request('GET', '/v1/platform/agencies', { token: keyA })).status).toBe(403);
    expect((await t.request('GET', '/v1/commerce/products', { token: keyA })).status).toBe(403);
    expect((await t.request('GET', '/v1/platform/tenants', { token: 'ag_unknown' })).status).toBe(401);
  });
});
