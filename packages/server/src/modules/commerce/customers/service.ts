import {
  isDefaultAddress,
  requireAddressSlot,
  requirePasswordPair,
  shopperOrderView,
} from '@agentstack/sdk/contract';
import type {
  Customer,
  CustomerAddress,
  CustomerAddressCreate,
  CustomerAddressUpdate,
  CustomerListParams,
  CustomerOrderListParams,
  CustomerSelfUpdate,
  CustomerSession,
  CustomerSignIn,
  CustomerSignUp,
  CustomerUpdate,
  DeletedCustomerAddress,
  ListParams,
  ListResponse,
  Order,
  RevokedCustomerSession,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { eq } from 'drizzle-orm';
import { hashPassword, hashSecret, issueToken, verifyPasswordOrDummy } from '../../../auth/credentials';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { customers } from '../../../db/schema';
import { ApiError, notFound } from '../../../http/errors';
import type { SignInLimiter } from '../../platform/sessions/limiter';
import { RateLimitedError } from '../../platform/sessions/service';
import { normalizeEmail } from '../../platform/users/store';
import { orderService } from '../orders/service';
import type { SignUpEmail } from './email';
import {
  addressesOf,
  type CustomerRow,
  clearDefaultAddress,
  countAddresses,
  customerAddressStore,
  customerByEmail,
  customerSessionStore,
  customerSignUpStore,
  customerStore,
  toCustomer,
  toCustomerAddress,
} from './store';

/** How long a customer session lasts: 24 hours (sign in again after). */
export const CUSTOMER_SESSION_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a sign-up code can be redeemed: 24 hours. */
export const SIGN_UP_TTL_MS = 24 * 60 * 60 * 1000;

/** A signed-in shopper: a tenant principal of kind `customer` with its `customerId`. */
export type CustomerPrincipal = TenantPrincipal & { kind: 'customer'; customerId: string };

/** The caller as a signed-in shopper, or `403` (only customer tokens act on `/me`). */
export function shopper(caller: TenantPrincipal): CustomerPrincipal {
  if (caller.kind !== 'customer' || !caller.customerId) {
    throw new ApiError(403, 'forbidden', 'Only a signed-in customer token acts on its own account.');
  }
  return caller as CustomerPrincipal;
}

// The sign-in limiter counts per (tenant, email): the same address at two stores, or a dashboard
// user's, are other accounts with counts of their own.
const signInKey = (tenantId: string, email: string) => `customer\0${tenantId}\0${email}`;
const signUpKey = (tenantId: string, email: string) => `customer-sign-up\0${tenantId}\0${email}`;

function invalidCredentials(): ApiError {
  return new ApiError(401, 'invalid_credentials', 'The email or password is not correct.');
}

/** Stores a new session for `customer` within `tx` and records the sign-in time. */
async function openCustomerSession(tx: Executor, customer: CustomerRow): Promise<CustomerSession> {
  const now = new Date();
  const { token, tokenHash, expiresAt } = issueToken('cst', CUSTOMER_SESSION_TTL_MS, now);
  await customerSessionStore(tx, customer.tenantId).insert({
    id: newId('csn'),
    customerId: customer.id,
    tokenHash,
    expiresAt,
  });
  const store = customerStore(tx, customer.tenantId);
  await store.getForUpdate(customer.id);
  const updated = await store.update(customer.id, { lastLoginAt: now });
  return {
    object: 'customer_session',
    token,
    expiresAt: expiresAt.toISOString(),
    customer: toCustomer(updated),
  };
}

async function limited(limiter: SignInLimiter, key: string, address: string): Promise<void> {
  const wait = await limiter.attempt(key, address);
  if (wait > 0) throw new RateLimitedError(wait);
}

/** Shoppers' accounts: sign-up, verification, sign-in, the signed-in shopper, staff reads. */
export const customerService = {
  /**
   * Starts a sign-up. Does the same work whatever the address — counts the attempt, hashes the
   * password — and answers the same; only the email differs: a code to redeem for a new address,
   * a notice for one that has an account. Runs on the database (not a request transaction): the
   * attempt's count must outlive a refusal. Returns what to email; the route sends it.
   */
  async signUp(
    db: Executor,
    caller: TenantPrincipal,
    input: CustomerSignUp,
    limiter: SignInLimiter,
    address: string,
  ): Promise<{ email: string; expiresAt: Date; mail: SignUpEmail }> {
    const tenantId = caller.tenant.id;
    const email = normalizeEmail(input.email);
    await limited(limiter, signUpKey(tenantId, email), address);
    const passwordHash = await hashPassword(input.password);
    const now = new Date();
    const { token, tokenHash, expiresAt } = issueToken('cvt', SIGN_UP_TTL_MS, now);
    const mail = await db.transaction(async (tx): Promise<SignUpEmail> => {
      if (await customerByEmail(tx, tenantId, email)) return { kind: 'exists', email };
      await customerSignUpStore(tx, tenantId).insert({
        id: newId('csu'),
        email,
        name: input.name || null,
        passwordHash,
        tokenHash,
        expiresAt,
      });
      return { kind: 'verify', email, name: input.name || null, token, expiresAt };
    });
    return { email, expiresAt, mail };
  },

  /**
   * Redeems a sign-up code: creates the customer and signs them in, within `tx`. A code works
   * once (concurrent redemptions: one wins, the others find no code). An address that got an
   * account meanwhile answers `409 conflict` — only the address's owner can hold its code, so
   * this tells nobody else anything.
   */
  async verify(tx: Executor, caller: TenantPrincipal, token: string): Promise<CustomerSession> {
    const tenantId = caller.tenant.id;
    const now = new Date();
    const signUps = customerSignUpStore(tx, tenantId);
    const pending = await signUps.take(hashSecret(token), now);
    if (!pending) {
      throw new ApiError(
        401,
        'invalid_credentials',
        'This sign-up code is not valid: unknown, used or expired.',
      );
    }
    const [created] = await tx
      .insert(customers)
      .values({
        id: newId('cus'),
        tenantId,
        email: pending.email,
        name: pending.name,
        passwordHash: pending.passwordHash,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      throw new ApiError(409, 'conflict', 'This email address has an account already: sign in instead.');
    }
    await signUps.removeForEmail(pending.email, now);
    return openCustomerSession(tx, created);
  },

  /**
   * Signs a customer in: the password is checked with scrypt — against a dummy hash when the
   * address has no account here, so the answer and its time are the same. Attempts count per
   * (tenant, email) and client `address` (the platform's sign-in limits): past them `429`.
   * Runs on the database, not in a request transaction: a failure's count must outlive it.
   */
  async signIn(
    db: Executor,
    caller: TenantPrincipal,
    input: CustomerSignIn,
    limiter: SignInLimiter,
    address: string,
  ): Promise<CustomerSession> {
    const tenantId = caller.tenant.id;
    const email = normalizeEmail(input.email);
    const key = signInKey(tenantId, email);
    await limited(limiter, key, address);
    const customer = await customerByEmail(db, tenantId, email);
    if (!(await verifyPasswordOrDummy(input.password, customer?.passwordHash)) || !customer) {
      throw invalidCredentials();
    }
    await limiter.succeeded(key, address);
    return db.transaction((tx) => openCustomerSession(tx, customer));
  },

  /** Revokes the caller's customer session. */
  async signOut(tx: Executor, caller: TenantPrincipal): Promise<RevokedCustomerSession> {
    const me = shopper(caller);
    await customerSessionStore(tx, me.tenant.id).revoke(me.credentialId);
    return { object: 'customer_session', revoked: true };
  },

  /** The signed-in customer. */
  async me(db: Executor, caller: TenantPrincipal): Promise<Customer> {
    const me = shopper(caller);
    const row = await customerStore(db, me.tenant.id).get(me.customerId);
    if (!row) throw new ApiError(401, 'session_expired', 'This session is not valid; sign in again.');
    return toCustomer(row);
  },

  /**
   * Checks the current password before a password change, outside any transaction (its count,
   * as a sign-in's, must outlive a failure): a stolen customer token cannot guess the password
   * faster than sign-in could. `400` when one of `password` / `currentPassword` comes alone.
   */
  async checkCurrentPassword(
    db: Executor,
    caller: TenantPrincipal,
    input: CustomerSelfUpdate,
    limiter: SignInLimiter,
    address: string,
  ): Promise<void> {
    if (!requirePasswordPair(input)) return;
    const me = shopper(caller);
    const row = await customerStore(db, me.tenant.id).get(me.customerId);
    if (!row) throw new ApiError(401, 'session_expired', 'This session is not valid; sign in again.');
    const key = signInKey(me.tenant.id, row.email);
    await limited(limiter, key, address);
    if (!(await verifyPasswordOrDummy(input.currentPassword as string, row.passwordHash))) {
      throw new ApiError(401, 'invalid_credentials', 'The current password is not correct.', {
        param: 'currentPassword',
      });
    }
    await limiter.succeeded(key, address);
  },

  /**
   * Updates the signed-in customer within `tx` (the current password was checked before). A new
   * password signs out every other session of the customer; returns whether it did, so the
   * caller announces the revocation.
   */
  async updateMe(
    tx: Executor,
    caller: TenantPrincipal,
    input: CustomerSelfUpdate,
  ): Promise<{ customer: Customer; revoked: boolean }> {
    const me = shopper(caller);
    const store = customerStore(tx, me.tenant.id);
    if (!(await store.getForUpdate(me.customerId))) {
      throw new ApiError(401, 'session_expired', 'This session is not valid; sign in again.');
    }
    const row = await store.update(me.customerId, {
      ...(input.name !== undefined && { name: input.name || null }),
      ...(input.phone !== undefined && { phone: input.phone || null }),
      ...(input.password !== undefined && { passwordHash: await hashPassword(input.password) }),
    });
    if (input.password !== undefined) {
      await customerSessionStore(tx, me.tenant.id).revokeForCustomer(me.customerId, me.credentialId);
    }
    return { customer: toCustomer(row), revoked: input.password !== undefined };
  },

  /** The signed-in customer's addresses, oldest first. */
  async listAddresses(
    db: Executor,
    caller: TenantPrincipal,
    params: ListParams,
  ): Promise<ListResponse<CustomerAddress>> {
    const me = shopper(caller);
    return customerAddressStore(db, me.tenant.id).page(params, addressesOf(me.customerId));
  },

  /**
   * Saves an address. The customer's row is locked first (the order every address write takes),
   * so concurrent saves cannot pass the cap (`MAX_CUSTOMER_ADDRESSES`) or make two defaults.
   */
  async createAddress(
    tx: Executor,
    caller: TenantPrincipal,
    input: CustomerAddressCreate,
  ): Promise<CustomerAddress> {
    const me = shopper(caller);
    const tenantId = me.tenant.id;
    await lockCustomer(tx, me);
    const existing = await countAddresses(tx, tenantId, me.customerId);
    requireAddressSlot(existing);
    const isDefault = isDefaultAddress(input.isDefault, existing);
    if (isDefault) await clearDefaultAddress(tx, tenantId, me.customerId);
    const row = await customerAddressStore(tx, tenantId).insert({
      id: newId('cad'),
      customerId: me.customerId,
      address: input.address,
      isDefault,
    });
    return toCustomerAddress(row);
  },

  /** Replaces an address or makes it the default. Another customer's address is `404`. */
  async updateAddress(
    tx: Executor,
    caller: TenantPrincipal,
    id: string,
    input: CustomerAddressUpdate,
  ): Promise<CustomerAddress> {
    const me = shopper(caller);
    const tenantId = me.tenant.id;
    await lockCustomer(tx, me);
    const store = customerAddressStore(tx, tenantId);
    const current = await store.getForUpdate(id);
    if (!current || current.customerId !== me.customerId) throw notFound('customer address', id);
    if (input.isDefault && !current.isDefault) await clearDefaultAddress(tx, tenantId, me.customerId);
    const row = await store.update(id, {
      ...(input.address !== undefined && { address: input.address }),
      ...(input.isDefault && { isDefault: true }),
    });
    return toCustomerAddress(row);
  },

  /** Deletes an address. Another customer's address is `404`. */
  async deleteAddress(tx: Executor, caller: TenantPrincipal, id: string): Promise<DeletedCustomerAddress> {
    const me = shopper(caller);
    await lockCustomer(tx, me);
    const store = customerAddressStore(tx, me.tenant.id);
    const current = await store.getForUpdate(id);
    if (!current || current.customerId !== me.customerId) throw notFound('customer address', id);
    await store.remove(id);
    return { id, object: 'customer_address', deleted: true };
  },

  /**
   * The signed-in shopper's orders, newest first: only orders placed as this customer (the order
   * service narrows a customer caller to its own orders too).
   */
  async listOrders(
    db: Executor,
    caller: TenantPrincipal,
    params: CustomerOrderListParams,
  ): Promise<ListResponse<Order>> {
    const me = shopper(caller);
    const page = await orderService.list(db, me, { ...params, customerId: me.customerId });
    return { ...page, data: page.data.map((order) => shopperOrderView(order, me.customerId)) };
  },

  /** One of the signed-in shopper's orders; another's (or none) is `404`. */
  async retrieveOrder(db: Executor, caller: TenantPrincipal, id: string): Promise<Order> {
    const me = shopper(caller);
    const order = await orderService.retrieve(db, me, id);
    if (order.customerId !== me.customerId) throw notFound('order', id);
    return shopperOrderView(order, me.customerId);
  },

  /** The tenant's customers (staff). */
  async list(
    db: Executor,
    caller: TenantPrincipal,
    params: CustomerListParams,
  ): Promise<ListResponse<Customer>> {
    const where = params.email ? eq(customers.email, normalizeEmail(params.email)) : undefined;
    return customerStore(db, caller.tenant.id).page(params, where);
  },

  /** One customer (staff). Another tenant's is `404`. */
  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<Customer> {
    const row = await customerStore(db, caller.tenant.id).get(id);
    if (!row) throw notFound('customer', id);
    return toCustomer(row);
  },

  /** Updates a customer's name, phone or metadata (staff). */
  async update(tx: Executor, caller: TenantPrincipal, id: string, input: CustomerUpdate): Promise<Customer> {
    const store = customerStore(tx, caller.tenant.id);
    if (!(await store.getForUpdate(id))) throw notFound('customer', id);
    const row = await store.update(id, {
      ...(input.name !== undefined && { name: input.name || null }),
      ...(input.phone !== undefined && { phone: input.phone || null }),
      ...(input.metadata !== undefined && { metadata: input.metadata }),
    });
    return toCustomer(row);
  },
};

async function lockCustomer(tx: Executor, me: CustomerPrincipal): Promise<void> {
  if (!(await customerStore(tx, me.tenant.id).getForUpdate(me.customerId))) {
    throw new ApiError(401, 'session_expired', 'This session is not valid; sign in again.');
  }
}
