import type { ApiCallUsage } from '@agentstack/sdk/schemas';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { apiCalls } from '../db/schema';
import type { Logger } from '../observability/logger';

/** Options of {@link ApiCallMeter}. */
export interface MeterOptions {
  /** How often counts are written to the database. Defaults to 10 s; 0 writes only on `flush()`/`stop()`. */
  flushIntervalMs?: number;
  /** The clock (ms), which decides the UTC day a call counts for. Defaults to `Date.now`. */
  now?: () => number;
}

/** Rows one statement writes at most (PostgreSQL binds at most 65,535 parameters, three per row). */
const ROWS_PER_STATEMENT = 5000;

/** `2026-11-30` for a time in ms. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Counts API calls per tenant per UTC day without a database write per request: calls are
 * added up in memory and written every `flushIntervalMs` as one upsert that adds the counts
 * (`on conflict … do update set calls = calls + excluded.calls`), so any number of instances
 * add to the same rows. A failed write puts its counts back for the next one; {@link stop}
 * writes what is left, so a graceful shutdown loses nothing.
 */
export class ApiCallMeter {
  /** Calls not yet written, by `tenantId` then UTC day. */
  private pending = new Map<string, Map<string, number>>();
  private flushing: Promise<number> = Promise.resolve(0);
  private readonly timer: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    options: MeterOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    const interval = options.flushIntervalMs ?? 10_000;
    if (interval > 0) {
      this.timer = setInterval(() => {
        this.flush().catch(() => undefined); // logged in write()
      }, interval);
      this.timer.unref();
    }
  }

  /** Counts one call of `tenantId`, now. */
  count(tenantId: string): void {
    const day = dayOf(this.now());
    let days = this.pending.get(tenantId);
    if (!days) {
      days = new Map();
      this.pending.set(tenantId, days);
    }
    days.set(day, (days.get(day) ?? 0) + 1);
  }

  /**
   * Writes every pending count; resolves with the number of calls written. Flushes run one at a
   * time. On failure the counts go back to pending (nothing is lost) and the promise rejects.
   */
  flush(): Promise<number> {
    const run = this.flushing.catch(() => 0).then(() => this.write());
    this.flushing = run;
    return run;
  }

  /** Stops the timer and writes what is pending (call it after the last request was answered). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    try {
      await this.flush();
    } catch {
      // One more try: a connection dropped by the pool must not cost the day's counts.
      await this.flush().catch((error: Error) => {
        this.log.error('API call counts could not be written at shutdown', {
          error: error.message,
          calls: this.pendingCalls(),
        });
      });
    }
  }

  /**
   * Calls of `tenantId` today and this month (UTC): what the database holds plus this instance's
   * unwritten counts. Other instances' unwritten counts show after their next flush.
   */
  async usage(db: Executor, tenantId: string): Promise<ApiCallUsage> {
    const now = this.now();
    const today = dayOf(now);
    const monthStart = `${today.slice(0, 8)}01`;
    const [row] = await db
      .select({
        today: sql<string | number | null>`sum(${apiCalls.calls}) filter (where ${apiCalls.day} = ${today})`,
        month: sql<string | number | null>`sum(${apiCalls.calls})`,
      })
      .from(apiCalls)
      .where(and(eq(apiCalls.tenantId, tenantId), gte(apiCalls.day, monthStart)));
    let pendingToday = 0;
    let pendingMonth = 0;
    for (const [day, calls] of this.pending.get(tenantId) ?? []) {
      if (day === today) pendingToday += calls;
      if (day >= monthStart && day <= today) pendingMonth += calls;
    }
    return {
      today: Number(row?.today ?? 0) + pendingToday,
      month: Number(row?.month ?? 0) + pendingMonth,
    };
  }

  /** Calls counted and not yet written. */
  pendingCalls(): number {
    let total = 0;
    for (const days of this.pending.values()) for (const calls of days.values()) total += calls;
    return total;
  }

  private async write(): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = this.pending;
    this.pending = new Map();
    const rows: Array<{ tenantId: string; day: string; calls: number }> = [];
    for (const [tenantId, days] of batch) {
      for (const [day, calls] of days) rows.push({ tenantId, day, calls });
    }
    try {
      await this.db.transaction(async (tx) => {
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
          await tx
            .insert(apiCalls)
            .values(rows.slice(i, i + ROWS_PER_STATEMENT))
            .onConflictDoUpdate({
              target: [apiCalls.tenantId, apiCalls.day],
              set: { calls: sql`${apiCalls.calls} + excluded.calls` },
            });
        }
      });
    } catch (error) {
      for (const { tenantId, day, calls } of rows) {
        let days = this.pending.get(tenantId);
        if (!days) {
          days = new Map();
          this.pending.set(tenantId, days);
        }
        days.set(day, (days.get(day) ?? 0) + calls);
      }
      this.log.warn('API call counts not written; kept for the next flush', {
        error: (error as Error).message,
        calls: this.pendingCalls(),
      });
      throw error;
    }
    return rows.reduce((sum, r) => sum + r.calls, 0);
  }
}
