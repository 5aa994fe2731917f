import { operation } from '../operation';

const BASE = '/v1/commerce/customers';

/**
 * `/v1/commerce/customers`: shoppers' accounts. Sign-up, verification and sign-in take the
 * tenant's publishable key (`commerce:customers:auth`); `/me…` takes a customer token (`cst_…`,
 * `commerce:customers:self`); listing and reading every customer is the tenant's staff's
 * (`commerce:customers:read` / `commerce:customers:write`).
 */
export const customerOperations = {
  /**
   * Starts a sign-up: emails a code that creates the account when redeemed with `verify`. The
   * answer is the same for an address that already has an account (whose owner is emailed that
   * someone tried), so it reveals nothing.
   */
  signUp: operation({
    method: 'post',
    path: `${BASE}/sign-up`,
    tag: 'commerce',
    summary: 'Sign a shopper up',
    permission: 'commerce:customers:auth',
    body: 'CustomerSignUp',
    response: 'CustomerSignUpResult',
    status: 201,
  }),
  /** Redeems the emailed sign-up code: creates the customer and signs them in. */
  verify: operation({
    method: 'post',
    path: `${BASE}/verify`,
    tag: 'commerce',
    summary: 'Verify a shopper sign-up',
    permission: 'commerce:customers:auth',
    body: 'CustomerVerify',
    response: 'CustomerSession',
    status: 201,
    errors: ['invalid_credentials', 'conflict'],
    secret: true,
  }),
  /** Signs a customer in. The answer's `token` is the customer's bearer credential (`customerToken`). */
  signIn: operation({
    method: 'post',
    path: `${BASE}/sign-in`,
    tag: 'commerce',
    summary: 'Sign a shopper in',
    permission: 'commerce:customers:auth',
    body: 'CustomerSignIn',
    response: 'CustomerSession',
    status: 201,
    errors: ['invalid_credentials'],
    secret: true,
  }),
  /** Signs out: revokes the customer token this client uses. */
  signOut: operation({
    method: 'delete',
    path: `${BASE}/me/session`,
    tag: 'commerce',
    summary: 'Sign the current shopper out',
    permission: 'commerce:customers:self',
    response: 'RevokedCustomerSession',
  }),
  /** The signed-in customer. */
  me: operation({
    method: 'get',
    path: `${BASE}/me`,
    tag: 'commerce',
    summary: 'Retrieve the signed-in shopper',
    permission: 'commerce:customers:self',
    response: 'Customer',
  }),
  /** Updates the signed-in customer (a new password needs the current one). */
  updateMe: operation({
    method: 'patch',
    path: `${BASE}/me`,
    tag: 'commerce',
    summary: 'Update the signed-in shopper',
    permission: 'commerce:customers:self',
    body: 'CustomerSelfUpdate',
    response: 'Customer',
    errors: ['invalid_credentials'],
  }),
  /** The signed-in customer's saved addresses, oldest first. */
  listAddresses: operation({
    method: 'get',
    path: `${BASE}/me/addresses`,
    tag: 'commerce',
    summary: "List the signed-in shopper's addresses",
    permission: 'commerce:customers:self',
    query: 'CustomerAddressListParams',
    response: 'CustomerAddressList',
    list: true,
  }),
  /** Saves an address (at most 20). */
  createAddress: operation({
    method: 'post',
    path: `${BASE}/me/addresses`,
    tag: 'commerce',
    summary: 'Add an address of the signed-in shopper',
    permission: 'commerce:customers:self',
    body: 'CustomerAddressCreate',
    response: 'CustomerAddress',
    status: 201,
    errors: ['too_many_addresses'],
  }),
  /** Replaces an address or makes it the default. */
  updateAddress: operation({
    method: 'patch',
    path: `${BASE}/me/addresses/:id`,
    tag: 'commerce',
    summary: 'Update an address of the signed-in shopper',
    permission: 'commerce:customers:self',
    body: 'CustomerAddressUpdate',
    response: 'CustomerAddress',
  }),
  /** Deletes an address. */
  deleteAddress: operation({
    method: 'delete',
    path: `${BASE}/me/addresses/:id`,
    tag: 'commerce',
    summary: 'Delete an address of the signed-in shopper',
    permission: 'commerce:customers:self',
    response: 'DeletedCustomerAddress',
  }),
  /** The signed-in shopper's orders, newest first (their order history). */
  listOrders: operation({
    method: 'get',
    path: `${BASE}/me/orders`,
    tag: 'commerce',
    summary: "List the signed-in shopper's orders",
    permission: 'commerce:customers:self',
    query: 'CustomerOrderListParams',
    response: 'OrderList',
    list: true,
  }),
  /** One of the signed-in shopper's orders; another's is `404`. */
  retrieveOrder: operation({
    method: 'get',
    path: `${BASE}/me/orders/:id`,
    tag: 'commerce',
    summary: 'Retrieve an order of the signed-in shopper',
    permission: 'commerce:customers:self',
    response: 'Order',
  }),
  /** Lists the tenant's customers, newest first. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'commerce',
    summary: 'List customers',
    permission: 'commerce:customers:read',
    query: 'CustomerListParams',
    response: 'CustomerList',
    list: true,
  }),
  /** Retrieves a customer. */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Retrieve a customer',
    permission: 'commerce:customers:read',
    response: 'Customer',
  }),
  /** Updates a customer's name, phone or metadata. */
  update: operation({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Update a customer',
    permission: 'commerce:customers:write',
    body: 'CustomerUpdate',
    response: 'Customer',
  }),
} as const;
