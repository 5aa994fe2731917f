import { createHash } from 'node:crypto';
import { and, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Db, Executor } from '../../../db/client';
import { signInLimits } from '../../../db/schema';
import { outageLog } from '../../../http/rateLimit';
import type { Logger } from '../../../observability/logger';

/** The sign-in limits. Every field has a default; see {@link DEFAULT_SIGN_IN_POLICY}. */
export interface SignInPolicy {
  /** Failures one client address may make on one email per window before that pair is refused until the window ends. */
  pairFailures: number;
  /** Failures one client address may make across all emails per window (credential stuffing). */
  addressFailures: number;
  /**
   * Failures on one email, from any address, before the email slows down: each further attempt
   * must wait 1 s, 2 s, 4 s… (at most `maxDelayMs`) after the previous one. It slows, never
   * locks: the real user still gets in, and from an address they signed in from before
   * (within `knownMs`) they do not wait at all.
   */
  emailFailures: number;
  /** The longest wait the email slowdown imposes. */
  maxDelayMs: number;
  /** The counting window. */
  windowMs: number;
  /** How long an address stays known for an email after a successful sign-in from it. */
  knownMs: number;
  /** The clock. */
  now: () => number;
}

/** Defaults: 10 per (email, address), 100 per address, slowdown after 10 per email up to 60 s, 15-minute windows, 30-day known addresses. */
export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  pairFailures: 10,
  addressFailures: 100,
  emailFailures: 10,
  maxDelayMs: 60_000,
  windowMs: 15 * 60_000,
  knownMs: 30 * 24 * 3600_000,
  now: Date.now,
};

/** Where sign-in attempts are counted. Shared by every instance: the database, or Redis when configured. */
export interface SignInLimiter {
  /**
   * Reserves one attempt of `address` on `email`, counted as a failure until
   * {@link SignInLimiter.succeeded} says otherwise (so a burst of parallel guesses cannot slip
   * past the limit while passwords are checked). Resolves with `0`, or with the seconds to wait
   * when the attempt is refused (it is then not counted).
   */
  attempt(email: string, address: string): Promise<number>;
  /** The reserved attempt was right: it is not a failure, and the address becomes known for the email. */
  succeeded(email: string, address: string): Promise<void>;
}

type Row = typeof signInLimits.$inferSelect;
type State = Pick<Row, 'failures' | 'windowEndsAt' | 'nextAttemptAt'>;

// Keys are hashes: the table (or Redis) holds no email or address in clear.
const keyOf = (kind: 'pair' | 'email' | 'address' | 'known', ...parts: string[]) =>
  `${kind}:${createHash('sha256').update(parts.join('\0')).digest('base64url')}`;

const keysOf = (email: string, address: string) => ({
  pair: keyOf('pair', email, address),
  email: keyOf('email', email),
  address: keyOf('address', address),
  known: keyOf('known', email, address),
});

/**
 * {@link SignInLimiter} over the `sign_in_limits` table: one row per counted key, read and
 * written under row locks in one short transaction of its own, so every instance on the
 * database shares the counts. Rows are never evicted to make room; they are deleted only once
 * their window (or a known address's term) has passed.
 */
export class DatabaseSignInLimiter implements SignInLimiter {
  private readonly policy: SignInPolicy;
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    policy: Partial<SignInPolicy> = {},
  ) {
    this.policy = { ...DEFAULT_SIGN_IN_POLICY, ...policy };
  }

  async attempt(email: string, address: string): Promise<number> {
    const p = this.policy;
    const now = new Date(p.now());
    this.sweep(now);
    const keys = keysOf(email, address);
    return this.db.transaction(async (tx) => {
      const rows = await this.lock(tx, [keys.pair, keys.email, keys.address], [keys.known], now);
      const state = (key: string): State => {
        const row = rows.get(key);
        return row && row.windowEndsAt > now
          ? row
          : { failures: 0, windowEndsAt: new Date(now.getTime() + p.windowMs), nextAttemptAt: null };
      };
      const pair = state(keys.pair);
      const mail = state(keys.email);
      const addr = state(keys.address);
      const known = (rows.get(keys.known)?.windowEndsAt ?? now) > now;

      let waitMs = 0;
      if (pair.failures >= p.pairFailures)
        waitMs = Math.max(waitMs, pair.windowEndsAt.getTime() - now.getTime());
      if (addr.failures >= p.addressFailures)
        waitMs = Math.max(waitMs, addr.windowEndsAt.getTime() - now.getTime());
      if (!known && mail.nextAttemptAt && mail.nextAttemptAt > now)
        waitMs = Math.max(waitMs, mail.nextAttemptAt.getTime() - now.getTime());
      if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));

      const mailFailures = mail.failures + 1;
      const slowdown =
        mailFailures >= p.emailFailures
          ? Math.min(p.maxDelayMs, 1000 * 2 ** Math.min(30, mailFailures - p.emailFailures))
          : 0;
      await this.write(tx, [
        { key: keys.pair, ...pair, failures: pair.failures + 1 },
        { key: keys.address, ...addr, failures: addr.failures + 1 },
        {
          key: keys.email,
          ...mail,
          failures: mailFailures,
          nextAttemptAt: slowdown ? new Date(now.getTime() + slowdown) : null,
        },
      ]);
      return 0;
    });
  }

  async succeeded(email: string, address: string): Promise<void> {
    const p = this.policy;
    const now = new Date(p.now());
    const keys = keysOf(email, address);
    await this.db.transaction(async (tx) => {
      const rows = await this.lock(tx, [keys.known], [keys.address, keys.email, keys.pair], now);
      // The reserved attempt was no failure: take it back. The pair starts afresh.
      const undo = (key: string): Row[] => {
        const row = rows.get(key);
        return row && row.windowEndsAt > now ? [{ ...row, failures: Math.max(0, row.failures - 1) }] : [];
      };
      await this.write(tx, [
        ...undo(keys.address),
        ...undo(keys.email),
        { key: keys.pair, failures: 0, windowEndsAt: now, nextAttemptAt: null },
        {
          key: keys.known,
          failures: 0,
          windowEndsAt: new Date(now.getTime() + p.knownMs),
          nextAttemptAt: null,
        },
      ]);
    });
  }

  /** Locks the rows of `create` (creating them) and of `existing`, always in key order (no deadlocks). */
  private async lock(
    tx: Executor,
    create: string[],
    existing: string[],
    now: Date,
  ): Promise<Map<string, Row>> {
    await tx
      .insert(signInLimits)
      .values([...create].sort().map((key) => ({ key, failures: 0, windowEndsAt: now })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(signInLimits)
      .where(inArray(signInLimits.key, [...create, ...existing]))
      .orderBy(signInLimits.key)
      .for('update');
    return new Map(rows.map((row) => [row.key, row]));
  }

  private async write(tx: Executor, rows: Row[]): Promise<void> {
    for (const row of rows.sort((a, b) => (a.key < b.key ? -1 : 1))) {
      await tx
        .insert(signInLimits)
        .values(row)
        .onConflictDoUpdate({
          target: signInLimits.key,
          set: { failures: row.failures, windowEndsAt: row.windowEndsAt, nextAttemptAt: row.nextAttemptAt },
        });
    }
  }

  /** Deletes rows whose window and slowdown have passed, at most once a minute, off the request's path. */
  private sweep(now: Date): void {
    if (now.getTime() - this.lastSweep < 60_000) return;
    this.lastSweep = now.getTime();
    this.db
      .delete(signInLimits)
      .where(
        and(
          lt(signInLimits.windowEndsAt, now),
          or(isNull(signInLimits.nextAttemptAt), lt(signInLimits.nextAttemptAt, now)),
        ),
      )
      .catch(() => undefined);
  }
}

// The rules of `DatabaseSignInLimiter.attempt`, atomically in Redis: one hash per key with the
// failures (`f`), when the window ends (`w`, ms) and, for an email, when the next attempt may come
// (`n`), expiring with its window. Times are the caller's clock (ARGV[1]), so expiries are
// relative to it (PEXPIRE), not to Redis's. KEYS: pair, email, address, known.
const ATTEMPT = `
local now = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local function state(key)
  local s = redis.call('HMGET', key, 'f', 'w', 'n')
  local w = tonumber(s[2])
  if w and w > now then return tonumber(s[1]) or 0, w, tonumber(s[3]) end
  return 0, now + windowMs, nil
end
local function write(key, f, w, n)
  if n then
    redis.call('HSET', key, 'f', f, 'w', w, 'n', n)
  else
    redis.call('HSET', key, 'f', f, 'w', w)
    redis.call('HDEL', key, 'n')
  end
  redis.call('PEXPIRE', key, math.max(1, math.max(w, n or 0) - now))
end
local pf, pw = state(KEYS[1])
local mf, mw, mn = state(KEYS[2])
local af, aw = state(KEYS[3])
local kw = tonumber(redis.call('HGET', KEYS[4], 'w'))
local known = kw ~= nil and kw > now
local wait = 0
if pf >= tonumber(ARGV[3]) then wait = math.max(wait, pw - now) end
if af >= tonumber(ARGV[4]) then wait = math.max(wait, aw - now) end
if (not known) and mn and mn > now then wait = math.max(wait, mn - now) end
if wait > 0 then return math.max(1, math.ceil(wait / 1000)) end
local mailFailures = mf + 1
local slowdown = 0
if mailFailures >= tonumber(ARGV[5]) then
  slowdown = math.min(tonumber(ARGV[6]), 1000 * 2 ^ math.min(30, mailFailures - tonumber(ARGV[5])))
end
write(KEYS[1], pf + 1, pw, nil)
write(KEYS[3], af + 1, aw, nil)
if slowdown > 0 then write(KEYS[2], mailFailures, mw, now + slowdown) else write(KEYS[2], mailFailures, mw, nil) end
return 0
`;

// `DatabaseSignInLimiter.succeeded` in Redis. KEYS: pair, email, address, known.
const SUCCEEDED = `
local now = tonumber(ARGV[1])
for _, key in ipairs({ KEYS[2], KEYS[3] }) do
  local s = redis.call('HMGET', key, 'f', 'w')
  local w = tonumber(s[2])
  if w and w > now then redis.call('HSET', key, 'f', math.max(0, (tonumber(s[1]) or 0) - 1)) end
end
redis.call('DEL', KEYS[1])
local knownUntil = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[4], 'f', 0, 'w', knownUntil)
redis.call('PEXPIRE', KEYS[4], tonumber(ARGV[2]))
return 0
`;

type Script = (
  pair: string,
  email: string,
  address: string,
  known: string,
  ...args: number[]
) => Promise<number>;

/**
 * {@link SignInLimiter} in Redis (used when the server has `REDIS_URL`): the same rules and
 * counts as {@link DatabaseSignInLimiter}, each attempt one atomic Lua script, without a database
 * transaction per sign-in. Keys are hashes and expire with their windows.
 *
 * Redis down: attempts are counted by `fallback` (the database limiter, still shared by every
 * instance), and a warning is logged once per outage. Sign-in limits guard against password
 * guessing, so they never fail open.
 */
export class RedisSignInLimiter implements SignInLimiter {
  private readonly policy: SignInPolicy;
  private readonly attemptScript: Script;
  private readonly succeededScript: Script;
  private readonly outage: ReturnType<typeof outageLog>;

  constructor(
    redis: Redis,
    private readonly fallback: SignInLimiter,
    log: Logger,
    policy: Partial<SignInPolicy> = {},
  ) {
    this.policy = { ...DEFAULT_SIGN_IN_POLICY, ...policy };
    redis.defineCommand('agentstackSignInAttempt', { numberOfKeys: 4, lua: ATTEMPT });
    redis.defineCommand('agentstackSignInSucceeded', { numberOfKeys: 4, lua: SUCCEEDED });
    const commands = redis as unknown as {
      agentstackSignInAttempt: Script;
      agentstackSignInSucceeded: Script;
    };
    this.attemptScript = commands.agentstackSignInAttempt.bind(redis);
    this.succeededScript = commands.agentstackSignInSucceeded.bind(redis);
    this.outage = outageLog(log, 'sign-in limits', 'the database');
  }

  async attempt(email: string, address: string): Promise<number> {
    const p = this.policy;
    const k = keysOf(email, address);
    try {
      const wait = await this.attemptScript(
        `si:${k.pair}`,
        `si:${k.email}`,
        `si:${k.address}`,
        `si:${k.known}`,
        p.now(),
        p.windowMs,
        p.pairFailures,
        p.addressFailures,
        p.emailFailures,
        p.maxDelayMs,
      );
      this.outage.recovered();
      return Number(wait);
    } catch (error) {
      this.outage.failed(error);
      return this.fallback.attempt(email, address);
    }
  }

  async succeeded(email: string, address: string): Promise<void> {
    const p = this.policy;
    const k = keysOf(email, address);
    try {
      await this.succeededScript(
        `si:${k.pair}`,
        `si:${k.email}`,
        `si:${k.address}`,
        `si:${k.known}`,
        p.now(),
        p.knownMs,
      );
      this.outage.recovered();
    } catch (error) {
      this.outage.failed(error);
      await this.fallback.succeeded(email, address);
    }
  }
}
