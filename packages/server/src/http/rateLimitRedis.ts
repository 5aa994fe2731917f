import type { RateLimitPolicy } from '@agentstack/sdk/catalog';
import type { Redis } from 'ioredis';
import type { Logger } from '../observability/logger';
import {
  type BucketResult,
  bucketTtlMs,
  MemoryRateLimitStore,
  outageLog,
  type RateLimitStore,
  resultOf,
} from './rateLimit';

// The token bucket of `takeToken` (rateLimit.ts), run atomically inside Redis: a hash per bucket
// with the tokens left (`t`) and when they were counted (`a`, ms), expiring once it would be full.
// It takes up to ARGV[5] whole tokens at once (the requests waiting, and a few ahead of them) and
// answers how many it took and the tokens left.
const TAKE_TOKENS = `
local rate = tonumber(ARGV[1]) / 1000
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local want = tonumber(ARGV[5])
local s = redis.call('HMGET', KEYS[1], 't', 'a')
local tokens = tonumber(s[1])
local at = tonumber(s[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
if now > at then
  tokens = math.min(burst, tokens + (now - at) * rate)
  at = now
end
local granted = math.max(0, math.min(want, math.floor(tokens)))
tokens = tokens - granted
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'a', tostring(at))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return { granted, tostring(tokens) }
`;

type TakeTokensCommand = (
  key: string,
  perSecond: number,
  burst: number,
  now: number,
  ttlMs: number,
  want: number,
) => Promise<[number, string]>;

/** The most tokens an instance takes from a shared bucket ahead of its requests. */
export const MAX_PREFETCH = 64;
/** Tokens taken ahead are spent within this long (ms), or given up. */
export const PREFETCH_TTL_MS = 100;
/** Past this many buckets in memory, those with nothing to spend are dropped. */
const MAX_LOCAL_BUCKETS = 10_000;

/**
 * How many tokens an instance takes ahead of its requests from a bucket under `policy`: a fiftieth
 * of a second's rate (20 ms of traffic at the limit), at most a tenth of the burst and
 * {@link MAX_PREFETCH}. None below 50 per second: slow buckets are exact per request. The
 * catalogue's tiers (25–250/s) take 0–5; a bucket of 10,000/s, 64.
 */
export function prefetchOf(policy: RateLimitPolicy): number {
  return Math.max(
    0,
    Math.min(MAX_PREFETCH, Math.floor(policy.perSecond / 50), Math.floor(policy.burst / 10)),
  );
}

interface Waiter {
  now: number;
  resolve: (result: BucketResult) => void;
}

/** What this instance holds of one shared bucket. */
interface LocalBucket {
  /** Tokens taken from Redis ahead of requests, not spent yet. */
  prefetched: number;
  /** The shared bucket's tokens when they were taken (for the `RateLimit` header). */
  shared: number;
  /** When they were taken (ms): they are spent before `at + PREFETCH_TTL_MS`, or dropped. */
  at: number;
  /** Requests waiting for the call to Redis in flight. */
  waiting: Waiter[];
  busy: boolean;
}

/**
 * Buckets in Redis, shared by every instance. One Lua script takes tokens atomically, so
 * concurrent requests on any number of instances draw from one bucket; the clock is the
 * instances' (`now`), so a bucket never refills for a clock that went back.
 *
 * One call per bucket at a time: the requests that arrive while it is in flight wait and go in the
 * next call together, which also takes {@link prefetchOf} tokens ahead for the requests to come
 * (spent here without a round trip, for at most {@link PREFETCH_TTL_MS}). So a busy bucket costs
 * one round trip per batch, not per request. Tokens are always taken from the shared bucket before
 * a request is admitted: across instances the limit is never exceeded. The bound the other way:
 * each instance may hold up to `prefetchOf(policy)` unspent tokens of a bucket for 100 ms, so a
 * request on another instance can be refused that many tokens early (none for buckets slower than
 * 50/s; 2 of the Growth tier's 100/s).
 *
 * Redis down (or slower than the command timeout): the request is served, and counted in this
 * instance's own memory bucket instead — limits still hold per instance, just not across them —
 * and a warning is logged once per outage. This fails open on purpose: the limits protect
 * capacity, and an unreachable cache must not take the whole API down.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly fallback = new MemoryRateLimitStore();
  private readonly outage: ReturnType<typeof outageLog>;
  private readonly command: TakeTokensCommand;
  private readonly buckets = new Map<string, LocalBucket>();

  constructor(redis: Redis, log: Logger) {
    redis.defineCommand('agentstackTakeTokens', { numberOfKeys: 1, lua: TAKE_TOKENS });
    this.command = (
      redis as unknown as { agentstackTakeTokens: TakeTokensCommand }
    ).agentstackTakeTokens.bind(redis);
    this.outage = outageLog(log, 'rate limits');
  }

  take(key: string, policy: RateLimitPolicy, now: number): Promise<BucketResult> {
    let bucket = this.buckets.get(key);
    if (bucket && !bucket.busy) {
      const spent = spendPrefetched(bucket, policy, now);
      if (spent) return Promise.resolve(spent);
    }
    if (!bucket) {
      if (this.buckets.size >= MAX_LOCAL_BUCKETS) this.prune(now);
      bucket = { prefetched: 0, shared: 0, at: now, waiting: [], busy: false };
      this.buckets.set(key, bucket);
    }
    const local = bucket;
    return new Promise((resolve) => {
      local.waiting.push({ now, resolve });
      if (!local.busy) void this.drain(key, local, policy);
    });
  }

  /** Buckets held in memory (for tests). */
  get size(): number {
    return this.buckets.size;
  }

  /** Answers the waiting requests: from tokens taken ahead, else one call to Redis per batch. */
  private async drain(key: string, bucket: LocalBucket, policy: RateLimitPolicy): Promise<void> {
    bucket.busy = true;
    while (bucket.waiting.length > 0) {
      const batch: Waiter[] = [];
      for (const waiter of bucket.waiting.splice(0)) {
        const spent = spendPrefetched(bucket, policy, waiter.now);
        if (spent) waiter.resolve(spent);
        else batch.push(waiter);
      }
      if (batch.length === 0) break;
      const now = Math.max(...batch.map((w) => w.now));
      let granted: number;
      let shared: number;
      try {
        const [taken, left] = await this.command(
          `rl:${key}`,
          policy.perSecond,
          policy.burst,
          now,
          bucketTtlMs(policy),
          batch.length + prefetchOf(policy),
        );
        this.outage.recovered();
        granted = Number(taken);
        shared = Number(left);
      } catch (error) {
        this.outage.failed(error);
        for (const waiter of batch) waiter.resolve(this.fallback.takeNow(key, policy, waiter.now));
        continue;
      }
      // In arrival order: the first `admitted` get a token each, the rest of the grant is kept.
      const admitted = Math.min(granted, batch.length);
      for (const [i, waiter] of batch.entries()) {
        waiter.resolve(
          i < admitted ? resultOf(shared + granted - 1 - i, true, policy) : resultOf(shared, false, policy),
        );
      }
      bucket.prefetched = granted - admitted;
      bucket.shared = shared;
      bucket.at = now;
    }
    bucket.busy = false;
    if (bucket.prefetched < 1) this.buckets.delete(key);
  }

  /** Drops the buckets that hold nothing to spend and wait for nothing. */
  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (!bucket.busy && (bucket.prefetched < 1 || now < bucket.at || now - bucket.at > PREFETCH_TTL_MS)) {
        this.buckets.delete(key);
      }
    }
  }
}

/** Spends one token taken ahead, if one is left and still fresh at `now`; else `undefined`. */
function spendPrefetched(
  bucket: LocalBucket,
  policy: RateLimitPolicy,
  now: number,
): BucketResult | undefined {
  if (bucket.prefetched < 1 || now < bucket.at || now - bucket.at > PREFETCH_TTL_MS) return undefined;
  bucket.prefetched -= 1;
  return resultOf(bucket.shared + bucket.prefetched, true, policy);
}
