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
const TAKE_TOKEN = `
local rate = tonumber(ARGV[1]) / 1000
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
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
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'a', tostring(at))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return { allowed, tostring(tokens) }
`;

type TakeTokenCommand = (
  key: string,
  perSecond: number,
  burst: number,
  now: number,
  ttlMs: number,
) => Promise<[number, string]>;

/**
 * Buckets in Redis, shared by every instance: one Lua script takes a token atomically, so
 * concurrent requests on any number of instances draw from one bucket. The clock is the
 * instances' (`now`), so a bucket never refills for a clock that went back.
 *
 * Redis down (or slower than the command timeout): the request is served, and counted in this
 * instance's own memory bucket instead — limits still hold per instance, just not across them —
 * and a warning is logged once per outage. This fails open on purpose: the limits protect
 * capacity, and an unreachable cache must not take the whole API down.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly fallback = new MemoryRateLimitStore();
  private readonly outage: ReturnType<typeof outageLog>;
  private readonly command: TakeTokenCommand;

  constructor(redis: Redis, log: Logger) {
    redis.defineCommand('agentstackTakeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
    this.command = (redis as unknown as { agentstackTakeToken: TakeTokenCommand }).agentstackTakeToken.bind(
      redis,
    );
    this.outage = outageLog(log, 'rate limits');
  }

  async take(key: string, policy: RateLimitPolicy, now: number): Promise<BucketResult> {
    try {
      const [allowed, tokens] = await this.command(
        `rl:${key}`,
        policy.perSecond,
        policy.burst,
        now,
        bucketTtlMs(policy),
      );
      this.outage.recovered();
      return resultOf(Number(tokens), allowed === 1, policy);
    } catch (error) {
      this.outage.failed(error);
      return this.fallback.takeNow(key, policy, now);
    }
  }
}
