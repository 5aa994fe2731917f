import { operation } from '../operation';

const BASE = '/v1/platform/invitations';

/** `/v1/platform/invitations`: invitations the invitee redeems to become a dashboard user. */
export const invitationOperations = {
  /** Lists the pending invitations (neither accepted, revoked nor expired), newest first. Tokens are never listed. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'platform',
    summary: 'List pending invitations',
    permission: 'platform:users:read',
    query: 'ListParams',
    response: 'InvitationList',
    list: true,
  }),
  /**
   * Invites a dashboard user: answers a one-time `token` and `acceptUrl`, shown only this once.
   * The role may not exceed the inviter's. A free seat of the plan's `platform.dashboardUsers`
   * limit is needed to invite and again to accept (the seat is taken on acceptance). Expires
   * after 7 days. `vendorId` invites a vendor's user (plan feature `commerce.multiVendor`).
   */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'platform',
    summary: 'Invite a dashboard user',
    permission: 'platform:users:write',
    body: 'InvitationCreate',
    response: 'InvitationWithToken',
    status: 201,
    errors: ['conflict', 'tier_limit_reached', 'feature_not_in_plan'],
    secret: true,
  }),
  /** Revokes a pending invitation: its token no longer works. */
  revoke: operation({
    method: 'post',
    path: `${BASE}/:id/revoke`,
    tag: 'platform',
    summary: 'Revoke an invitation',
    permission: 'platform:users:write',
    response: 'Invitation',
  }),
  /**
   * Redeems an invitation's token: creates the user with the password chosen here and signs them
   * in. A token works once; an unknown, used, revoked or expired one answers `404 not_found`.
   */
  accept: operation({
    method: 'post',
    path: `${BASE}/accept`,
    tag: 'platform',
    summary: 'Accept an invitation',
    permission: 'public',
    body: 'InvitationAccept',
    response: 'Session',
    status: 201,
    errors: ['not_found', 'conflict', 'tier_limit_reached'],
    secret: true,
  }),
} as const;
