import type {
  Invitation,
  InvitationAccept,
  InvitationCreate,
  InvitationWithToken,
  ListParams,
  ListResponse,
  Session,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { and, eq } from 'drizzle-orm';
import { generateSecret, hashPassword, hashSecret } from '../../../auth/credentials';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { invitations, users } from '../../../db/schema';
import { recordEvent } from '../../../events/outbox';
import { ApiError, notFound } from '../../../http/errors';
import { vendorStore } from '../../commerce/vendors/store';
import { reserve } from '../entitlements/service';
import { openSession } from '../sessions/service';
import {
  addUser,
  duplicateEmail,
  requireGrant,
  requireNotVendorUser,
  requireVendorBinding,
} from '../users/service';
import { normalizeEmail, userStore } from '../users/store';
import { invitationByTokenHashForUpdate, invitationStore, pendingAt, toInvitation } from './store';

/** How long an invitation can be accepted: 7 days. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// One answer for every token that cannot be redeemed, so the answer tells nothing about why.
function unusable(): ApiError {
  return new ApiError(
    404,
    'not_found',
    'This invitation does not exist, was already accepted, was revoked or has expired. Ask for a new one.',
    { param: 'token' },
  );
}

/**
 * Invitations to become a dashboard user. The accept link is answered once to the inviter; the
 * route emails it too when an email transport is configured (after the transaction commits).
 */
export const invitationService = {
  /** Lists the pending invitations, newest first. */
  async list(db: Executor, caller: TenantPrincipal, params: ListParams): Promise<ListResponse<Invitation>> {
    return invitationStore(db, caller.tenant.id).page(params, pendingAt(new Date()));
  },

  /**
   * Invites `input.email` with a role no higher than the caller's. Checks a seat is free (it is
   * taken on acceptance) and that no user or pending invitation has the email (`409 conflict`).
   * `acceptBase` is the dashboard's address the link points at.
   */
  async create(
    tx: Executor,
    caller: TenantPrincipal,
    input: InvitationCreate,
    acceptBase: string,
  ): Promise<Omit<InvitationWithToken, 'delivery'>> {
    requireNotVendorUser(caller, 'invite users');
    requireGrant(
      caller,
      input.role,
      input.role === 'owner' ? 'invite an owner' : `invite a user with role '${input.role}'`,
    );
    if (input.vendorId !== undefined) await requireVendorBinding(tx, caller, input.role, input.vendorId);
    const tenant = await reserve(tx, caller.tenant.id, 'platform.dashboardUsers');
    const email = normalizeEmail(input.email);
    if ((await userStore(tx, tenant.id).count(eq(users.email, email))) > 0) throw duplicateEmail(email);
    const store = invitationStore(tx, tenant.id);
    const now = new Date();
    if ((await store.count(and(pendingAt(now), eq(invitations.email, email)))) > 0) {
      throw new ApiError(409, 'conflict', `'${email}' already has a pending invitation; revoke it first.`, {
        param: 'email',
      });
    }
    const token = generateSecret('inv');
    const row = await store.insert({
      id: newId('inv'),
      email,
      name: input.name,
      role: input.role,
      vendorId: input.vendorId ?? null,
      tokenHash: hashSecret(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    const invitation = toInvitation(row);
    await recordEvent(tx, tenant.id, 'invitation.created', invitation);
    return { ...invitation, token, acceptUrl: `${acceptBase}#/accept?token=${token}` };
  },

  /** Revokes a pending invitation; one already accepted, revoked or expired answers `409 invalid_state`. */
  async revoke(tx: Executor, caller: TenantPrincipal, id: string): Promise<Invitation> {
    requireNotVendorUser(caller, 'revoke invitations');
    const store = invitationStore(tx, caller.tenant.id);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('invitation', id);
    if (current.acceptedAt || current.revokedAt || current.expiresAt <= new Date()) {
      throw new ApiError(409, 'invalid_state', 'Only a pending invitation can be revoked.', { param: 'id' });
    }
    const invitation = toInvitation(await store.update(id, { revokedAt: new Date() }));
    await recordEvent(tx, caller.tenant.id, 'invitation.revoked', invitation);
    return invitation;
  },

  /**
   * Redeems a token within `tx`: creates the user with `input.password`, marks the invitation
   * accepted and signs the user in. The invitation row is locked first, so of two concurrent
   * accepts one waits and then finds it used.
   */
  async accept(tx: Executor, input: InvitationAccept): Promise<Session> {
    // Hash before locking anything: scrypt is slow.
    const passwordHash = await hashPassword(input.password);
    const invitation = await invitationByTokenHashForUpdate(tx, hashSecret(input.token));
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) {
      throw unusable();
    }
    // A vendor deleted since (its pending invitations are revoked then; this is the backstop).
    if (
      invitation.vendorId &&
      !(await vendorStore(tx, invitation.tenantId).getForUpdate(invitation.vendorId))
    ) {
      throw unusable();
    }
    const user = await addUser(tx, invitation.tenantId, {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      passwordHash,
      vendorId: invitation.vendorId,
    });
    await invitationStore(tx, invitation.tenantId).update(invitation.id, { acceptedAt: new Date() });
    return openSession(tx, user);
  },
};
