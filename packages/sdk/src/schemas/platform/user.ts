import * as z from 'zod/mini';
import { Email, ListParams, listOf, prefixedId, safeString, Timestamp } from '../common';

/** Dashboard roles, most powerful first. */
export const Role = z.enum(['owner', 'admin', 'support', 'compliance', 'moderator', 'viewer']);
export type Role = z.infer<typeof Role>;

const UserName = safeString(z.minLength(1), z.maxLength(120));
/** A new password: 12..256 characters (dashboard users and shoppers alike). */
export const NewPassword = safeString(z.minLength(12, 'must be at least 12 characters'), z.maxLength(256));
/** A password being checked (sign-in): 1..256 characters. */
export const Password = safeString(z.minLength(1), z.maxLength(256));

/** A dashboard user of one tenant. */
export const User = z.strictObject({
  id: prefixedId('usr'),
  object: z.literal('user'),
  email: z.string(),
  name: z.string(),
  role: Role,
  /**
   * The vendor this user works for (`ven_…`), or `null`. A vendor's user sees and acts on only
   * its vendor's part of orders (its items, its fulfilment, the totals of its items), reads the
   * catalogue, and nothing else of the tenant: the permissions of its role narrowed to
   * `VENDOR_PERMISSIONS` (`@agentstack/sdk/catalog`). Plan feature `commerce.multiVendor`.
   */
  vendorId: z.nullable(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lastLoginAt: z.nullable(Timestamp),
});
export type User = z.infer<typeof User>;

/** Sort orders of user lists: a field, descending with a leading `-`. */
export const UserOrder = z.enum([
  'name',
  '-name',
  'email',
  '-email',
  'role',
  '-role',
  'createdAt',
  '-createdAt',
]);
export type UserOrder = z.infer<typeof UserOrder>;

/** Query of `GET /v1/platform/users`. */
export const UserListParams = z.strictObject({
  ...ListParams.shape,
  /** Sort order, ties broken by id. Defaults to `-createdAt` (newest first). Cursors follow it. */
  order: z.optional(UserOrder),
});
export type UserListParams = z.input<typeof UserListParams>;

/** Body of `POST /v1/platform/users`. Passwords are stored with a memory-hard KDF (scrypt). */
export const UserCreate = z.strictObject({
  email: Email,
  name: UserName,
  role: Role,
  password: NewPassword,
  /**
   * Binds the user to a vendor of the tenant (plan feature `commerce.multiVendor`, else `403
   * feature_not_in_plan`; an unknown vendor is `404 not_found`). An owner cannot be bound.
   */
  vendorId: z.optional(prefixedId('ven')),
});
export type UserCreate = z.infer<typeof UserCreate>;

/** Body of `PATCH /v1/platform/users/:id`. */
export const UserUpdate = z.strictObject({
  name: z.optional(UserName),
  role: z.optional(Role),
  password: z.optional(NewPassword),
  /**
   * Binds the user to a vendor, or unbinds it (`null`): as on create. Unbinding gives the user
   * the whole of its role again, so it needs the right to grant that role; nobody changes their
   * own binding.
   */
  vendorId: z.optional(z.nullable(prefixedId('ven'))),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

/** Body of `POST /v1/platform/sessions`: sign a dashboard user in. */
export const SessionCreate = z.strictObject({
  email: Email,
  password: Password,
  /** Needed only when the same email belongs to users of several tenants. */
  tenantId: z.optional(prefixedId('ten')),
});
export type SessionCreate = z.infer<typeof SessionCreate>;

/** A signed-in session: `token` is the bearer credential, shown once. */
export const Session = z.strictObject({
  object: z.literal('session'),
  token: z.string(),
  expiresAt: Timestamp,
  user: User,
  tenantId: prefixedId('ten'),
});
export type Session = z.infer<typeof Session>;

/** The answer of `DELETE /v1/platform/users/:id`. */
export const DeletedUser = z.strictObject({
  id: z.string(),
  object: z.literal('user'),
  deleted: z.literal(true),
});
export type DeletedUser = z.infer<typeof DeletedUser>;

/** The answer of `DELETE /v1/platform/sessions/current`. */
export const RevokedSession = z.strictObject({ object: z.literal('session'), revoked: z.literal(true) });
export type RevokedSession = z.infer<typeof RevokedSession>;

/** A page of dashboard users. */
export const UserList = listOf(User);
