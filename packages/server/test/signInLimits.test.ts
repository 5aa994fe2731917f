import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createUser, startTestServer, TEST_PASSWORD, type TestServer } from './harness';

// The sign-in limiter was per instance (24 wrong attempts over two instances got 20 tries),
// locked the real user out after 10 wrong attempts by anyone, and forgot the oldest email after
// 10,000 others. Two instances share one PostgreSQL and one test clock here.
const postgres = process.env.TEST_DATABASE_URL;
if (!postgres)
  console.log('sign-in limits across instances: skipped, it needs PostgreSQL (set TEST_DATABASE_URL)');

describe.skipIf(!postgres)('sign-in limits across two instances on PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  let now = Date.now();
  const server = { trustProxy: true, signInPolicy: { now: () => now } };
  const from = (address: string) => ({ 'x-forwarded-for': `198.18.0.1, ${address}` });
  const attempt = (t: TestServer, email: string, password: string, address: string) =>
    t.request('POST', '/v1/platform/sessions', { body: { email, password }, headers: from(address) });

  beforeAll(async () => {
    a = await startTestServer('postgres', { server });
    b = await startTestServer('postgres', { databaseUrl: a.databaseUrl, server });
  });
  afterAll(async () => {
    await b?.server.stop();
    await a?.stop();
  });

  it('shares the count: 24 parallel guesses over two instances get 10 tries, and the real user still gets in', async () => {
    const { secretKey } = await createTenant(a);
    const user = await createUser(a, secretKey, 'admin');
    const guesses = await Promise.all(
      Array.from({ length: 24 }, (_, i) => attempt(i % 2 ? b : a, user.email, `guess ${i}`, '203.0.113.9')),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(14);
    for (const r of guesses.filter((g) => g.status === 429)) {
      expect(r.body.code).toBe('rate_limited');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The attacker's address stays refused, even with the right password.
    expect((await attempt(a, user.email, TEST_PASSWORD, '203.0.113.9')).status).toBe(429);

    // The real user, elsewhere: slowed down by at most a minute, never locked out.
    const first = await attempt(b, user.email, TEST_PASSWORD, '192.0.2.44');
    let res = first;
    if (first.status === 429) {
      const wait = Number(first.headers.get('retry-after'));
      expect(wait).toBeLessThanOrEqual(60);
      now += wait * 1000;
      res = await attempt(b, user.email, TEST_PASSWORD, '192.0.2.44');
    }
    expect(res.status).toBe(201);

    // More guesses from many addresses slow the email down again, but not from the user's own.
    for (let i = 0; i < 12; i++) await attempt(i % 2 ? a : b, user.email, `again ${i}`, `198.51.100.${i}`);
    expect((await attempt(a, user.email, 'one more', '198.51.100.200')).status).toBe(429);
    expect((await attempt(a, user.email, TEST_PASSWORD, '192.0.2.44')).status).toBe(201);
  });

  it('limits one address across many emails', async () => {
    const { secretKey } = await createTenant(a);
    const users = [];
    for (let i = 0; i < 3; i++) users.push(await createUser(a, secretKey, 'viewer'));
    const limited = await startTestServer('postgres', {
      databaseUrl: a.databaseUrl,
      server: { ...server, signInPolicy: { now: () => now, addressFailures: 5 } },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 8; i++)
        statuses.push((await attempt(limited, users[i % 3]!.email, `wrong ${i}`, '203.0.113.77')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      expect((await attempt(limited, users[0]!.email, TEST_PASSWORD, '203.0.113.78')).status).toBe(201);
    } finally {
      await limited.server.stop();
    }
  });
});
