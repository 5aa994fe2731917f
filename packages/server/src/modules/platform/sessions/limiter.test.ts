import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DATABASES, redisTestPrefix, TEST_REDIS_URL } from '../../../../test/harness';
import { type Database, openDatabase } from '../../../db/client';
import { createLogger } from '../../../observability/logger';
import { closeRedis, openRedis } from '../../../redis';
import { DatabaseSignInLimiter, RedisSignInLimiter, type SignInLimiter, type SignInPolicy } from './limiter';

// The same rules on every store: the database (PGlite, PostgreSQL) and Redis (TEST_REDIS_URL).
const STORES: Array<'pglite' | 'postgres' | 'redis'> = [
  ...DATABASES,
  ...(TEST_REDIS_URL ? ['redis' as const] : []),
];
if (!TEST_REDIS_URL) console.log('RedisSignInLimiter not tested: TEST_REDIS_URL is not set');

describe.each(STORES)('sign-in limiter (%s)', (kind) => {
  let database: Database;
  let redis: Redis | undefined;
  let drop: (() => Promise<void>) | undefined;
  let now = Date.parse('2026-11-30T10:00:00Z');
  const clock = () => now;
  let n = 0;
  const email = () => `user${++n}@example.test`;
  const limiter = (policy: Partial<SignInPolicy>): SignInLimiter => {
    const full = {
      pairFailures: 100,
      addressFailures: 1000,
      emailFailures: 100,
      windowMs: 60_000,
      now: clock,
      ...policy,
    };
    const inDatabase = new DatabaseSignInLimiter(database.db, full);
    return redis ? new RedisSignInLimiter(redis, inDatabase, createLogger('silent'), full) : inDatabase;
  };
  /** Makes `count` failed attempts; returns the waits answered. */
  const fail = async (l: SignInLimiter, mail: string, address: string, count = 1) => {
    const waits: number[] = [];
    for (let i = 0; i < count; i++) waits.push(await l.attempt(mail, address));
    return waits;
  };

  beforeAll(async () => {
    let url: string | undefined;
    if (kind === 'postgres') ({ url, drop } = await createPostgresDatabase());
    database = await openDatabase({ url });
    await database.migrate();
    if (kind === 'redis') {
      redis = await openRedis(TEST_REDIS_URL!, createLogger('silent'), { keyPrefix: redisTestPrefix() });
    }
  });
  afterAll(async () => {
    if (redis) await closeRedis(redis);
    await database?.close();
    await drop?.();
  });

  it('refuses a pair after its failures until the window ends', async () => {
    const l = limiter({ pairFailures: 3 });
    const mail = email();
    expect(await fail(l, mail, '10.0.0.1', 3)).toEqual([0, 0, 0]);
    now += 20_000;
    expect(await l.attempt(mail, '10.0.0.1')).toBe(40);
    expect(await l.attempt(mail, '10.0.0.2')).toBe(0); // another address
    now += 40_000;
    expect(await l.attempt(mail, '10.0.0.1')).toBe(0);
  });

  it('refuses an address after its failures across emails', async () => {
    const l = limiter({ addressFailures: 4 });
    for (let i = 0; i < 4; i++) expect(await l.attempt(email(), '10.0.1.1')).toBe(0);
    expect(await l.attempt(email(), '10.0.1.1')).toBe(60);
    expect(await l.attempt(email(), '10.0.1.2')).toBe(0);
  });

  it('slows an email down from any address without locking it, and lets a known address straight in', async () => {
    const l = limiter({ emailFailures: 3, maxDelayMs: 4000, windowMs: 3600_000 });
    const mail = email();
    await l.attempt(mail, '10.0.2.100');
    await l.succeeded(mail, '10.0.2.100'); // the real user, from home
    // Three attackers' addresses, one guess each: none reaches its pair limit.
    expect([
      await l.attempt(mail, '10.0.2.1'),
      await l.attempt(mail, '10.0.2.2'),
      await l.attempt(mail, '10.0.2.3'),
    ]).toEqual([0, 0, 0]);
    // The email now waits 1 s, then 2 s, then 4 s (the cap) between attempts from anywhere…
    expect(await l.attempt(mail, '10.0.2.4')).toBe(1);
    now += 1000;
    expect(await l.attempt(mail, '10.0.2.4')).toBe(0);
    expect(await l.attempt(mail, '10.0.2.5')).toBe(2);
    now += 2000;
    expect(await l.attempt(mail, '10.0.2.5')).toBe(0);
    now += 4000;
    expect(await l.attempt(mail, '10.0.2.6')).toBe(0);
    expect(await l.attempt(mail, '10.0.2.7')).toBe(4);
    // …but never longer, so the real user from a new address gets in after the wait,
    now += 4000;
    expect(await l.attempt(mail, '10.0.2.200')).toBe(0);
    await l.succeeded(mail, '10.0.2.200');
    // and from the address they signed in from before, without waiting.
    expect(await l.attempt(mail, '10.0.2.7')).toBe(4);
    expect(await l.attempt(mail, '10.0.2.100')).toBe(0);
  });

  it('takes a successful attempt back and clears its pair', async () => {
    const l = limiter({ pairFailures: 3 });
    const mail = email();
    await fail(l, mail, '10.0.3.1', 2);
    expect(await l.attempt(mail, '10.0.3.1')).toBe(0);
    await l.succeeded(mail, '10.0.3.1');
    expect(await fail(l, mail, '10.0.3.1', 3)).toEqual([0, 0, 0]);
    expect(await l.attempt(mail, '10.0.3.1')).toBeGreaterThan(0);
  });

  it('counts parallel attempts exactly', async () => {
    const l = limiter({ pairFailures: 10 });
    const mail = email();
    const waits = await Promise.all(Array.from({ length: 30 }, () => l.attempt(mail, '10.0.4.1')));
    expect(waits.filter((w) => w === 0)).toHaveLength(10);
  });
});

describe('RedisSignInLimiter when Redis is gone', () => {
  it('counts in the database instead (never fails open), and says so once', async (ctx) => {
    if (!TEST_REDIS_URL) ctx.skip('TEST_REDIS_URL is not set: no Redis to lose');
    const database = await openDatabase({});
    await database.migrate();
    const redis = await openRedis(TEST_REDIS_URL!, createLogger('silent'), { keyPrefix: redisTestPrefix() });
    try {
      const lines: string[] = [];
      const policy = { pairFailures: 3, now: () => Date.parse('2026-11-30T10:00:00Z') };
      const l = new RedisSignInLimiter(
        redis,
        new DatabaseSignInLimiter(database.db, policy),
        createLogger('info', (line) => lines.push(line)),
        policy,
      );
      expect(await l.attempt('gone@example.test', '10.0.9.1')).toBe(0); // in Redis
      redis.disconnect();
      const waits = [];
      for (let i = 0; i < 4; i++) waits.push(await l.attempt('gone@example.test', '10.0.9.1'));
      // The database counts afresh: three failures pass, the fourth waits out the window.
      expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
      expect(waits[3]).toBeGreaterThan(0);
      const warnings = lines.map((line) => JSON.parse(line)).filter((line) => line.level === 'warn');
      expect(warnings.map((w) => w.msg)).toEqual([
        'sign-in limits: Redis unavailable, falling back to the database',
      ]);
    } finally {
      await closeRedis(redis);
      await database.close();
    }
  });
});
