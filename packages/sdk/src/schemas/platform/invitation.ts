import * as z from 'zod/mini';
import { Email, listOf, prefixedId, safeString, Timestamp } from '../common';
import { Role } from './user';

/**
 * A pending invitation to become a dashboard user of the tenant. The invitee redeems its one-time
 * token (`POST /v1/platform/invitations/accept`) and chooses their own password. Expires 7 days
 * after it was made.
 */
export const Invitation = z.strictObject({
  id: prefixedId('inv'),
  object: z.literal('invitation'),
  email: z.string(),
  name: z.string(),
  role: Role,
  /** The vendor the invitee will work for (see `User.vendorId`), or `null`. */
  vendorId: z.nullable(z.string()),
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
export type Invitation = z.infer<typeof Invitation>;

/**
 * What became of an invitation's email: `sent` (the mail server accepted it), `not_configured`
 * (this server sends no email: hand the link over yourself) or `failed` (refused, unreachable or
 * too slow; the invitation exists all the same — hand the link over yourself).
 */
export const EmailStatus = z.enum(['sent', 'not_configured', 'failed']);
export type EmailStatus = z.infer<typeof EmailStatus>;

/**
 * The answer of `POST /v1/platform/invitations`: the only time `token` and `acceptUrl` are shown.
 * Hand the link to the invitee; only a hash of the token is stored.
 */
export const InvitationWithToken = z.strictObject({
  ...Invitation.shape,
  /** The one-time token the invitee redeems. */
  token: z.string(),
  /** Where the invitee accepts: the dashboard's `#/accept?token=…` page. */
  acceptUrl: z.string(),
  /** Whether the link was emailed to the invitee (`status`); otherwise hand `acceptUrl` over yourself. */
  delivery: z.strictObject({ status: EmailStatus }),
});
export type InvitationWithToken = z.infer<typeof InvitationWithToken>;

/** Body of `POST /v1/platform/invitations`. The role may not exceed the inviter's. */
export const InvitationCreate = z.strictObject({
  email: Email,
  name: safeString(z.minLength(1), z.maxLength(120)),
  role: Role,
  /** Makes the invitee a vendor's user (see `UserCreate.vendorId`: same plan feature and rules). */
  vendorId: z.optional(prefixedId('ven')),
});
export type InvitationCreate = z.infer<typeof InvitationCreate>;

/** Body of `POST /v1/platform/invitations/accept`: the token and the invitee's new password. */
export const InvitationAccept = z.strictObject({
  token: safeString(z.minLength(1), z.maxLength(200)),
  password: safeString(z.minLength(12, 'must be at least 12 characters'), z.maxLength(256)),
});
export type InvitationAccept = z.infer<typeof InvitationAccept>;

/** A page of pending invitations. */
export const InvitationList = listOf(Invitation);
