import { CREDENTIAL_RATE_LIMITS, type RateLimitPolicy, rateLimitOf } from '@agentstack/sdk/catalog';
import type { Context } from 'hono';
import type { Principal } from '../auth/principal';
import type { Logger } from '../observability/logger';
import { ApiError } from './errors';

/** What taking one token from a bucket answered. */
export interface BucketResult {
  /** The request may go ahead (a token was taken). */
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until the bucket is full again (the `t` of the `RateLimit` header). */
  resetSeconds: number;
  /** When refused: seconds until one token is back (`Retry-After`); else 0. */
  retryAfterSeconds: number;
}

/** A bucket as stored: tokens left (fractional) and when they were counted (ms). */
export interface BucketState {
  tokens: number;
  at: number;
}

/**
 * Where buckets live. {@link MemoryRateLimitStore} keeps them in this process; the Redis store
 * (`rateLimitRedis.ts`) shares them between instances.
 */
export interface RateLimitStore {
  /** Takes one token from bucket `key` under `policy` at time `now` (ms), atomically. */
  take(key: string, policy: RateLimitPolicy, now: number): Promise<BucketResult>;
  /** Releases connections. */
  close?(): Promise<void>;
}

/**
 * The token bucket's arithmetic, shared by every store (the Redis script does the same in Lua):
 * refill for the time elapsed since `state.at`, capped at `burst`, then take one token if there
 * is a whole one. A missing state is a full bucket; a clock that went back refills nothing.
 */
export function takeToken(
  state: BucketState | undefined,
  policy: RateLimitPolicy,
  now: number,
): { state: BucketState; result: BucketResult } {
  let tokens = state ? state.tokens : policy.burst;
  let at = state ? state.at : now;
  if (now > at) {
    tokens = Math.min(policy.burst, tokens + ((now - at) * policy.perSecond) / 1000);
    at = now;
  }
  const allowed = tokens >= 1;
  if (allowed) tokens -= 1;
  return { state: { tokens, at }, result: resultOf(tokens, allowed, policy) };
}

/** The answer for a bucket holding `tokens` after the request. */
export function resultOf(tokens: number, allowed: boolean, policy: RateLimitPolicy): BucketResult {
  return {
    allowed,
    remaining: Math.floor(tokens),
    resetSeconds: Math.ceil((policy.burst - tokens) / policy.perSecond),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / policy.perSecond)),
  };
}

/** The longest a bucket can matter: the time an empty one takes to refill (ms), at least a second. */
export function bucketTtlMs(policy: RateLimitPolicy): number {
  return Math.max(1000, Math.ceil((policy.burst / policy.perSecond) * 1000));
}

/** Buckets one process keeps at most; full (idle) ones go first when it is reached. */
const MAX_MEMORY_BUCKETS = 100_000;

/**
 * Buckets in this process's memory: the default, exact for one instance. Bounded: past
 * {@link MAX_MEMORY_BUCKETS} the buckets that have refilled (and so mean nothing) are dropped,
 * then the oldest.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, BucketState & { ttl: number }>();

  constructor(private readonly maxBuckets = MAX_MEMORY_BUCKETS) {}

  async take(key: string, policy: RateLimitPolicy, now: number): Promise<BucketResult> {
    return this.takeNow(key, policy, now);
  }

  /** {@link take} without a promise (the Redis store falls back on it synchronously). */
  takeNow(key: string, policy: RateLimitPolicy, now: number): BucketResult {
    const { state, result } = takeToken(this.buckets.get(key), policy, now);
    this.buckets.delete(key); // re-inserted last: the map's order is least recently used first
    if (this.buckets.size >= this.maxBuckets) this.evict(now);
    this.buckets.set(key, { ...state, ttl: bucketTtlMs(policy) });
    return result;
  }

  /** Buckets held (for tests). */
  get size(): number {
    return this.buckets.size;
  }

  private evict(now: number): void {
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= bucket.ttl) this.buckets.delete(key);
    // Still full of busy buckets: drop the least recently used tenth.
    let drop = this.buckets.size >= this.maxBuckets ? Math.ceil(this.maxBuckets / 10) : 0;
    for (const key of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(key);
    }
  }
}

/** Which bucket a caller draws from, and under which policy. */
export interface RateLimitBucket {
  /** The bucket's key: `tenant:<id>`, `operator:<key id>`, `agency:<key id>` or `address:<ip>`. */
  key: string;
  /** The policy's name in the `RateLimit-Policy` header: the platform tier, or the caller's kind. */
  name: string;
  policy: RateLimitPolicy;
}

/** Options of {@link RateLimiter} (`ServerOptions.rateLimits`). */
export interface RateLimitOptions {
  /** Replaces the catalogue's figures of some platform tiers, e.g. `{ starter: { perSecond: 5, burst: 10 } }`. */
  tiers?: Partial<Record<string, RateLimitPolicy>>;
  /** Each operator key's bucket. Defaults to `CREDENTIAL_RATE_LIMITS.operator` (100/s, burst 200). */
  operator?: RateLimitPolicy;
  /** Each agency key's bucket. Defaults to `CREDENTIAL_RATE_LIMITS.agency` (100/s, burst 200). */
  agency?: RateLimitPolicy;
  /** Calls without a credential, per client address. Defaults to `CREDENTIAL_RATE_LIMITS.anonymous` (10/s, burst 20). */
  anonymous?: RateLimitPolicy;
  /** The clock (ms). Defaults to `Date.now`. */
  now?: () => number;
}

/**
 * Applies the rate limits to API calls: one token bucket per tenant (every key and session of
 * the tenant draws from it, sized by its platform tier), per operator or agency key, and per
 * client address for calls without a credential. Every answer carries `RateLimit-Policy` and
 * `RateLimit` (draft-ietf-httpapi-ratelimit-headers); a call past the limit is
 * `429 rate_limited` with `Retry-After`.
 */
export class RateLimiter {
  private readonly now: () => number;

  constructor(
    private readonly store: RateLimitStore,
    private readonly options: RateLimitOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The bucket `principal` (or, without one, the client at `address`) draws from. */
  bucketOf(principal: Principal | null, address: string): RateLimitBucket {
    const o = this.options;
    if (principal?.tenant) {
      const tier = (principal.tenant.subscription as { platform?: string }).platform ?? 'starter';
      return {
        key: `tenant:${principal.tenant.id}`,
        name: tier,
        policy: o.tiers?.[tier] ?? rateLimitOf(tier),
      };
    }
    if (principal?.kind === 'operator') {
      return {
        key: `operator:${principal.credentialId}`,
        name: 'operator',
        policy: o.operator ?? CREDENTIAL_RATE_LIMITS.operator,
      };
    }
    if (principal?.kind === 'agency_key') {
      return {
        key: `agency:${principal.credentialId}`,
        name: 'agency',
        policy: o.agency ?? CREDENTIAL_RATE_LIMITS.agency,
      };
    }
    return {
      key: `address:${address}`,
      name: 'anonymous',
      policy: o.anonymous ?? CREDENTIAL_RATE_LIMITS.anonymous,
    };
  }

  /**
   * Takes a token for this request: sets the `RateLimit-Policy` and `RateLimit` headers, and
   * throws `429 rate_limited` (with `Retry-After`) when the bucket is empty.
   */
  async admit(c: Context, principal: Principal | null, address: string): Promise<void> {
    const { key, name, policy } = this.bucketOf(principal, address);
    const result = await this.store.take(key, policy, this.now());
    c.header('RateLimit-Policy', policyHeader(name, policy));
    c.header('RateLimit', `"${name}";r=${result.remaining};t=${result.resetSeconds}`);
    if (result.allowed) return;
    c.header('Retry-After', String(result.retryAfterSeconds));
    throw new ApiError(
      429,
      'rate_limited',
      `Too many requests: the ${name} rate limit is ${policy.perSecond} per second (bursts of ${policy.burst}). Retry in ${result.retryAfterSeconds} s.`,
      { rateLimit: { policy: name, perSecond: policy.perSecond, burst: policy.burst } },
    );
  }

  /** Closes the store. */
  async close(): Promise<void> {
    await this.store.close?.();
  }
}

/** `"growth";q=100;w=2`: `q` requests per window of `w` seconds (the bucket's size and refill time). */
export function policyHeader(name: string, policy: RateLimitPolicy): string {
  return `"${name}";q=${policy.burst};w=${Math.max(1, Math.ceil(policy.burst / policy.perSecond))}`;
}

/** Logs a store failure at most once per outage; `recovered()` logs the end of it. */
export function outageLog(log: Logger, what: string, fallback = "this instance's memory") {
  let down = false;
  return {
    failed(error: unknown) {
      if (down) return;
      down = true;
      log.warn(`${what}: Redis unavailable, falling back to ${fallback}`, {
        error: error instanceof Error ? error.message : String(error),
      });
    },
    recovered() {
      if (!down) return;
      down = false;
      log.info(`${what}: Redis available again`);
    },
  };
}
