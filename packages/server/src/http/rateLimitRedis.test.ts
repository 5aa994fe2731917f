import { createServer as createNetServer } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  redisTestPrefix,
  startTestServer,
  TEST_REDIS_URL,
  type TestServer,
} from '../../test/harness';
import { createLogger } from '../observability/logger';
import { closeRedis, openRedis } from '../redis';
import { PREFETCH_TTL_MS, prefetchOf, RedisRateLimitStore } from './rateLimitRedis';

const silent = createLogger('silent');
const tiny = { perSecond: 1, burst: 3 };

/** A loopback port nothing listens on (taken free, then released). */
async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('RedisRateLimitStore', () => {
  const clients: Redis[] = [];
  const connect = async () => {
    const redis = await openRedis(TEST_REDIS_URL!, silent, { keyPrefix: prefix });
    clients.push(redis);
    return redis;
  };
  let prefix: string;
  beforeAll(() => {
    prefix = redisTestPrefix();
  });
  afterAll(async () => {
    for (const c of clients) await closeRedis(c);
  });

  it('shares one bucket between two connections (two instances)', async (ctx) => {
    if (!TEST_REDIS_URL) ctx.skip('TEST_REDIS_URL is not set: no Redis to share buckets through');
    const a = new RedisRateLimitStore(await connect(), silent);
    const b = new RedisRateLimitStore(await connect(), silent);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await (i % 2 ? b : a).take('tenant:one', tiny, 1000));
    expect(answers.map((r) => r.allowed)).toEqual([true, true, true, false, false, false]);
    expect(answers.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0, 0]);
    expect(answers[3]).toMatchObject({ retryAfterSeconds: 1, resetSeconds: 3 });
    // A second later one token is back, for either instance.
    expect((await b.take('tenant:one', tiny, 2000)).allowed).toBe(true);
    expect((await a.take('tenant:one', tiny, 2000)).allowed).toBe(false);
  });

  it('takes exactly the bucket under concurrent requests from both instances', async (ctx) => {
    if (!TEST_REDIS_URL) ctx.skip('TEST_REDIS_URL is not set: no Redis to share buckets through');
    const a = new RedisRateLimitStore(await connect(), silent);
    const b = new RedisRateLimitStore(await connect(), silent);
    const policy = { perSecond: 1, burst: 25 };
    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, i) => (i % 2 ? a : b).take('tenant:burst', policy, 5000)),
    );
    expect(answers.filter((r) => r.allowed)).toHaveLength(25);
  });

  it('takes tokens ahead only for fast buckets: none below 50/s, a fiftieth of the rate above', () => {
    expect(prefetchOf({ perSecond: 25, burst: 50 })).toBe(0);
    expect(prefetchOf({ perSecond: 100, burst: 200 })).toBe(2);
    expect(prefetchOf({ perSecond: 1000, burst: 100 })).toBe(10); // a tenth of the burst
    expect(prefetchOf({ perSecond: 1e9, burst: 1e9 })).toBe(64);
  });

  it('serves a fast bucket from tokens taken ahead: one round trip per batch, not per request', async (ctx) => {
    if (!TEST_REDIS_URL) ctx.skip('TEST_REDIS_URL is not set: no Redis to share buckets through');
    const redis = await connect();
    const store = new RedisRateLimitStore(redis, silent);
    const fast = { perSecond: 1000, burst: 1000 }; // 20 ahead
    const shared = async () => Number(await redis.hget('rl:tenant:fast', 't'));
    const first = await store.take('tenant:fast', fast, 0);
    expect(first).toMatchObject({ allowed: true, remaining: 999 });
    expect(await shared()).toBe(979); // its own token and 20 ahead
    const next = [];
    for (let i = 0; i < 20; i++) next.push(await store.take('tenant:fast', fast, 10));
    expect(next.every((r) => r.allowed)).toBe(true);
    expect(next.at(-1)?.remaining).toBe(979);
    expect(await shared()).toBe(979); // served here, Redis untouched
    await store.take('tenant:fast', fast, 10);
    expect(await shared()).toBe(979 + 10 - 21); // 10 ms refilled 10; the next batch took 21
    // Tokens taken ahead and not spent in time are given up, never spent late: this one goes to
    // Redis (refilled to the burst by then) and takes 21 again.
    await store.take('tenant:fast', fast, 10 + PREFETCH_TTL_MS + 1);
    expect(await shared()).toBe(1000 - 21);
    expect(store.size).toBe(1);
    // A slow bucket keeps nothing in memory once answered.
    await store.take('tenant:slow', tiny, 0);
    expect(store.size).toBe(1);
  });

  it('never admits more than a fast bucket across two instances, and at most what they hold ahead less', async (ctx) => {
    if (!TEST_REDIS_URL) ctx.skip('TEST_REDIS_URL is not set: no Redis to share buckets through');
    const a = new RedisRateLimitStore(await connect(), silent);
    const b = new RedisRateLimitStore(await connect(), silent);
    const policy = { perSecond: 1000, burst: 100 }; // 10 ahead per instance
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).take('tenant:fast-burst', policy, 5000)),
    );
    const admitted = answers.filter((r) => r.allowed).length;
    expect(admitted).toBeLessThanOrEqual(100);
    expect(admitted).toBeGreaterThanOrEqual(100 - 2 * prefetchOf(policy));
  });

  it('fails open to this instance’s memory when Redis is gone, and says so once', async (ctx) => {
    if (!TEST_REDIS_URL) ctx.skip('TEST_REDIS_URL is not set: no Redis to lose');
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line));
    const redis = await connect();
    const store = new RedisRateLimitStore(redis, log);
    expect((await store.take('tenant:gone', tiny, 0)).remaining).toBe(2);
    redis.disconnect(); // Redis is gone: commands fail at once, nothing queues
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await store.take('tenant:gone', tiny, 0));
    // Served, and limited all the same by a bucket of this instance's own.
    expect(answers.map((r) => r.allowed)).toEqual([true, true, true, false]);
    const warnings = lines.map((l) => JSON.parse(l)).filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toMatch(/rate limits: Redis unavailable/);
  });
});

describe('rate limits across two server instances on one Redis', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers.reverse()) await s.stop();
  });

  it('hold across them: a tenant gets its bucket once, whichever instance it calls', async (ctx) => {
    if (!TEST_REDIS_URL) ctx.skip('TEST_REDIS_URL is not set: no Redis to share buckets through');
    if (!process.env.TEST_DATABASE_URL) ctx.skip('two instances need one shared database: PostgreSQL only');
    const redisKeyPrefix = redisTestPrefix();
    const options = {
      redisUrl: TEST_REDIS_URL,
      redisKeyPrefix,
      rateLimits: { tiers: { growth: tiny }, operator: { perSecond: 1, burst: 100 }, now: () => 0 },
    };
    const a = await startTestServer('postgres', { server: options });
    servers.push(a);
    const b = await startTestServer('postgres', { databaseUrl: a.databaseUrl, server: options });
    servers.push(b);
    const { secretKey } = await createTenant(a);
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await (i % 2 ? b : a).request('GET', '/v1/platform/me', { token: secretKey })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('are per instance without Redis (the control: the same calls pass twice the bucket)', async (ctx) => {
    if (!process.env.TEST_DATABASE_URL) ctx.skip('two instances need one shared database: PostgreSQL only');
    const options = {
      rateLimits: { tiers: { growth: tiny }, operator: { perSecond: 1, burst: 100 }, now: () => 0 },
    };
    const a = await startTestServer('postgres', { server: options });
    servers.push(a);
    const b = await startTestServer('postgres', { databaseUrl: a.databaseUrl, server: options });
    servers.push(b);
    const { secretKey } = await createTenant(a);
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await (i % 2 ? b : a).request('GET', '/v1/platform/me', { token: secretKey })).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
  });
});

describe('a server whose Redis is down', () => {
  let t: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startTestServer('pglite', {
      server: {
        redisUrl: `redis://127.0.0.1:${await closedPort()}`,
        logLevel: 'warn',
        logWrite: (line) => lines.push(line),
        rateLimits: { tiers: { growth: tiny }, operator: { perSecond: 1, burst: 100 }, now: () => 0 },
      },
    });
  });
  afterAll(() => t?.stop());

  it('starts, serves, limits per instance, and logs that Redis is unavailable', async () => {
    const { secretKey } = await createTenant(t);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await t.request('GET', '/v1/platform/me', { token: secretKey })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const messages = lines.map((l) => JSON.parse(l).msg as string);
    expect(messages.some((m) => /Redis unavailable at start/.test(m))).toBe(true);
    expect(messages.filter((m) => /rate limits: Redis unavailable/.test(m))).toHaveLength(1);
  });
});
