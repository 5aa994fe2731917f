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
  let keyAId: string;
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
    keyAId = key.body.id;
  });

  /** A new key of `agency`, made by the operator. */
  const mintAgencyKey = async (agency: string, name: string) => {
    const res = await t.request('POST', `/v1/platform/agencies/${agency}/api-keys`, {
      token: t.operatorKey,
      body: { name },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };
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

  it('says who it is: kind agency_key, its agency and no tenant', async () => {
    const me = await t.request('GET', '/v1/platform/me', { token: keyA });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'agency_key', agencyId: agencyA, tenantId: null, role: null });
    const op = await t.request('GET', '/v1/platform/me', { token: t.operatorKey });
    expect(op.body.agencyId).toBeNull();
  });

  it('lists its agency keys with their creator, never a secret; the operator lists any agency', async () => {
    const b = await mintAgencyKey(agencyB, 'B console');
    const own = await t.request('GET', `/v1/platform/agencies/${agencyA}/api-keys`, { token: keyA });
    expect(own.status).toBe(200);
    const ids = own.body.data.map((k: { id: string }) => k.id);
    expect(ids).toContain(keyAId);
    expect(ids).not.toContain(b.id);
    const listed = own.body.data.find((k: { id: string }) => k.id === keyAId);
    expect(listed).toMatchObject({
      object: 'agency_key',
      agencyId: agencyA,
      name: 'A console',
      revokedAt: null,
      createdBy: { type: 'operator', label: expect.stringContaining('operator') },
    });
    expect(JSON.stringify(own.body)).not.toContain(keyA);
    expect(listed).not.toHaveProperty('secret');
    const byOperator = await t.request('GET', `/v1/platform/agencies/${agencyB}/api-keys`, {
      token: t.operatorKey,
    });
    expect(byOperator.body.data.map((k: { id: string }) => k.id)).toContain(b.id);
  });

  it('never reaches another agency: its record, brand, keys or their revocation (404)', async () => {
    const b = await mintAgencyKey(agencyB, 'B target');
    for (const [method, path, body] of [
      ['GET', `/v1/platform/agencies/${agencyB}`, undefined],
      ['PATCH', `/v1/platform/agencies/${agencyB}`, { brand: { name: 'Hijacked' } }],
      ['GET', `/v1/platform/agencies/${agencyB}/api-keys`, undefined],
      ['POST', `/v1/platform/agencies/${agencyB}/api-keys/${b.id}/revoke`, undefined],
      // Another agency's key under its own agency's path: not found there either.
      ['POST', `/v1/platform/agencies/${agencyA}/api-keys/${b.id}/revoke`, undefined],
      ['GET', '/v1/platform/agencies/agy_00000000000000000000000000', undefined],
    ] as const) {
      const res = await t.request(method, path, { token: keyA, ...(body ? { body } : {}) });
      expect([res.status, res.body.code], `${method} ${path}`).toEqual([404, 'not_found']);
    }
    // The target key still works and the brand is untouched.
    expect((await t.request('GET', '/v1/platform/tenants', { token: b.secret })).status).toBe(200);
    const agency = await t.request('GET', `/v1/platform/agencies/${agencyB}`, { token: t.operatorKey });
    expect(agency.body.brand.name).toBe('Agency B');
  });

  it('reads its own agency and changes its brand, but not its name, and mints no agency key', async () => {
    const own = await t.request('GET', `/v1/platform/agencies/${agencyA}`, { token: keyA });
    expect(own.body).toMatchObject({ id: agencyA, name: 'Agency A' });
    const rebrand = await t.request('PATCH', `/v1/platform/agencies/${agencyA}`, {
      token: keyA,
      body: { brand: { primaryColor: '#0f766e' } },
    });
    expect(rebrand.status).toBe(200);
    expect(rebrand.body.brand).toMatchObject({ name: 'Agency A', primaryColor: '#0f766e' });
    const rename = await t.request('PATCH', `/v1/platform/agencies/${agencyA}`, {
      token: keyA,
      body: { name: 'Renamed', brand: { primaryColor: '#000000' } },
    });
    expect(rename.status).toBe(403);
    expect(rename.body).toMatchObject({ code: 'forbidden', param: 'name' });
    const after = await t.request('GET', `/v1/platform/agencies/${agencyA}`, { token: t.operatorKey });
    expect(after.body).toMatchObject({ name: 'Agency A', brand: { primaryColor: '#0f766e' } });
    const mint = await t.request('POST', `/v1/platform/agencies/${agencyA}/api-keys`, {
      token: keyA,
      body: { name: 'self-made' },
    });
    expect([mint.status, mint.body.code]).toEqual([403, 'forbidden']);
    for (const path of ['/v1/platform/agencies', '/v1/platform/operators']) {
      expect((await t.request('GET', path, { token: keyA })).status).not.toBe(200);
    }
  });

  it("lists and revokes its own tenants' keys (owner keys included), never another agency's", async () => {
    const ownKeys = await t.request('GET', `/v1/platform/tenants/${tenantA.tenantId}/api-keys`, {
      token: keyA,
    });
    expect(ownKeys.status).toBe(200);
    const owner = ownKeys.body.data.find((k: { role: string | null }) => k.role === 'owner');
    expect(owner).toBeTruthy();
    expect(JSON.stringify(ownKeys.body)).not.toContain(tenantA.secretKey);

    const other = await t.request('GET', `/v1/platform/tenants/${tenantB.tenantId}/api-keys`, {
      token: keyA,
    });
    expect([other.status, other.body.code]).toEqual([404, 'not_found']);
    const bKeys = await t.request('GET', `/v1/platform/tenants/${tenantB.tenantId}/api-keys`, {
      token: t.operatorKey,
    });
    const bKey = bKeys.body.data[0].id as string;
    for (const path of [
      `/v1/platform/tenants/${tenantB.tenantId}/api-keys/${bKey}/revoke`,
      // Another tenant's key under its own tenant's path.
      `/v1/platform/tenants/${tenantA.tenantId}/api-keys/${bKey}/revoke`,
    ]) {
      const res = await t.request('POST', path, { token: keyA });
      expect([res.status, res.body.code], path).toEqual([404, 'not_found']);
    }
    expect((await t.request('GET', '/v1/platform/me', { token: tenantB.secretKey })).status).toBe(200);

    // Its own tenant's key: revoked, and it stops working.
    const minted = await t.request('POST', `/v1/platform/tenants/${tenantA.tenantId}/api-keys`, {
      token: keyA,
      body: { type: 'secret', name: 'to revoke', role: 'owner' },
    });
    const revoked = await t.request(
      'POST',
      `/v1/platform/tenants/${tenantA.tenantId}/api-keys/${minted.body.id}/revoke`,
      { token: keyA },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const used = await t.request('GET', '/v1/platform/me', { token: minted.body.secret });
    expect([used.status, used.body.code]).toEqual([401, 'invalid_api_key']);
  });

  it('a revoked agency key answers 401 and mints nothing; an agency key may revoke itself', async () => {
    const byOperator = await mintAgencyKey(agencyA, 'revoked by the operator');
    const res = await t.request('POST', `/v1/platform/agencies/${agencyA}/api-keys/${byOperator.id}/revoke`, {
      token: t.operatorKey,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: byOperator.id, revokedAt: expect.any(String) });
    const again = await t.request(
      'POST',
      `/v1/platform/agencies/${agencyA}/api-keys/${byOperator.id}/revoke`,
      { token: t.operatorKey },
    );
    expect(again.body.revokedAt).toBe(res.body.revokedAt);
    const list = await t.request('GET', '/v1/platform/tenants', { token: byOperator.secret });
    expect([list.status, list.body.code]).toEqual([401, 'invalid_api_key']);
    const mint = await t.request('POST', `/v1/platform/tenants/${tenantA.tenantId}/api-keys`, {
      token: byOperator.secret,
      body: { type: 'secret', name: 'after revocation' },
    });
    expect(mint.status).toBe(401);

    const self = await mintAgencyKey(agencyA, 'retires itself');
    const selfRevoke = await t.request(
      'POST',
      `/v1/platform/agencies/${agencyA}/api-keys/${self.id}/revoke`,
      {
        token: self.secret,
      },
    );
    expect(selfRevoke.status).toBe(200);
    expect((await t.request('GET', '/v1/platform/tenants', { token: self.secret })).status).toBe(401);
    // A sibling revoked by another key of the same agency.
    const sibling = await mintAgencyKey(agencyA, 'sibling');
    const bySibling = await t.request(
      'POST',
      `/v1/platform/agencies/${agencyA}/api-keys/${sibling.id}/revoke`,
      { token: keyA },
    );
    expect(bySibling.status).toBe(200);
    expect((await t.request('GET', '/v1/platform/tenants', { token: keyA })).status).toBe(200);
  });
});
