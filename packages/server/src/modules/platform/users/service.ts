import { canGrant } from '@agentstack/sdk/catalog';
import type {
  DeletedUser,
  ListResponse,
  Role,
  User,
  UserCreate,
  UserListParams,
  UserUpdate,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { hashPassword } from '../../../auth/credentials';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { isUniqueViolation } from '../../../db/errors';
import { recordEvent } from '../../../events/outbox';
import { ApiError, notFound } from '../../../http/errors';
import { vendorStore } from '../../commerce/vendors/store';
import { requireFeature, reserve } from '../entitlements/service';
import { registerUsage } from '../entitlements/usage';
import { sessionStore } from '../sessions/store';
import { normalizeEmail, toUser, type UserRow, userStore } from './store';

const EMAIL_INDEX = 'users_tenant_email_idx';

// Every dashboard user of the tenant counts toward the plan's seat limit.
registerUsage('platform.dashboardUsers', (db, tenantId) => userStore(db, tenantId).count());

/** `409 conflict`: a user of the tenant already has `email`. */
export function duplicateEmail(email: string): ApiError {
  return new ApiError(409, 'conflict', `A user with email '${email}' already exists in this tenant.`, {
    param: 'email',
  });
}

// Owners hold the keys to the tenant: only an owner may make, change or remove one.
function requireOwnerFor(caller: TenantPrincipal, what: string, param: string): void {
  if (caller.role !== 'owner') {
    throw new ApiError(403, 'forbidden', `Only an owner may ${what}.`, { param });
  }
}

/**
 * Refuses (`403 forbidden`) to let `caller` give `role`: nobody gives a role beyond their own
 * (see `canGrant`); only an owner gives owner. `what` completes "may not …" in the message.
 */
export function requireGrant(caller: TenantPrincipal, role: Role, what: string): void {
  if (role === 'owner') requireOwnerFor(caller, what, 'role');
  else if (!caller.role || !canGrant(caller.role, role)) {
    throw new ApiError(403, 'forbidden', `Your role (${caller.role}) may not ${what}.`, { param: 'role' });
  }
}

/**
 * Checks that a user of `role` may be bound to vendor `vendorId` of the caller's tenant: plan
 * feature `commerce.multiVendor` (`403 feature_not_in_plan`), a vendor of the tenant (`404
 * not_found`, locked until commit so it cannot be deleted meanwhile), and not an owner (`400
 * validation_failed`). A vendor's user itself binds nobody (`403 forbidden`).
 */
export async function requireVendorBinding(
  tx: Executor,
  caller: TenantPrincipal,
  role: Role,
  vendorId: string,
): Promise<void> {
  requireNotVendorUser(caller, 'bind users to vendors');
  requireFeature(caller.tenant, 'commerce.multiVendor');
  if (role === 'owner') {
    throw new ApiError(400, 'validation_failed', 'An owner cannot be bound to a vendor.', {
      param: 'vendorId',
    });
  }
  if (!(await vendorStore(tx, caller.tenant.id).getForUpdate(vendorId))) {
    throw new ApiError(404, 'not_found', `No vendor with id '${vendorId}'.`, { param: 'vendorId' });
  }
}

/**
 * `403 forbidden` for a vendor's user: it manages no users or invitations (its permissions lack
 * them already; this holds even if a role table change gave them back).
 */
export function requireNotVendorUser(caller: TenantPrincipal, what: string): void {
  if (caller.vendorId !== undefined) {
    throw new ApiError(403, 'forbidden', `A vendor's user may not ${what}.`);
  }
}

/**
 * Adds a user to the tenant within `tx`: takes a seat of `platform.dashboardUsers` (`402
 * tier_limit_reached` when none is left), answers `409 conflict` when the email is taken, and
 * records `user.created`. The caller has checked who may add this role.
 */
export async function addUser(
  tx: Executor,
  tenantId: string,
  input: { email: string; name: string; role: Role; passwordHash: string; vendorId?: string | null },
): Promise<UserRow> {
  const tenant = await reserve(tx, tenantId, 'platform.dashboardUsers');
  const email = normalizeEmail(input.email);
  const now = new Date();
  try {
    const row = await userStore(tx, tenant.id).insert({
      id: newId('usr'),
      email,
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      vendorId: input.vendorId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordEvent(tx, tenant.id, 'user.created', toUser(row));
    return row;
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_INDEX)) throw duplicateEmail(email);
    throw error;
  }
}

/** Business rules of a tenant's dashboard users. Writes run inside the request's transaction. */
export const userService = {
  /** Lists users in `params.order` (name, email, role or creation; `-` for descending). */
  async list(db: Executor, caller: TenantPrincipal, params: UserListParams): Promise<ListResponse<User>> {
    return userStore(db, caller.tenant.id).page(params);
  },

  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<User> {
    const row = await userStore(db, caller.tenant.id).get(id);
    if (!row) throw notFound('user', id);
    return toUser(row);
  },

  async create(tx: Executor, caller: TenantPrincipal, input: UserCreate): Promise<User> {
    requireNotVendorUser(caller, 'create users');
    requireGrant(
      caller,
      input.role,
      input.role === 'owner' ? 'create an owner' : `create a user with role '${input.role}'`,
    );
    if (input.vendorId !== undefined) await requireVendorBinding(tx, caller, input.role, input.vendorId);
    // Hash before taking the tenant lock: scrypt is slow and the lock serialises the tenant's creates.
    const passwordHash = await hashPassword(input.password);
    return toUser(await addUser(tx, caller.tenant.id, { ...input, passwordHash }));
  },

  /**
   * Updates name, role, password or vendor binding. A password change signs the user out
   * everywhere else (the caller's own session stays); the caller must drop cached principals
   * afterwards. Binding or unbinding needs the right to grant the user's role (unbinding gives
   * the whole role back), and nobody changes their own binding.
   */
  async update(tx: Executor, caller: TenantPrincipal, id: string, input: UserUpdate): Promise<User> {
    requireNotVendorUser(caller, 'change users');
    const store = userStore(tx, caller.tenant.id);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('user', id);
    if (current.role === 'owner' && caller.role !== 'owner') requireOwnerFor(caller, 'change an owner', 'id');
    if (input.role !== undefined && input.role !== current.role)
      requireGrant(
        caller,
        input.role,
        input.role === 'owner' ? 'promote a user to owner' : `give role '${input.role}'`,
      );
    const role = input.role ?? current.role;
    const vendorId = input.vendorId === undefined ? current.vendorId : input.vendorId;
    if (input.vendorId !== undefined && input.vendorId !== current.vendorId) {
      if (caller.userId === id) {
        throw new ApiError(403, 'forbidden', 'You cannot change your own vendor binding.', {
          param: 'vendorId',
        });
      }
      requireGrant(caller, role, `change the vendor of a user with role '${role}'`);
    }
    if (vendorId !== null && (input.vendorId !== undefined || input.role !== undefined)) {
      await requireVendorBinding(tx, caller, role, vendorId);
    }
    const patch: { name?: string; role?: Role; passwordHash?: string; vendorId?: string | null } = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.role !== undefined) patch.role = input.role;
    if (input.vendorId !== undefined) patch.vendorId = input.vendorId;
    if (input.password !== undefined) patch.passwordHash = await hashPassword(input.password);
    const row = Object.keys(patch).length ? await store.update(id, patch) : current;
    if (input.password !== undefined) {
      await sessionStore(tx, caller.tenant.id).revokeForUser(
        id,
        caller.kind === 'session' ? caller.credentialId : undefined,
      );
    }
    const user = toUser(row);
    await recordEvent(tx, caller.tenant.id, 'user.updated', user);
    return user;
  },

  /** Deletes a user and revokes their sessions. Nobody deletes themself; only owners delete owners. */
  async remove(tx: Executor, caller: TenantPrincipal, id: string): Promise<DeletedUser> {
    requireNotVendorUser(caller, 'delete users');
    const store = userStore(tx, caller.tenant.id);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('user', id);
    if (caller.userId === id) {
      throw new ApiError(403, 'forbidden', 'You cannot delete your own user; ask another owner or admin.', {
        param: 'id',
      });
    }
    if (current.role === 'owner') requireOwnerFor(caller, 'delete an owner', 'id');
    await sessionStore(tx, caller.tenant.id).revokeForUser(id);
    await store.remove(id);
    await recordEvent(tx, caller.tenant.id, 'user.deleted', { id, object: 'user', deleted: true });
    return { id, object: 'user', deleted: true };
  },
};
