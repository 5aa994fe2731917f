import { canGrant, ROLE_PERMISSIONS } from '@agentstack/sdk/catalog';
import type { Role } from '@agentstack/sdk/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
  testEmail,
} from './harness';

const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

// An admin's session created a secret key, the key acted with owner rights, and with it the
// admin promoted themself to owner and created new owners. Every role is walked through "create
// a key if you may, then use every credential you hold to widen your rights".
describe.each(DATABASES)('no credential carries more than its creator (%s)', (kind) => {
  let t: TestServer;
  let tenant: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    t = await startTestServer(kind);
    tenant = await createTenant(t, {
      subscription: { platform: 'enterprise', commerce: 'commerce_enterprise', fintech: null, social: null },
    });
  });
  afterAll(() => t?.stop());

  it.each(ROLES)('a %s cannot widen its rights through keys', async (role) => {
    const user = await createUser(t, tenant.secretKey, role);
    const session = await signIn(t, user.email);
    const held = new Set<string>(ROLE_PERMISSIONS[role]);
    const mayWriteKeys = held.has('platform:keys:write');

    // 1. Create a key: allowed only with platform:keys:write; it gets the creator's role.
    const created = await t.request('POST', '/v1/platform/api-keys', {
      token: session,
      body: { type: 'secret', name: `${role}'s key` },
    });
    const credentials = [session];
    if (mayWriteKeys) {
      expect(created.status).toBe(201);
      expect(created.body.role).toBe(role);
      expect(created.body.createdBy).toEqual({
        type: 'user',
        id: user.id,
        label: expect.stringContaining(user.email),
      });
      credentials.push(created.body.secret);
      // The key creates a key in turn: the same role again, recorded as made by the key.
      const child = await t.request('POST', '/v1/platform/api-keys', {
        token: created.body.secret,
        body: { type: 'secret', name: 'child' },
      });
      expect(child.status).toBe(201);
      expect(child.body.role).toBe(role);
      expect(child.body.createdBy).toMatchObject({ type: 'api_key', id: created.body.id });
      credentials.push(child.body.secret);
    } else {
      expect([created.status, created.body.code]).toEqual([403, 'forbidden']);
    }

    for (const token of credentials) {
      // What the credential may do is no more than the role's.
      const me = await t.request('GET', '/v1/platform/me', { token });
      expect(me.status).toBe(200);
      for (const p of me.body.permissions) expect(held, `${role}: ${p}`).toContain(p);

      // 2. Mint a key of every role: only roles the creator may grant.
      for (const wanted of ROLES) {
        const res = await t.request('POST', '/v1/platform/api-keys', {
          token,
          body: { type: 'secret', name: `wants ${wanted}`, role: wanted },
        });
        const allowed = mayWriteKeys && canGrant(role, wanted);
        expect(res.status, `${role} minting a ${wanted} key`).toBe(allowed ? 201 : 403);
      }
      // 3. Promote itself to owner.
      const promote = await t.request('PATCH', `/v1/platform/users/${user.id}`, {
        token,
        body: { role: 'owner' },
      });
      expect(promote.status, `${role} promoting itself`).toBe(role === 'owner' ? 200 : 403);
      // 4. Create an owner.
      const owner = await t.request('POST', '/v1/platform/users', {
        token,
        body: { email: testEmail('new-owner'), name: 'New owner', role: 'owner', password: TEST_PASSWORD },
      });
      expect(owner.status, `${role} creating an owner`).toBe(role === 'owner' ? 201 : 403);
    }

    // Nothing widened: the user has their role, and every key they or their keys made is within it.
    const after = await t.request('GET', `/v1/platform/users/${user.id}`, { token: tenant.secretKey });
    expect(after.body.role).toBe(role);
    const keys = await t.request('GET', '/v1/platform/api-keys?limit=100', { token: tenant.secretKey });
    type Key = { id: string; role: Role; createdBy: { id: string } | null };
    const all: Key[] = keys.body.data;
    const mine = new Set([user.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const k of all)
        if (k.createdBy && mine.has(k.createdBy.id) && !mine.has(k.id)) grew = !!mine.add(k.id);
    }
    const made = all.filter((k) => mine.has(k.id));
    expect(made.length).toBe(mayWriteKeys ? made.length : 0);
    for (const key of made) expect(canGrant(role, key.role), `${role} made a ${key.role} key`).toBe(true);
  });

  it('lets an operator mint a key of any role, owner by default', async () => {
    const mint = (body: Record<string, unknown>) =>
      t.request('POST', `/v1/platform/tenants/${tenant.tenantId}/api-keys`, { token: t.operatorKey, body });
    const byDefault = await mint({ type: 'secret', name: 'ops' });
    expect(byDefault.body).toMatchObject({ role: 'owner', createdBy: { type: 'operator' } });
    expect((await mint({ type: 'secret', name: 'ops viewer', role: 'viewer' })).body.role).toBe('viewer');
    const publishable = await mint({ type: 'publishable', name: 'web' });
    expect(publishable.body.role).toBeNull();
    const withRole = await mint({ type: 'publishable', name: 'web', role: 'admin' });
    expect([withRole.status, withRole.body.param]).toEqual([400, 'role']);
  });

  it('gives a viewer key exactly a viewer’s rights, and lets only an owner revoke an owner key', async () => {
    const viewerKey = await t.request('POST', '/v1/platform/api-keys', {
      token: tenant.secretKey,
      body: { type: 'secret', name: 'read only', role: 'viewer' },
    });
    const token = viewerKey.body.secret;
    expect((await t.request('GET', '/v1/commerce/products', { token })).status).toBe(200);
    const write = await t.request('POST', '/v1/commerce/products', {
      token,
      body: { title: 'Nope', price: { amount: 100, currency: 'EUR' } },
    });
    expect(write.status).toBe(403);

    const admin = await createUser(t, tenant.secretKey, 'admin');
    const adminSession = await signIn(t, admin.email);
    const ownerKeys = await t.request('GET', '/v1/platform/api-keys?limit=100', { token: tenant.secretKey });
    const ownerKey = ownerKeys.body.data.find(
      (k: { role: string; revokedAt: string | null }) => k.role === 'owner' && !k.revokedAt,
    );
    const revoke = await t.request('POST', `/v1/platform/api-keys/${ownerKey.id}/revoke`, {
      token: adminSession,
    });
    expect([revoke.status, revoke.body.code]).toEqual([403, 'forbidden']);
  });
});
