import type { Resolver } from './address';
import type { SecretBox } from './secretBox';

/**
 * How webhooks are sent. Defaults: 10 s per attempt; retries after 30 s doubling to 8 h apart
 * (±25 % jitter) for up to 3 days from the event; an endpoint is disabled once its attempts have
 * failed 20 times in a row over at least 3 days (any success resets the count).
 */
export interface WebhookOptions {
  /** Longest an attempt may take (connect, send, response), in ms. Defaults to 10,000. */
  timeoutMs: number;
  /** The wait before attempt `attempt + 1` after `attempt` failed (1-based), in ms. Defaults to {@link defaultRetryDelay}. */
  retryDelayMs: (attempt: number) => number;
  /** How long after its event a delivery is retried before it fails for good, in ms. Defaults to 3 days. */
  maxAgeMs: number;
  /** Failed attempts in a row after which an endpoint is disabled (see `disableAfterMs`). Defaults to 20. */
  disableAfterFailures: number;
  /** …and for at least this long, in ms. Defaults to 3 days. */
  disableAfterMs: number;
  /** Deliveries claimed per round. Defaults to 50. */
  batchSize: number;
  /** Attempts in flight per instance. Defaults to 16. */
  concurrency: number;
  /** Resolves receiver names (`dns.lookup` by default); tests inject names. */
  resolve?: Resolver;
}

/** 30 s doubling to 8 h, with ±25 % jitter: 30 s, 1 min, 2 min … 8 h 32 min, then 8 h apart. */
export function defaultRetryDelay(attempt: number): number {
  const base = Math.min(8 * 3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + Math.random() / 2));
}

/** The defaults of {@link WebhookOptions}. */
export const WEBHOOK_DEFAULTS: WebhookOptions = {
  timeoutMs: 10_000,
  retryDelayMs: defaultRetryDelay,
  maxAgeMs: 3 * 24 * 3_600_000,
  disableAfterFailures: 20,
  disableAfterMs: 3 * 24 * 3_600_000,
  batchSize: 50,
  concurrency: 16,
};

/** What the server holds for webhooks: its options, the policy on private receivers and the secret box. */
export interface WebhookRuntime extends WebhookOptions {
  /** Receivers on private, loopback or link-local addresses, and `http:`, are allowed. */
  allowPrivate: boolean;
  /** Seals endpoint secrets; `null` on PostgreSQL without a server key (endpoints cannot be created). */
  box: SecretBox | null;
}
