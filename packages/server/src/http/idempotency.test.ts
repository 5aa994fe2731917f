import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from '../../test/harness';
import { idempotencyKeys } from '../db/schema';

// Stored replies once held a new key's secret and a session token in clear for 24 h, and
// replayed them to anyone in the tenant who sent the same Idempotency-Key.
describe.each(DATABASES)('idempotent replies and secrets (%s)', (kind) => {
  let t: TestServer;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  const stored = async () => JSON.stringify(await t.server.context.db.select().from(idempotencyKeys));

  beforeAll(async () => {
    t = await startTestServer(kind);
    tenant = await createTenant(t);
  });
  afterAll(() => t?.stop());

  it('stores no secret in clear and replays it only to the credential that asked', async () => {
    const headers = { 'idempotency-key': 'new-key-1' };
    const body = { type: 'secret', name: 'CI' };
    const first = await t.request('POST', '/v1/platform/api-keys', {
      token: tenant.secretKey,
      body,
      headers,
    });
    expect(first.status).toBe(201);
    const secret = first.body.secret as string;
    const dump = await stored();
    expect(dump).toContain('new-key-1');
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(first.body.id);

    const replay = await t.request('POST', '/v1/platform/api-keys', {
      token: tenant.secretKey,
      body,
      headers,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);

    // Another credential of the same tenant sending the same key and body is another request.
    const admin = await createUser(t, tenant.secretKey, 'admin');
    const adminSession = await signIn(t, admin.email);
    for (const token of [first.body.secret, adminSession]) {
      const other = await t.request('POST', '/v1/platform/api-keys', { token, body, headers });
      expect(other.status).toBe(201);
      expect(other.headers.get('idempotent-replayed')).toBeNull();
      expect(other.body.id).not.toBe(first.body.id);
      expect(other.body.secret).not.toBe(secret);
    }
  });

  it('stores no fast hash of a body that carries a password', async () => {
    const body = { email: 'hashed.body@example.test', name: 'H', role: 'viewer', password: TEST_PASSWORD };
    const { createHash } = await import('node:crypto');
    const res = await t.request('POST', '/v1/platform/users', {
      token: tenant.secretKey,
      body,
      headers: { 'idempotency-key': 'user-1' },
    });
    expect(res.status).toBe(201);
    const canonical = JSON.stringify(Object.fromEntries(Object.entries(body).sort()));
    const fast = createHash('sha256').update(`POST /v1/platform/users\n${canonical}`).digest('hex');
    const dump = await stored();
    expect(dump).toContain('user-1');
    expect(dump).not.toContain(fast);
    expect(dump).not.toContain(body.email);
  });

  it('never stores a session token: an anonymous sign-in is not replayed', async () => {
    const user = await createUser(t, tenant.secretKey, 'viewer');
    const headers = { 'idempotency-key': 'sign-in-1' };
    const body = { email: user.email, password: TEST_PASSWORD };
    const first = await t.request('POST', '/v1/platform/sessions', { body, headers });
    const second = await t.request('POST', '/v1/platform/sessions', { body, headers });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.token).not.toBe(first.body.token);
    const viaPk = await t.request('POST', '/v1/platform/sessions', {
      token: tenant.publishableKey,
      body,
      headers,
    });
    expect(viaPk.status).toBe(201);
    expect(viaPk.body.token).not.toBe(first.body.token);
    const dump = await stored();
    for (const token of [first.body.token, second.body.token, viaPk.body.token])
      expect(dump).not.toContain(token);
    expect(dump).not.toContain('sign-in-1');
  });

  it('marks replies to writes no-store and every response nosniff', async () => {
    const created = await t.request('POST', '/v1/platform/api-keys', {
      token: tenant.secretKey,
      body: { type: 'publishable', name: 'web' },
    });
    expect(created.headers.get('cache-control')).toBe('no-store');
    const user = await createUser(t, tenant.secretKey, 'viewer');
    const session = await t.request('POST', '/v1/platform/sessions', {
      body: { email: user.email, password: TEST_PASSWORD },
    });
    expect(session.headers.get('cache-control')).toBe('no-store');
    const replayed = await t.request('POST', '/v1/platform/api-keys', {
      token: tenant.secretKey,
      body: { type: 'secret', name: 'again' },
      headers: { 'idempotency-key': 'no-store-replay' },
    });
    const again = await t.request('POST', '/v1/platform/api-keys', {
      token: tenant.secretKey,
      body: { type: 'secret', name: 'again' },
      headers: { 'idempotency-key': 'no-store-replay' },
    });
    expect([replayed.headers.get('cache-control'), again.headers.get('cache-control')]).toEqual([
      'no-store',
      'no-store',
    ]);

    const responses = [
      created,
      session,
      await t.request('GET', '/v1/commerce/products', { token: tenant.secretKey }),
      await t.request('GET', '/v1/commerce/products'),
      await t.request('GET', '/v1/nothing-here'),
      await t.request('POST', '/v1/commerce/products', { token: tenant.secretKey, rawBody: '{' }),
      await t.request('GET', '/healthz'),
      await t.request('GET', '/openapi.json'),
      await t.request('GET', '/docs'),
    ];
    for (const res of responses) expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('deletes expired replies when the server maintains itself, and keeps live ones', async () => {
    const headers = { 'idempotency-key': 'sweep-me' };
    const res = await t.request('POST', '/v1/commerce/products', {
      token: tenant.secretKey,
      headers,
      body: { title: 'Swept', price: { amount: 100, currency: 'EUR' } },
    });
    expect(res.status).toBe(201);
    const db = t.server.context.db;
    const live = (await db.select().from(idempotencyKeys)).length;
    await db
      .update(idempotencyKeys)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(sql`${idempotencyKeys.key} = 'sweep-me'`);
    expect(await t.server.maintain()).toBe(1);
    expect((await db.select().from(idempotencyKeys)).length).toBe(live - 1);
  });
});
