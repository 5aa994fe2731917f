import { Redis } from 'ioredis';
import type { Logger } from './observability/logger';

/** Options of {@link openRedis}. */
export interface RedisOptions {
  /** Prefixes every key, so several installations (or test runs) can share one Redis. Defaults to `agentstack:`. */
  keyPrefix?: string;
  /** How long one command may take before it fails (and the caller falls back). Defaults to 500 ms. */
  commandTimeoutMs?: number;
}

/**
 * Connects to Redis (`REDIS_URL`) for the state instances share: rate-limit buckets and sign-in
 * counts. Commands never queue while the connection is down — they fail at once, and the callers
 * fall back to this instance's memory (see `RedisRateLimitStore`) — and the client reconnects on
 * its own. Resolves once connected, or once the first attempt failed (logged): a server starts
 * with Redis down, and uses it when it comes up.
 */
export async function openRedis(url: string, log: Logger, options: RedisOptions = {}): Promise<Redis> {
  const redis = new Redis(url, {
    keyPrefix: options.keyPrefix ?? 'agentstack:',
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 500,
    retryStrategy: (times) => Math.min(200 * times, 2000),
  });
  // Failures are reported where commands fail (once per outage); the socket's own errors would
  // otherwise be printed by ioredis on every reconnection attempt.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    log.warn('Redis unavailable at start; shared limits fall back to per-instance memory until it is', {
      error: (error as Error).message,
    });
  }
  return redis;
}

/** Closes a client from {@link openRedis}, whether or not it is connected. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}
