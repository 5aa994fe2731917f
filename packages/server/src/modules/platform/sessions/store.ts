import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { sessions } from '../../../db/schema';

/** A session row (the token itself is never stored, only its SHA-256). */
export type SessionRow = typeof sessions.$inferSelect;

/** SQL for one tenant's dashboard sessions; every query includes the tenant. */
export function sessionStore(db: Executor, tenantId: string) {
  return {
    async insert(values: {
      id: string;
      userId: string;
      tokenHash: string;
      expiresAt: Date;
    }): Promise<SessionRow> {
      const [row] = await db
        .insert(sessions)
        .values({ ...values, tenantId })
        .returning();
      return row!;
    },

    /** Marks one live session revoked; returns whether it was live. */
    async revoke(id: string): Promise<boolean> {
      const rows = await db
        .update(sessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return rows.length > 0;
    },
  };
}
