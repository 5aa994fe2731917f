import { canGrant } from '../../catalog/permissions';
import { invitationOperations } from '../../contract/platform/invitations';
import { ProblemError } from '../../contract/problem';
import { newId } from '../../schemas/ids';
import type { Invitation, InvitationWithToken } from '../../schemas/platform/invitation';
import { findById, now, paginate } from '../collection';
import type { MockDb, MockInvitation } from '../db';
import { mockResource } from '../pipeline';
import { randomToken } from '../problems';
import { requireMockSlot } from '../rules';
import { addMockUser, openMockSession, requireMockNotVendorUser, requireMockVendorBinding } from './users';

const TTL_MS = 7 * 24 * 3_600_000;

function isPending(i: MockInvitation): boolean {
  return !i.acceptedAt && !i.revokedAt && Date.parse(i.expiresAt) > Date.now();
}

function wire({ token: _secret, acceptedAt: _a, revokedAt: _r, ...invitation }: MockInvitation): Invitation {
  return invitation;
}

function pendingFor(db: MockDb): MockInvitation[] {
  return db.invitations.filter(isPending);
}

/** `/v1/platform/invitations` in memory, with the server's rules. */
export const invitationMocks = mockResource(invitationOperations, {
  list(ctx) {
    ctx.tenant();
    return paginate(pendingFor(ctx.db).map(wire), ctx.query);
  },
  create(ctx): InvitationWithToken {
    const caller = ctx.tenant();
    const { db, body } = ctx;
    requireMockNotVendorUser(caller, 'invite users');
    if (
      !caller.role ||
      !(body.role === 'owner' ? caller.role === 'owner' : canGrant(caller.role, body.role))
    ) {
      throw new ProblemError(
        403,
        'forbidden',
        `Your role (${caller.role}) may not invite a user with role '${body.role}'.`,
        {
          param: 'role',
        },
      );
    }
    if (body.vendorId !== undefined) requireMockVendorBinding(db, caller, body.role, body.vendorId);
    requireMockSlot(db, 'platform.dashboardUsers');
    const email = body.email.trim().toLowerCase();
    if (db.users.some((u) => u.email.toLowerCase() === email)) {
      throw new ProblemError(409, 'conflict', `A user with email '${email}' already exists in this tenant.`, {
        param: 'email',
      });
    }
    if (pendingFor(db).some((i) => i.email === email)) {
      throw new ProblemError(
        409,
        'conflict',
        `'${email}' already has a pending invitation; revoke it first.`,
        {
          param: 'email',
        },
      );
    }
    const at = Date.now();
    const token = randomToken('inv_');
    const stored: MockInvitation = {
      id: newId('inv'),
      object: 'invitation',
      email,
      name: body.name,
      role: body.role,
      vendorId: body.vendorId ?? null,
      createdAt: new Date(at).toISOString(),
      expiresAt: new Date(at + TTL_MS).toISOString(),
      token,
      acceptedAt: null,
      revokedAt: null,
    };
    db.invitations.push(stored);
    const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;
    return {
      ...wire(stored),
      token,
      acceptUrl: `${origin}/#/accept?token=${token}`,
      delivery: { status: db.invitationEmail },
    };
  },
  revoke(ctx) {
    requireMockNotVendorUser(ctx.tenant(), 'revoke invitations');
    const invitation = findById(ctx.db.invitations, ctx.params.id, 'invitation');
    if (!isPending(invitation)) {
      throw new ProblemError(409, 'invalid_state', 'Only a pending invitation can be revoked.', {
        param: 'id',
      });
    }
    invitation.revokedAt = now();
    return wire(invitation);
  },
  accept({ db, body }) {
    const invitation = db.invitations.find((i) => i.token === body.token);
    if (!invitation || !isPending(invitation)) {
      throw new ProblemError(
        404,
        'not_found',
        'This invitation does not exist, was already accepted, was revoked or has expired. Ask for a new one.',
        { param: 'token' },
      );
    }
    const { email, name, role, vendorId } = invitation;
    if (vendorId !== null && !db.vendors.some((v) => v.id === vendorId)) {
      throw new ProblemError(
        404,
        'not_found',
        'This invitation does not exist, was already accepted, was revoked or has expired. Ask for a new one.',
        { param: 'token' },
      );
    }
    const user = addMockUser(db, {
      email,
      name,
      role,
      password: body.password,
      ...(vendorId !== null && { vendorId }),
    });
    invitation.acceptedAt = now();
    return openMockSession(db, user);
  },
});
