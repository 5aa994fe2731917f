import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createUser, signIn, startTestServer, TEST_PASSWORD, type TestServer } from './harness';

// A key revoked on one instance kept working on another for about 5 s (its principal cache),
// long enough to mint a new secret key with it; sign-out, role downgrade, user deletion and plan
// downgrade lagged the same way. Two instances share one PostgreSQL here, both caching for 60 s,
// so only the revocation channel and the in-transaction check can make these pass.
const postgres = process.env.TEST_DATABASE_URL;
if (!postgres)
  console.log('revocation across instances: skipped, it needs PostgreSQL (set TEST_DATABASE_URL)');

describe.skipIf(!postgres)('revocation across two instances on PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  const cache = { authCacheTtlMs: 60_000 };

  beforeAll(async () => {
    a = await startTestServer('postgres', { server: cache });
    b = await startTestServer('postgres', { databaseUrl: a.databaseUrl, server: cache });
  });
  afterAll(async () => {
    await b?.server.stop();
    await a?.stop();
  });

  /** Runs `revoke` on A; resolves once B has heard about it. */
  async function revokeOnA(revoke: () => Promise<{ status: number }>): Promise<void> {
    const heard = b.server.context.auth.nextInvalidation();
    const res = await revoke();
    expect(res.status).toBe(200);
    await heard;
  }

  it('a revoked key can mint nothing on the other instance, even before it hears, and then reads nothing', async () => {
    const tenant = await createTenant(a);
    const extra = await a.request('POST', `/v1/platform/tenants/${tenant.tenantId}/api-keys`, {
      token: a.operatorKey,
      body: { type: 'secret', name: 'to revoke' },
    });
    const key = extra.body.secret as string;
    expect((await b.request('GET', '/v1/platform/me', { token: key })).status).toBe(200); // cached on B

    const heard = b.server.context.auth.nextInvalidation();
    const revoked = await a.request('POST', `/v1/platform/api-keys/${extra.body.id}/revoke`, {
      token: tenant.secretKey,
    });
    expect(revoked.status).toBe(200);
    // No waiting: writes re-check the credential in their transaction.
    const mint = await b.request('POST', '/v1/platform/api-keys', {
      token: key,
      body: { type: 'secret', name: 'escape' },
    });
    expect([mint.status, mint.body.code]).toEqual([401, 'invalid_api_key']);
    const user = await b.request('POST', '/v1/platform/users', {
      token: key,
      body: { email: 'escape@example.test', name: 'E', role: 'owner', password: TEST_PASSWORD },
    });
    expect(user.status).toBe(401);
    await heard;
    expect((await b.request('GET', '/v1/platform/me', { token: key })).status).toBe(401);
  });

  it('sign-out, role downgrade and user deletion reach the other instance', async () => {
    const tenant = await createTenant(a);
    const viewer = await createUser(a, tenant.secretKey, 'viewer');
    const out = await signIn(a, viewer.email);
    const admin = await createUser(a, tenant.secretKey, 'admin');
    const demoted = await signIn(a, admin.email);
    const gone = await createUser(a, tenant.secretKey, 'support');
    const deleted = await signIn(a, gone.email);
    for (const token of [out, demoted, deleted])
      expect((await b.request('GET', '/v1/platform/users', { token })).status).not.toBe(401);

    // Writes on B refuse at once; reads once B has heard.
    await revokeOnA(() => a.request('DELETE', '/v1/platform/sessions/current', { token: out }));
    expect((await b.request('GET', '/v1/platform/me', { token: out })).status).toBe(401);

    const patched = a.request('PATCH', `/v1/platform/users/${admin.id}`, {
      token: tenant.secretKey,
      body: { role: 'viewer' },
    });
    await revokeOnA(() => patched);
    expect((await b.request('GET', '/v1/platform/users', { token: demoted })).status).toBe(403);

    await revokeOnA(() => a.request('DELETE', `/v1/platform/users/${gone.id}`, { token: tenant.secretKey }));
    expect((await b.request('GET', '/v1/platform/me', { token: deleted })).status).toBe(401);
  });

  it('a demoted admin cannot write on the other instance before it hears', async () => {
    const tenant = await createTenant(a);
    const admin = await createUser(a, tenant.secretKey, 'admin');
    const session = await signIn(a, admin.email);
    expect((await b.request('GET', '/v1/platform/users', { token: session })).status).toBe(200);
    const patched = await a.request('PATCH', `/v1/platform/users/${admin.id}`, {
      token: tenant.secretKey,
      body: { role: 'viewer' },
    });
    expect(patched.status).toBe(200);
    const write = await b.request('POST', '/v1/platform/api-keys', {
      token: session,
      body: { type: 'secret', name: 'late' },
    });
    expect([write.status, write.body.code]).toEqual([403, 'forbidden']);
  });

  // Cart writes with a publishable key run without a transaction (routes' `atomic`), on the
  // cached credential: the other instance refuses them once it has heard of the revocation
  // (at once on the revoking one). Before it hears, it may still take them — the documented
  // window, at most the cache's lifetime — which no test can pin without racing the notification.
  it('a revoked publishable key creates and changes no cart once the other instance has heard', async () => {
    const tenant = await createTenant(a);
    const extra = await a.request('POST', `/v1/platform/tenants/${tenant.tenantId}/api-keys`, {
      token: a.operatorKey,
      body: { type: 'publishable', name: 'storefront' },
    });
    const key = extra.body.secret as string;
    const cart = await b.request('POST', '/v1/commerce/carts', { token: key, body: { currency: 'EUR' } });
    expect(cart.status, JSON.stringify(cart.body)).toBe(201); // cached on B
    await revokeOnA(() =>
      a.request('POST', `/v1/platform/api-keys/${extra.body.id}/revoke`, { token: tenant.secretKey }),
    );
    for (const server of [a, b]) {
      const created = await server.request('POST', '/v1/commerce/carts', {
        token: key,
        body: { currency: 'EUR' },
      });
      expect([created.status, created.body.code]).toEqual([401, 'invalid_api_key']);
      const changed = await server.request('PATCH', `/v1/commerce/carts/${cart.body.id}`, {
        token: key,
        body: { email: 'late@example.test' },
        headers: { 'agentstack-cart-token': cart.body.token },
      });
      expect([changed.status, changed.body.code]).toEqual([401, 'invalid_api_key']);
    }
  });

  it('a plan downgrade reaches the other instance', async () => {
    const tenant = await createTenant(a);
    const before = await b.request('GET', '/v1/platform/entitlements', { token: tenant.secretKey });
    expect(before.body.subscription.platform).toBe('growth');
    await revokeOnA(() =>
      a.request('PATCH', `/v1/platform/tenants/${tenant.tenantId}`, {
        token: a.operatorKey,
        body: { subscription: { platform: 'starter' } },
      }),
    );
    const after = await b.request('GET', '/v1/platform/entitlements', { token: tenant.secretKey });
    expect(after.body.subscription.platform).toBe('starter');
  });

  it('an instance that lost its listening connection stops caching until it listens again', async () => {
    const tenant = await createTenant(a);
    const extra = await a.request('POST', `/v1/platform/tenants/${tenant.tenantId}/api-keys`, {
      token: a.operatorKey,
      body: { type: 'secret', name: 'deaf' },
    });
    const key = extra.body.secret as string;
    expect((await b.request('GET', '/v1/platform/me', { token: key })).status).toBe(200);
    // Cut every listening connection: B cannot hear the revocation that follows.
    const down = b.server.context.auth.nextInvalidation();
    await a.server.context.database.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen %' and datname = current_database()`,
    );
    await down;
    await a.request('POST', `/v1/platform/api-keys/${extra.body.id}/revoke`, { token: tenant.secretKey });
    expect((await b.request('GET', '/v1/platform/me', { token: key })).status).toBe(401);
  });
});
