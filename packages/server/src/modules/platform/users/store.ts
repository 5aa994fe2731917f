import type { User } from '@agentstack/sdk/schemas';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { users } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

/** A user row as stored (with its password hash, which never leaves the server). */
export type UserRow = typeof users.$inferSelect;

/** The wire shape of a user row: everything but the password hash. */
export function toUser(row: UserRow): User {
  return wireOf(row, 'user', ['email', 'name', 'role', 'vendorId', 'createdAt', 'updatedAt', 'lastLoginAt']);
}

/** Normalises an email for storage and lookup: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** SQL for one tenant's dashboard users: `userStore(db, tenantId)`. */
export const userStore = defineStore({
  table: users,
  scope: 'tenantId',
  toWire: toUser,
  orders: { createdAt: users.id, name: users.name, email: users.email, role: users.role },
  defaultOrder: '-createdAt',
});

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
