import * as z from 'zod/mini';
import { Email, ListParams, listOf, Metadata, prefixedId, safeString, Timestamp } from '../common';
import { EmailStatus } from '../platform/invitation';
import { NewPassword, Password } from '../platform/user';
import { Address } from './address';
import { OrderStatus } from './order';

/**
 * Customers: the shoppers of one tenant's store — accounts of their own, distinct from the
 * tenant's dashboard users. A browser signs up and signs in with the tenant's publishable key;
 * sign-in answers a customer token (`cst_…`), a short-lived bearer credential that carries the
 * publishable key's rights plus the customer's own (`/v1/commerce/customers/me…`). The tenant's
 * secret keys and dashboard users list and read customers (`commerce:customers:read`).
 */

const CustomerName = safeString(z.trim(), z.maxLength(200));
const Phone = safeString(z.trim(), z.maxLength(32));

/** A shopper's account. */
export const Customer = z.strictObject({
  id: prefixedId('cus'),
  object: z.literal('customer'),
  /** Lower-cased; unique within the tenant. */
  email: z.string(),
  name: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lastLoginAt: z.nullable(Timestamp),
});
export type Customer = z.infer<typeof Customer>;

/**
 * Body of `POST /v1/commerce/customers/sign-up`. No account exists until the emailed code is
 * redeemed (`POST /v1/commerce/customers/verify`): the answer is the same whether the address
 * is new or already has an account (that owner is emailed instead), so sign-up tells nobody
 * which addresses shop here.
 */
export const CustomerSignUp = z.strictObject({
  email: Email,
  /** 12..256 characters; stored with scrypt. */
  password: NewPassword,
  name: z.optional(CustomerName),
});
export type CustomerSignUp = z.input<typeof CustomerSignUp>;

/** The answer of a sign-up: always this shape, whatever the address. */
export const CustomerSignUpResult = z.strictObject({
  object: z.literal('customer_sign_up'),
  email: z.string(),
  /** Whether a verification email went out (`not_configured`: this server sends no email). */
  delivery: z.strictObject({ status: EmailStatus }),
  /** Until when the emailed code can be redeemed. */
  expiresAt: Timestamp,
});
export type CustomerSignUpResult = z.infer<typeof CustomerSignUpResult>;

/** Body of `POST /v1/commerce/customers/verify`: the code emailed at sign-up. */
export const CustomerVerify = z.strictObject({
  token: safeString(z.trim(), z.minLength(1), z.maxLength(100)),
});
export type CustomerVerify = z.input<typeof CustomerVerify>;

/** Body of `POST /v1/commerce/customers/sign-in`. */
export const CustomerSignIn = z.strictObject({ email: Email, password: Password });
export type CustomerSignIn = z.input<typeof CustomerSignIn>;

/**
 * A signed-in customer: `token` (`cst_…`) is the bearer credential, shown once — pass it as the
 * client's `customerToken`. Only its hash is stored; it expires at `expiresAt`.
 */
export const CustomerSession = z.strictObject({
  object: z.literal('customer_session'),
  token: z.string(),
  expiresAt: Timestamp,
  customer: Customer,
});
export type CustomerSession = z.infer<typeof CustomerSession>;

/** The answer of signing out. */
export const RevokedCustomerSession = z.strictObject({
  object: z.literal('customer_session'),
  revoked: z.literal(true),
});
export type RevokedCustomerSession = z.infer<typeof RevokedCustomerSession>;

/**
 * Body of `PATCH /v1/commerce/customers/me`. A new `password` needs `currentPassword` and signs
 * out every other session of the customer.
 */
export const CustomerSelfUpdate = z.strictObject({
  name: z.optional(z.nullable(CustomerName)),
  phone: z.optional(z.nullable(Phone)),
  password: z.optional(NewPassword),
  currentPassword: z.optional(Password),
});
export type CustomerSelfUpdate = z.input<typeof CustomerSelfUpdate>;

/** Body of `PATCH /v1/commerce/customers/:id` (the tenant's staff). */
export const CustomerUpdate = z.strictObject({
  name: z.optional(z.nullable(CustomerName)),
  phone: z.optional(z.nullable(Phone)),
  metadata: z.optional(Metadata),
});
export type CustomerUpdate = z.input<typeof CustomerUpdate>;

/** Query of `GET /v1/commerce/customers`: newest first unless `order` says otherwise. */
export const CustomerListParams = z.strictObject({
  ...ListParams.shape,
  /** Exact address (case-insensitive). */
  email: z.optional(Email),
  order: z.optional(z.enum(['createdAt', '-createdAt', 'email', '-email'])),
});
export type CustomerListParams = z.input<typeof CustomerListParams>;

/** A page of customers. */
export const CustomerList = listOf(Customer);

/** The most addresses one customer keeps. */
export const MAX_CUSTOMER_ADDRESSES = 20;

/** One of a customer's saved addresses. */
export const CustomerAddress = z.strictObject({
  id: prefixedId('cad'),
  object: z.literal('customer_address'),
  address: Address,
  /** The one a checkout suggests first; at most one address is the default. */
  isDefault: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CustomerAddress = z.infer<typeof CustomerAddress>;

/** Body of `POST /v1/commerce/customers/me/addresses`. The first address becomes the default. */
export const CustomerAddressCreate = z.strictObject({
  address: Address,
  isDefault: z.optional(z.boolean()),
});
export type CustomerAddressCreate = z.input<typeof CustomerAddressCreate>;

/** Body of `PATCH /v1/commerce/customers/me/addresses/:id`: the whole address, or the default flag. */
export const CustomerAddressUpdate = z.strictObject({
  address: z.optional(Address),
  /** `true` makes it the default (the previous default stops being one). */
  isDefault: z.optional(z.literal(true)),
});
export type CustomerAddressUpdate = z.input<typeof CustomerAddressUpdate>;

/** Query of `GET /v1/commerce/customers/me/addresses`: oldest first. */
export const CustomerAddressListParams = ListParams;
export type CustomerAddressListParams = z.input<typeof CustomerAddressListParams>;

/** A page of a customer's addresses. */
export const CustomerAddressList = listOf(CustomerAddress);

/** The answer of `DELETE /v1/commerce/customers/me/addresses/:id`. */
export const DeletedCustomerAddress = z.strictObject({
  id: z.string(),
  object: z.literal('customer_address'),
  deleted: z.literal(true),
});
export type DeletedCustomerAddress = z.infer<typeof DeletedCustomerAddress>;

/** Query of `GET /v1/commerce/customers/me/orders`: the signed-in shopper's orders, newest first. */
export const CustomerOrderListParams = z.strictObject({
  ...ListParams.shape,
  status: z.optional(OrderStatus),
});
export type CustomerOrderListParams = z.input<typeof CustomerOrderListParams>;
