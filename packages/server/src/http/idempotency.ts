import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { ApiError } from './errors';

/** What claiming a key yields: run the request, or replay what was stored. */
export type IdempotencyClaim = { kind: 'run' } | { kind: 'replay'; status: number; body: string };

/** The caller a keyed request is bound to: its credential's id and the bearer secret itself. */
export interface IdempotencyCaller {
  credentialId: string;
  /** The bearer token as sent. Never stored: stored replies are sealed with a key derived from it. */
  token: string;
}

/** One keyed POST, bound to its caller (see {@link IdempotencyStore.bind}). */
export interface IdempotentRequest {
  /** Claims the key for this request, or answers the stored reply, or throws 409. */
  claim(): Promise<IdempotencyClaim>;
  /** Stores the reply (sealed) on `db` — the request's transaction for a success. */
  complete(db: Executor, status: number, body: unknown): Promise<void>;
  /** Frees the key after a failure that should not be replayed (5xx). */
  release(): Promise<void>;
}

const SEALED = 'v1.';

/**
 * Stores replies of keyed POSTs for `ttlMs` (default 24 h). A claim inserts an `in_progress`
 * row (the primary key makes concurrent claims race safely: one inserts, the others see it);
 * a request that crashed leaves its lock to expire after `lockMs` (default 60 s).
 *
 * Keys are scoped to the calling credential, not its tenant, and everything stored is unreadable
 * without that credential: the request fingerprint is an HMAC and the reply is sealed with
 * AES-256-GCM, both under keys derived (HKDF-SHA256) from the bearer token, which the server
 * never stores. A database dump therefore holds no new key's `secret`, no session `token` and no
 * fast hash of a password sent in a body, and a replay can only be read by the credential that
 * made the request.
 */
export class IdempotencyStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly lockMs = 60_000,
  ) {}

  /**
   * Binds `key` to its caller and request. Without a private credential to bind to — no
   * credential, or a publishable key, which every browser of the tenant shares — there is
   * nobody a stored reply could safely be replayed to: the key is not honoured and `null` says
   * so (the request simply runs).
   */
  bind(
    key: string,
    caller: IdempotencyCaller | null,
    request: { method: string; path: string; body: string },
  ): IdempotentRequest | null {
    if (key.length > 255) {
      throw new ApiError(400, 'validation_failed', 'Idempotency-Key must be at most 255 characters.', {
        param: 'Idempotency-Key',
      });
    }
    if (!caller) return null;
    const scope = caller.credentialId;
    const derived = Buffer.from(
      hkdfSync('sha256', caller.token, scope, `agentstack idempotency v1\0${key}`, 64),
    );
    const macKey = derived.subarray(0, 32);
    const sealKey = derived.subarray(32);
    const requestHash = createHmac('sha256', macKey)
      .update(`${request.method.toUpperCase()} ${request.path}\n${request.body}`)
      .digest('hex');
    return {
      claim: async () => {
        const claim = await this.claim(scope, key, requestHash);
        if (claim.kind === 'run') return claim;
        return { ...claim, body: open(sealKey, claim.body) };
      },
      complete: (db, status, body) =>
        this.complete(db, scope, key, status, seal(sealKey, JSON.stringify(body))),
      release: () => this.release(scope, key),
    };
  }

  private async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
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

  private async complete(
    db: Executor,
    scope: string,
    key: string,
    status: number,
    body: string,
  ): Promise<void> {
    await db
      .update(idempotencyKeys)
      .set({ state: 'done', responseStatus: status, responseBody: body })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  }

  private async release(scope: string, key: string): Promise<void> {
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

// AES-256-GCM: `v1.` + base64(iv ‖ tag ‖ ciphertext). A fresh 96-bit IV per reply.
function seal(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

function open(key: Buffer, sealed: string): string {
  try {
    if (!sealed.startsWith(SEALED)) throw new Error('not sealed');
    const raw = Buffer.from(sealed.slice(SEALED.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    // Only another credential's key fails here, and the scope already keeps those apart.
    throw new ApiError(
      409,
      'idempotency_conflict',
      'This Idempotency-Key was already used by another request. Use a new key for a new request.',
      { param: 'Idempotency-Key' },
    );
  }
}
