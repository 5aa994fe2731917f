import { and, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { type customerSessions, sessions } from '../../../db/schema';
import { defineStore } from '../../../db/store';

/** A session row (the token itself is never stored, only its SHA-256). */
export type SessionRow = typeof sessions.$inferSelect;

const sessionRows = defineStore({
  table: sessions,
  scope: 'tenantId',
  toWire: (row: SessionRow) => row,
  orders: { createdAt: sessions.id },
  defaultOrder: '-createdAt',
});

/** A table of revocable bearer sessions: dashboard users' (`sessions`) or shoppers' (`customer_sessions`). */
type SessionTable = typeof sessions | typeof customerSessions;

/**
 * Revokes the tenant's live sessions of `table` that match `conditions`; returns how many. The
 * one revocation both kinds of session share.
 */
export async function revokeLiveSessions(
  db: Executor,
  table: SessionTable,
  tenantId: string,
  ...conditions: (SQL | undefined)[]
): Promise<number> {
  const revoked = await db
    .update(table)
    .set({ revokedAt: new Date() })
    .where(and(eq(table.tenantId, tenantId), isNull(table.revokedAt), ...conditions))
    .returning({ id: table.id });
  return revoked.length;
}

/** SQL for one tenant's dashboard sessions; every query includes the tenant. */
export function sessionStore(db: Executor, tenantId: string) {
  const revokeLive = (...conditions: (SQL | undefined)[]) =>
    revokeLiveSessions(db, sessions, tenantId, ...conditions);
  return {
    insert: sessionRows(db, tenantId).insert,

    /** Marks one live session revoked; returns whether it was live. */
    async revoke(id: string): Promise<boolean> {
      return (await revokeLive(eq(sessions.id, id))) > 0;
    },

    /**
     * Revokes a user's live sessions, except `keepSessionId` (the caller's own, on a password
     * change). Returns how many were revoked.
     */
    revokeForUser(userId: string, keepSessionId?: string): Promise<number> {
      return revokeLive(
        eq(sessions.userId, userId),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      );
    },
  };
}
