import type { Role, User } from '@agentstack/sdk/schemas';
import { and, desc, eq, isNull, lt, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { sessions, users } from '../../../db/schema';

/** A user row as stored (with its password hash, which never leaves the server). */
export type UserRow = typeof users.$inferSelect;
type Insert = typeof users.$inferInsert;

/** The wire shape of a user row: everything but the password hash. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    object: 'user',
    email: row.email,
    name: row.name,
    role: row.role as Role,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

/** Normalises an email for storage and lookup: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * SQL for one tenant's dashboard users. Every query goes through `scoped`, which always includes
 * the tenant: a store made for one tenant cannot read or write another's users.
 */
export function userStore(db: Executor, tenantId: string) {
  const scoped = (...conditions: (SQL | undefined)[]) => and(eq(users.tenantId, tenantId), ...conditions);
  return {
    async list(opts: { limit: number; startingAfter?: string }): Promise<UserRow[]> {
      return db
        .select()
        .from(users)
        .where(scoped(opts.startingAfter ? lt(users.id, opts.startingAfter) : undefined))
        .orderBy(desc(users.id))
        .limit(opts.limit + 1);
    },

    async get(id: string, forUpdate = false): Promise<UserRow | undefined> {
      const q = db
        .select()
        .from(users)
        .where(scoped(eq(users.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },

    async insert(values: Omit<Insert, 'tenantId'>): Promise<UserRow> {
      const [row] = await db
        .insert(users)
        .values({ ...values, tenantId })
        .returning();
      return row!;
    },

    async update(id: string, patch: Partial<Omit<Insert, 'id' | 'tenantId' | 'email'>>): Promise<UserRow> {
      const [row] = await db
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(scoped(eq(users.id, id)))
        .returning();
      return row!;
    },

    async remove(id: string): Promise<void> {
      await db.delete(users).where(scoped(eq(users.id, id)));
    },

    /** Revokes the user's live sessions, except `keepSessionId` (the caller's own, on a password change). */
    async revokeSessions(userId: string, keepSessionId?: string): Promise<number> {
      const revoked = await db
        .update(sessions)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(sessions.tenantId, tenantId),
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
          ),
        )
        .returning({ id: sessions.id });
      return revoked.length;
    },
  };
}

/**
 * The one lookup that crosses tenants: sign-in knows an email before it knows the tenant. Returns
 * every user with that (normalised) email, oldest first.
 */
export async function usersByEmail(db: Executor, email: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .orderBy(users.id);
}
