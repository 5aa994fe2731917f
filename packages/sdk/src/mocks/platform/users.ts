import { canGrant } from '../../catalog/permissions';
import { sessionOperations } from '../../contract/platform/sessions';
import { userOperations } from '../../contract/platform/users';
import { ProblemError } from '../../contract/problem';
import { newId } from '../../schemas/ids';
import type { Role, Session, User, UserCreate } from '../../schemas/platform/user';
import { findById, now, orderBy, paginate } from '../collection';
import type { MockDb } from '../db';
import { type Caller, mockResource } from '../pipeline';
import { randomToken } from '../problems';
import { recordMockEvent } from '../realtime/events';
import { requireMockFeature, requireMockSlot } from '../rules';

const ORDER_FIELDS = {
  name: (u: User) => u.name,
  email: (u: User) => u.email,
  role: (u: User) => u.role,
  createdAt: (u: User) => u.createdAt,
};

function requireOwner(caller: Caller, what: string, param: string): void {
  if (caller.role !== 'owner')
    throw new ProblemError(403, 'forbidden', `Only an owner may ${what}.`, { param });
}

/** As the server: a vendor's user manages no users or invitations. */
export function requireMockNotVendorUser(caller: Caller, what: string): void {
  if (caller.vendorId !== undefined)
    throw new ProblemError(403, 'forbidden', `A vendor's user may not ${what}.`);
}

/**
 * As the server: binding a user of `role` to `vendorId` needs `commerce.multiVendor`, a vendor of
 * the tenant (`404` naming `vendorId`) and a role other than owner (`400 validation_failed`).
 */
export function requireMockVendorBinding(db: MockDb, caller: Caller, role: Role, vendorId: string): void {
  requireMockNotVendorUser(caller, 'bind users to vendors');
  requireMockFeature(db, 'commerce.multiVendor');
  if (role === 'owner') {
    throw new ProblemError(400, 'validation_failed', 'An owner cannot be bound to a vendor.', {
      param: 'vendorId',
    });
  }
  if (!db.vendors.some((v) => v.id === vendorId)) {
    throw new ProblemError(404, 'not_found', `No vendor with id '${vendorId}'.`, { param: 'vendorId' });
  }
}

/**
 * Adds a user to the model as the server does: a seat of `platform.dashboardUsers` (`402`), a
 * unique email (`409 conflict`), and a `user.created` event.
 */
export function addMockUser(db: MockDb, input: UserCreate): User {
  requireMockSlot(db, 'platform.dashboardUsers');
  if (db.users.some((u) => u.email.toLowerCase() === input.email.toLowerCase())) {
    throw new ProblemError(
      409,
      'conflict',
      `A user with email '${input.email}' already exists in this tenant.`,
      {
        param: 'email',
      },
    );
  }
  const at = now();
  const user: User = {
    id: newId('usr'),
    object: 'user',
    email: input.email.toLowerCase(),
    name: input.name,
    role: input.role,
    vendorId: input.vendorId ?? null,
    createdAt: at,
    updatedAt: at,
    lastLoginAt: null,
  };
  db.users.push(user);
  db.passwords.set(user.id, input.password);
  recordMockEvent(db, 'user.created', user);
  return user;
}

/** Signs `user` in: a 12-hour session, as the server answers it. */
export function openMockSession(db: MockDb, user: User): Session {
  user.lastLoginAt = now();
  const token = randomToken('sess_');
  const expiresAt = new Date(Date.now() + 12 * 3_600_000).toISOString();
  db.sessions.set(token, { userId: user.id, expiresAt });
  return { object: 'session', token, expiresAt, user, tenantId: db.tenant.id };
}

/** Dashboard users and sessions in memory. */
export const userMocks = [
  ...mockResource(userOperations, {
    list(ctx) {
      ctx.tenant();
      return paginate(ctx.db.users, ctx.query, orderBy(ctx.query.order, ORDER_FIELDS));
    },
    create(ctx) {
      const caller = ctx.tenant();
      const { db, body } = ctx;
      requireMockNotVendorUser(caller, 'create users');
      if (body.role === 'owner') requireOwner(caller, 'create an owner', 'role');
      if (body.vendorId !== undefined) requireMockVendorBinding(db, caller, body.role, body.vendorId);
      return addMockUser(db, body);
    },
    retrieve(ctx) {
      ctx.tenant();
      return findById(ctx.db.users, ctx.params.id, 'user');
    },
    update(ctx) {
      const caller = ctx.tenant();
      requireMockNotVendorUser(caller, 'change users');
      const user = findById(ctx.db.users, ctx.params.id, 'user');
      const { password, ...input } = ctx.body;
      if (input.role === 'owner' && user.role !== 'owner')
        requireOwner(caller, 'promote a user to owner', 'role');
      if (user.role === 'owner' && input.role !== undefined && input.role !== 'owner') {
        requireOwner(caller, "change an owner's role", 'role');
      }
      const role = input.role ?? user.role;
      const vendorId = input.vendorId === undefined ? user.vendorId : input.vendorId;
      if (input.vendorId !== undefined && input.vendorId !== user.vendorId) {
        if (caller.userId === user.id) {
          throw new ProblemError(403, 'forbidden', 'You cannot change your own vendor binding.', {
            param: 'vendorId',
          });
        }
        if (role !== 'owner' && (!caller.role || !canGrant(caller.role, role))) {
          throw new ProblemError(
            403,
            'forbidden',
            `Your role (${caller.role}) may not change the vendor of a user with role '${role}'.`,
            { param: 'role' },
          );
        }
      }
      if (vendorId !== null && (input.vendorId !== undefined || input.role !== undefined))
        requireMockVendorBinding(ctx.db, caller, role, vendorId);
      if (password !== undefined) ctx.db.passwords.set(user.id, password);
      Object.assign(user, input, { updatedAt: now() });
      recordMockEvent(ctx.db, 'user.updated', user);
      return user;
    },
    del(ctx) {
      const caller = ctx.tenant();
      requireMockNotVendorUser(caller, 'delete users');
      const { db } = ctx;
      const user = findById(db.users, ctx.params.id, 'user');
      if (user.id === caller.userId) {
        throw new ProblemError(
          403,
          'forbidden',
          'You cannot delete your own user; ask another owner or admin.',
          {
            param: 'id',
          },
        );
      }
      if (user.role === 'owner') requireOwner(caller, 'delete an owner', 'id');
      db.users.splice(db.users.indexOf(user), 1);
      db.passwords.delete(user.id);
      for (const [token, session] of db.sessions) if (session.userId === user.id) db.sessions.delete(token);
      const deleted = { id: user.id, object: 'user' as const, deleted: true as const };
      recordMockEvent(db, 'user.deleted', deleted);
      return deleted;
    },
  }),
  ...mockResource(sessionOperations, {
    create({ db, body }) {
      const user = db.users.find((u) => u.email.toLowerCase() === body.email.toLowerCase());
      if (!user || db.passwords.get(user.id) !== body.password) {
        throw new ProblemError(401, 'invalid_credentials', 'The email or password is not correct.');
      }
      return openMockSession(db, user);
    },
    revoke({ db, caller }) {
      if (!caller) {
        throw new ProblemError(
          401,
          'unauthenticated',
          'Send the session token as `Authorization: Bearer <token>`.',
        );
      }
      if (caller.kind !== 'session') {
        throw new ProblemError(
          400,
          'bad_request',
          'Only a session token can be signed out; API keys are revoked through /v1/platform/api-keys.',
        );
      }
      db.sessions.delete(caller.token);
      return { object: 'session', revoked: true };
    },
  }),
];
