import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { ApiError } from './errors';

/** What claiming a key yields: run the request, or replay what was stored. */
export type IdempotencyClaim = { kind: 'run' } | { kind: 'replay'; status: number; body: string };

/**
 * Stores responses of keyed POSTs for `ttlMs` (default 24 h). A claim inserts an `in_progress`
 * row (the primary key makes concurrent claims race safely: one inserts, the others see it);
 * a request that crashed leaves its lock to expire after `lockMs` (default 60 s).
 */
export class IdempotencyStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly lockMs = 60_000,
  ) {}

  /** The fingerprint a key is bound to. */
  hash(method: string, path: string, canonicalBody: string): string {
    return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonicalBody}`).digest('hex');
  }

  /** Claims `key` for this request, or answers the stored response, or throws 409. */
  async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    if (key.length > 255) {
      throw new ApiError(400, 'validation_failed', 'Idempotency-Key must be at most 255 characters.', {
        param: 'Idempotency-Key',
      });
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = new Date();
      const inserted = await this.db
        .insert(idempotencyKeys)
        .values({
          scope,
          key,
          requestHash,
          state: 'in_progress',
          lockedUntil: new Date(now.getTime() + this.lockMs),
          expiresAt: new Date(now.getTime() + this.ttlMs),
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length) return { kind: 'run' };

      const [row] = await this.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      if (!row) continue; // released between our insert and select: try again
      if (row.expiresAt <= now) {
        await this.db
          .delete(idempotencyKeys)
          .where(
            and(
              eq(idempotencyKeys.scope, scope),
              eq(idempotencyKeys.key, key),
              lt(idempotencyKeys.expiresAt, now),
            ),
          );
        continue;
      }
      if (row.requestHash !== requestHash) {
        throw new ApiError(
          409,
          'idempotency_conflict',
          'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
          { param: 'Idempotency-Key' },
        );
      }
      if (row.state === 'done')
        return { kind: 'replay', status: row.responseStatus ?? 200, body: row.responseBody ?? '' };
      if (row.lockedUntil > now) {
        throw new ApiError(
          409,
          'idempotency_in_progress',
          'A request with this Idempotency-Key is still being processed. Retry after it completes.',
          { param: 'Idempotency-Key' },
        );
      }
      // The first attempt died holding the lock: take it over, once.
      const taken = await this.db
        .update(idempotencyKeys)
        .set({ lockedUntil: new Date(now.getTime() + this.lockMs) })
        .where(
          and(
            eq(idempotencyKeys.scope, scope),
            eq(idempotencyKeys.key, key),
            eq(idempotencyKeys.state, 'in_progress'),
            lt(idempotencyKeys.lockedUntil, now),
          ),
        )
        .returning({ key: idempotencyKeys.key });
      if (taken.length) return { kind: 'run' };
    }
    throw new ApiError(
      409,
      'idempotency_in_progress',
      'A request with this Idempotency-Key is being processed.',
      {
        param: 'Idempotency-Key',
      },
    );
  }

  /** Records the response of a claimed key. */
  async complete(db: Executor, scope: string, key: string, status: number, body: string): Promise<void> {
    await db
      .update(idempotencyKeys)
      .set({ state: 'done', responseStatus: status, responseBody: body })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  }

  /** Frees a claimed key after a failure that should not be replayed (5xx). */
  async release(scope: string, key: string): Promise<void> {
    await this.db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.scope, scope),
          eq(idempotencyKeys.key, key),
          eq(idempotencyKeys.state, 'in_progress'),
        ),
      );
  }

  /** Deletes expired keys; returns how many. */
  async sweep(): Promise<number> {
    const rows = await this.db
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.expiresAt, sql`now()`))
      .returning({ key: idempotencyKeys.key });
    return rows.length;
  }
}
