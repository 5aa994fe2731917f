import type { Invitation } from '@agentstack/sdk/schemas';
import { and, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { invitations } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

/** An invitation row as stored (with its token's hash, which never leaves the server). */
export type InvitationRow = typeof invitations.$inferSelect;

/** The wire shape of an invitation: never its token or hash. */
export function toInvitation(row: InvitationRow): Invitation {
  return wireOf(row, 'invitation', ['email', 'name', 'role', 'vendorId', 'createdAt', 'expiresAt']);
}

/** Invitations neither accepted, revoked nor expired at `now`. */
export function pendingAt(now: Date): SQL {
  return and(
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  ) as SQL;
}

/** SQL for one tenant's invitations: `invitationStore(db, tenantId)`. */
export const invitationStore = defineStore({
  table: invitations,
  scope: 'tenantId',
  toWire: toInvitation,
  orders: { createdAt: invitations.id },
  defaultOrder: '-createdAt',
});

/**
 * The one lookup that crosses tenants: accepting knows only the token. Returns the invitation
 * with that token hash, locked for the rest of the transaction so two accepts of one token queue.
 */
export async function invitationByTokenHashForUpdate(
  tx: Executor,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  const [row] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).for('update');
  return row;
}
