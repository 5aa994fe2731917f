import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from '../../test/harness';
import { MemoryRateLimitStore, policyHeader, takeToken } from './rateLimit';

describe('token bucket', () => {
  const policy = { perSecond: 2, burst: 4 };

  it('starts full, takes one token per request, refuses when empty and says when one is back', () => {
    let state: ReturnType<typeof takeToken>['state'] | undefined;
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const taken = takeToken(state, policy, 1000);
      state = taken.state;
      answers.push(taken.result);
    }
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, true, false]);
    expect(answers.map((a) => a.remaining)).toEqual([3, 2, 1, 0, 0]);
    expect(answers[4]).toMatchObject({ retryAfterSeconds: 1, resetSeconds: 2 });
    // Half a second refills one token at 2 per second.
    expect(takeToken(state, policy, 1500).result).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('refills at the rate, never above the burst, and not for a clock that went back', () => {
    const empty = { tokens: 0, at: 10_000 };
    expect(takeToken(empty, policy, 9_000).result.allowed).toBe(false);
    expect(takeToken(empty, policy, 10_499).result.allowed).toBe(false);
    expect(takeToken(empty, policy, 11_000).result).toMatchObject({ allowed: true, remaining: 1 });
    expect(takeToken(empty, policy, 3_600_000).result).toMatchObject({ allowed: true, remaining: 3 });
  });

  it('waits at least a second, and as long as a slow bucket needs', () => {
    const slow = { perSecond: 1 / 60, burst: 1 } as unknown as typeof policy;
    const first = takeToken(undefined, slow, 0);
    expect(takeToken(first.state, slow, 0).result.retryAfterSeconds).toBe(60);
  });

  it('writes RateLimit-Policy as quota per window (bucket size per refill time)', () => {
    expect(policyHeader('growth', { perSecond: 50, burst: 100 })).toBe('"growth";q=100;w=2');
    expect(policyHeader('tiny', { perSecond: 10, burst: 3 })).toBe('"tiny";q=3;w=1');
  });

  it('keeps at most its bound of buckets in memory, dropping refilled ones first', async () => {
    const store = new MemoryRateLimitStore(10);
    for (let i = 0; i < 10; i++) await store.take(`idle${i}`, policy, 0);
    await store.take('busy', policy, 10_000);
    expect(store.size).toBe(1); // the ten idle ones had refilled
    for (let i = 0; i < 50; i++) await store.take(`k${i}`, policy, 10_000);
    expect(store.size).toBeLessThanOrEqual(10);
  });
});

describe.each(DATABASES)('rate limits over HTTP (%s)', (kind) => {
  let t: TestServer;
  let now = Date.parse('2026-11-30T10:00:00Z');
  const tiny = { perSecond: 1, burst: 3 };

  beforeAll(async () => {
    t = await startTestServer(kind, {
      server: {
        rateLimits: { tiers: { growth: tiny }, operator: { perSecond: 1, burst: 50 }, now: () => now },
      },
    });
  });
  afterAll(() => t?.stop());

  it('answers the policy and what is left on every success, then 429 with Retry-After', async () => {
    const { secretKey, publishableKey } = await createTenant(t);
    const answers = [];
    // A secret key and a publishable key of one tenant draw from the tenant's one bucket.
    for (const token of [secretKey, publishableKey, secretKey, secretKey]) {
      answers.push(await t.request('GET', '/v1/commerce/products', { token }));
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('"growth";q=3;w=3');
    expect(answers.map((a) => a.headers.get('ratelimit'))).toEqual([
      '"growth";r=2;t=1',
      '"growth";r=1;t=2',
      '"growth";r=0;t=3',
      '"growth";r=0;t=3',
    ]);
    const limited = answers[3]!;
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(limited.body).toMatchObject({
      status: 429,
      code: 'rate_limited',
      rateLimit: { policy: 'growth', perSecond: 1, burst: 3 },
    });
    expect(limited.body.requestId).toBe(limited.headers.get('request-id'));

    now += 1000; // one token back
    expect((await t.request('GET', '/v1/commerce/products', { token: secretKey })).status).toBe(200);
    expect((await t.request('GET', '/v1/commerce/products', { token: secretKey })).status).toBe(429);
  });

  it('limits each tenant on its own, and operator keys apart from tenants', async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    for (let i = 0; i < 3; i++) await t.request('GET', '/v1/platform/me', { token: a.secretKey });
    expect((await t.request('GET', '/v1/platform/me', { token: a.secretKey })).status).toBe(429);
    expect((await t.request('GET', '/v1/platform/me', { token: b.secretKey })).status).toBe(200);
    const op = await t.request('GET', '/v1/platform/tenants', { token: t.operatorKey });
    expect(op.status).toBe(200);
    expect(op.headers.get('ratelimit-policy')).toBe('"operator";q=50;w=50');
  });

  it('limits a write before it runs: nothing is created past the limit', async () => {
    const { secretKey } = await createTenant(t);
    const create = (i: number) =>
      t.request('POST', '/v1/commerce/products', {
        token: secretKey,
        body: { title: `Limited ${i}`, price: { amount: 100, currency: 'EUR' } },
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await create(i)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    now += 1000;
    const list = await t.request('GET', '/v1/commerce/products', { token: secretKey });
    expect(list.body.data.map((p: { title: string }) => p.title).sort()).toEqual([
      'Limited 0',
      'Limited 1',
      'Limited 2',
    ]);
  });

  it('lets browsers read the headers (CORS)', async () => {
    const { publishableKey } = await createTenant(t);
    const res = await t.request('GET', '/v1/commerce/products', {
      token: publishableKey,
      headers: { origin: 'https://shop.example' },
    });
    const exposed = res.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/) ?? [];
    expect(exposed).toEqual(expect.arrayContaining(['ratelimit', 'ratelimit-policy', 'retry-after']));
  });

  it('reports the rate limit this server applies in the entitlements', async () => {
    const { secretKey } = await createTenant(t);
    const res = await t.request('GET', '/v1/platform/entitlements', { token: secretKey });
    expect(res.body.rateLimit).toEqual(tiny);
  });
});

describe('rate limits without a credential', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite', {
      server: { rateLimits: { anonymous: { perSecond: 1, burst: 2 }, now: () => 0 } },
    });
  });
  afterAll(() => t?.stop());

  it('share one bucket per client address, with the catalogue tiers for tenants', async () => {
    const signIn = () =>
      t.request('POST', '/v1/platform/sessions', {
        body: { email: 'nobody@example.test', password: 'wrong password' },
      });
    const answers = [await signIn(), await signIn(), await signIn()];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 429]);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('"anonymous";q=2;w=2');
    // Tenants keep the catalogue's figures (Growth: 50 per second, bursts of 100).
    const { secretKey } = await createTenant(t);
    const res = await t.request('GET', '/v1/platform/me', { token: secretKey });
    expect(res.headers.get('ratelimit-policy')).toBe('"growth";q=100;w=2');
  });
});
