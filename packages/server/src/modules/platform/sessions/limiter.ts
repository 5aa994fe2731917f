/** Options of {@link FailedAttemptLimiter}. */
export interface FailedAttemptLimiterOptions {
  /** Failures allowed within the window; the next attempt is refused. Defaults to 10. */
  maxFailures?: number;
  /** The sliding window. Defaults to 15 minutes. */
  windowMs?: number;
  /** The clock, for tests. Defaults to `Date.now`. */
  now?: () => number;
  /** Keys tracked before the oldest are dropped, bounding memory. Defaults to 10 000. */
  maxKeys?: number;
}

/**
 * Counts failed sign-ins per key (an email) in a sliding window, in memory: one instance per
 * server process. Behind a load balancer each instance counts on its own (a shared store such as
 * Redis would make the limit global).
 */
export class FailedAttemptLimiter {
  private failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(options: FailedAttemptLimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** Seconds until `key` may try again, or `0` when it may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.maxFailures) return 0;
    // The attempt that leaves the window first frees one slot.
    const oldest = recent[recent.length - this.maxFailures]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  /** Records one failure of `key`. */
  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.delete(key);
    this.failures.set(key, recent);
    if (this.failures.size > this.maxKeys) {
      const oldestKey = this.failures.keys().next().value;
      if (oldestKey !== undefined) this.failures.delete(oldestKey);
    }
  }

  /** Forgets `key`'s failures (after a successful sign-in). */
  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }
}
