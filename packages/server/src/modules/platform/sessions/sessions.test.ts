import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
  testEmail,
} from '../../../../test/harness';
import { sessions } from '../../../db/schema';

const PASSWORD = TEST_PASSWORD;
const email = testEmail;

describe.each(DATABASES)('platform sessions (%s)', (kind) => {
  let t: TestServer;
  let a: Awaited<ReturnType<typeof createTenant>>;
  let b: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    t = await startTestServer(kind);
    a = await createTenant(t);
    b = await createTenant(t);
  });
  afterAll(() => t?.stop());

  const makeUser = (key: string, role: string, address?: string) => createUser(t, key, role, address);

  it('signs in with a sess_ token lasting 12 h and records lastLoginAt', async () => {
    const user = await makeUser(a.secretKey, 'admin');
    const before = Date.now();
    const res = await t.request('POST', '/v1/platform/sessions', {
      body: { email: user.email.toUpperCase(), password: PASSWORD },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      object: 'session',
      tenantId: a.tenantId,
      user: { id: user.id, object: 'user', role: 'admin' },
    });
    expect(res.body.token).toMatch(/^sess_[0-9A-Za-z]{32}$/);
    const expires = Date.parse(res.body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 12 * 3600_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 12 * 3600_000);
    expect(res.body.user.lastLoginAt).not.toBeNull();
    const stored = await t.request('GET', `/v1/platform/users/${user.id}`, { token: a.secretKey });
    expect(stored.body.lastLoginAt).toBe(res.body.user.lastLoginAt);

    const me = await t.request('GET', '/v1/platform/me', { token: res.body.token });
    expect(me.body).toMatchObject({ kind: 'session', tenantId: a.tenantId, role: 'admin', userId: user.id });
  });

  it('stores only the hash of the token', async () => {
    const user = await makeUser(a.secretKey, 'viewer');
    const res = await t.request('POST', '/v1/platform/sessions', {
      body: { email: user.email, password: PASSWORD },
    });
    const rows = await t.server.context.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(res.body.token);
  });

  it('answers 401 invalid_credentials for a wrong password or an unknown email alike', async () => {
    const user = await makeUser(a.secretKey, 'viewer');
    const wrong = await t.request('POST', '/v1/platform/sessions', {
      body: { email: user.email, password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    const unknown = await t.request('POST', '/v1/platform/sessions', {
      body: { email: email('nobody'), password: PASSWORD },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('validates the body', async () => {
    const res = await t.request('POST', '/v1/platform/sessions', {
      body: { email: 'not-an-email', password: PASSWORD },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', param: 'email' });
  });

  it('gives a session exactly what its role permits', async () => {
    const viewer = await makeUser(a.secretKey, 'viewer');
    const login = await t.request('POST', '/v1/platform/sessions', {
      body: { email: viewer.email, password: PASSWORD },
    });
    const token = login.body.token;
    expect((await t.request('GET', '/v1/commerce/products', { token })).status).toBe(200);
    const write = await t.request('POST', '/v1/commerce/products', {
      token,
      body: { title: 'Nope', price: { amount: 100, currency: 'EUR' } },
    });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
    expect((await t.request('GET', '/v1/platform/entitlements', { token })).status).toBe(200);
    expect((await t.request('GET', '/v1/platform/tenants', { token })).status).toBe(403);

    const admin = await makeUser(a.secretKey, 'admin');
    const adminLogin = await t.request('POST', '/v1/platform/sessions', {
      body: { email: admin.email, password: PASSWORD },
    });
    const created = await t.request('POST', '/v1/commerce/products', {
      token: adminLogin.body.token,
      body: { title: 'Made by an admin', price: { amount: 100, currency: 'EUR' } },
    });
    expect(created.status).toBe(201);
    // A session reaches its own tenant only.
    const elsewhere = await t.request('GET', `/v1/commerce/products/${created.body.id}`, {
      token: b.secretKey,
    });
    expect(elsewhere.status).toBe(404);
  });

  it('signs out: the token stops working, and signing out twice is 401', async () => {
    const user = await makeUser(a.secretKey, 'viewer');
    const login = await t.request('POST', '/v1/platform/sessions', {
      body: { email: user.email, password: PASSWORD },
    });
    const token = login.body.token;
    const out = await t.request('DELETE', '/v1/platform/sessions/current', { token });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ object: 'session', revoked: true });
    const me = await t.request('GET', '/v1/platform/me', { token });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('session_expired');
    expect((await t.request('DELETE', '/v1/platform/sessions/current', { token })).status).toBe(401);
  });

  it('refuses to sign out a non-session credential (400) or no credential (401)', async () => {
    const sk = await t.request('DELETE', '/v1/platform/sessions/current', { token: a.secretKey });
    expect(sk.status).toBe(400);
    expect(sk.body.code).toBe('bad_request');
    const op = await t.request('DELETE', '/v1/platform/sessions/current', { token: t.operatorKey });
    expect(op.status).toBe(400);
    const none = await t.request('DELETE', '/v1/platform/sessions/current');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('unauthenticated');
    // The secret key still works.
    expect((await t.request('GET', '/v1/platform/me', { token: a.secretKey })).status).toBe(200);
  });

  it('answers 401 session_expired once a session is past its expiry', async () => {
    const user = await makeUser(a.secretKey, 'viewer');
    const login = await t.request('POST', '/v1/platform/sessions', {
      body: { email: user.email, password: PASSWORD },
    });
    await t.server.context.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    const res = await t.request('GET', '/v1/platform/me', { token: login.body.token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('session_expired');
  });

  it('asks for tenantId when the email belongs to several tenants', async () => {
    const shared = email('shared');
    const inA = await makeUser(a.secretKey, 'viewer', shared);
    const inB = await makeUser(b.secretKey, 'admin', shared);
    const ambiguous = await t.request('POST', '/v1/platform/sessions', {
      body: { email: shared, password: PASSWORD },
    });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body).toMatchObject({ code: 'validation_failed', param: 'tenantId' });
    // Without the right password the question is not even asked.
    const wrong = await t.request('POST', '/v1/platform/sessions', {
      body: { email: shared, password: 'not the password' },
    });
    expect(wrong.status).toBe(401);

    const toB = await t.request('POST', '/v1/platform/sessions', {
      body: { email: shared, password: PASSWORD, tenantId: b.tenantId },
    });
    expect(toB.status).toBe(201);
    expect(toB.body).toMatchObject({ tenantId: b.tenantId, user: { id: inB.id, role: 'admin' } });
    // A publishable key sent along picks its tenant.
    const viaPk = await t.request('POST', '/v1/platform/sessions', {
      token: a.publishableKey,
      body: { email: shared, password: PASSWORD },
    });
    expect(viaPk.status).toBe(201);
    expect(viaPk.body).toMatchObject({ tenantId: a.tenantId, user: { id: inA.id } });
  });

  it('rate-limits an email after 10 failures in 15 minutes with 429 and Retry-After', async () => {
    const user = await makeUser(a.secretKey, 'viewer');
    for (let i = 0; i < 10; i++) {
      const res = await t.request('POST', '/v1/platform/sessions', {
        body: { email: user.email, password: `wrong guess ${i}` },
      });
      expect(res.status).toBe(401);
    }
    const limited = await t.request('POST', '/v1/platform/sessions', {
      body: { email: user.email, password: PASSWORD },
    });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Other emails are not affected.
    const other = await makeUser(a.secretKey, 'viewer');
    expect(
      (await t.request('POST', '/v1/platform/sessions', { body: { email: other.email, password: PASSWORD } }))
        .status,
    ).toBe(201);
  });

  it('clears the failure count on a successful sign-in', async () => {
    const user = await makeUser(a.secretKey, 'viewer');
    for (let i = 0; i < 9; i++) {
      await t.request('POST', '/v1/platform/sessions', {
        body: { email: user.email, password: `wrong guess ${i}` },
      });
    }
    expect(
      (await t.request('POST', '/v1/platform/sessions', { body: { email: user.email, password: PASSWORD } }))
        .status,
    ).toBe(201);
    for (let i = 0; i < 9; i++) {
      await t.request('POST', '/v1/platform/sessions', {
        body: { email: user.email, password: `wrong again ${i}` },
      });
    }
    expect(
      (await t.request('POST', '/v1/platform/sessions', { body: { email: user.email, password: PASSWORD } }))
        .status,
    ).toBe(201);
  });
});

describe.each(DATABASES)('platform sessions with the principal cache on (%s)', (kind) => {
  let t: TestServer;
  let a: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    t = await startTestServer(kind, { server: { authCacheTtlMs: 60_000 } });
    a = await createTenant(t);
  });
  afterAll(() => t?.stop());

  async function signedIn(role: string) {
    const address = email(role);
    const user = await t.request('POST', '/v1/platform/users', {
      token: a.secretKey,
      body: { email: address, name: role, role, password: PASSWORD },
    });
    const login = await t.request('POST', '/v1/platform/sessions', {
      body: { email: address, password: PASSWORD },
    });
    const token = login.body.token as string;
    // Warm the cache.
    expect((await t.request('GET', '/v1/platform/me', { token })).status).toBe(200);
    return { id: user.body.id as string, token };
  }

  it('drops cached principals on sign-out, deletion and role change', async () => {
    const out = await signedIn('viewer');
    await t.request('DELETE', '/v1/platform/sessions/current', { token: out.token });
    expect((await t.request('GET', '/v1/platform/me', { token: out.token })).status).toBe(401);

    const deleted = await signedIn('viewer');
    await t.request('DELETE', `/v1/platform/users/${deleted.id}`, { token: a.secretKey });
    expect((await t.request('GET', '/v1/platform/me', { token: deleted.token })).status).toBe(401);

    const demoted = await signedIn('admin');
    expect((await t.request('GET', '/v1/platform/users', { token: demoted.token })).status).toBe(200);
    await t.request('PATCH', `/v1/platform/users/${demoted.id}`, {
      token: a.secretKey,
      body: { role: 'viewer' },
    });
    expect((await t.request('GET', '/v1/platform/users', { token: demoted.token })).status).toBe(403);
  });
});
