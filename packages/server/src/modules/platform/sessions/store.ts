import { and, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { sessions } from '../../../db/schema';
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

/** SQL for one tenant's dashboard sessions; every query includes the tenant. */
export function sessionStore(db: Executor, tenantId: string) {
  const revokeLive = async (...conditions: (SQL | undefined)[]) => {
    const revoked = await db
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.tenantId, tenantId), isNull(sessions.revokedAt), ...conditions))
      .returning({ id: sessions.id });
    return revoked.length;
  };
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
