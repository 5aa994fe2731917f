import { operation } from '../operation';

const CARTS = '/v1/commerce/carts';
const CART = `${CARTS}/:id`;

/**
 * `/v1/commerce/carts`: carts priced on the server. A publishable key creates a cart and gets its
 * token once; every later call on the cart sends it as `AgentStack-Cart-Token` (the SDK's
 * `cartToken` option). A signed-in customer's carts are theirs; secret keys open any cart.
 */
export const cartOperations = {
  /** Lists the tenant's carts, newest first (dashboard users and secret keys). */
  list: operation({
    method: 'get',
    path: CARTS,
    tag: 'commerce',
    summary: 'List carts',
    permission: 'commerce:carts:list',
    query: 'CartListParams',
    response: 'CartList',
    list: true,
  }),
  /** Creates an empty cart; the answer carries the cart's token, shown this once. */
  create: operation({
    method: 'post',
    path: CARTS,
    tag: 'commerce',
    summary: 'Create a cart',
    permission: 'commerce:carts:write',
    body: 'CartCreate',
    response: 'CartWithToken',
    status: 201,
    secret: true,
  }),
  /** Retrieves a cart, priced. */
  retrieve: operation({
    method: 'get',
    path: CART,
    tag: 'commerce',
    summary: 'Retrieve a cart',
    permission: 'commerce:carts:read',
    response: 'Cart',
    cartToken: true,
  }),
  /** Sets the cart's email, region, shipping address, shipping option or metadata. */
  update: operation({
    method: 'patch',
    path: CART,
    tag: 'commerce',
    summary: 'Update a cart',
    permission: 'commerce:carts:write',
    body: 'CartUpdate',
    response: 'Cart',
    errors: ['invalid_state', 'price_unavailable', 'cart_limit_exceeded', 'shipping_unavailable'],
    cartToken: true,
  }),
  /**
   * Adds units of a variant (or of a product without variants) at the catalogue's price in the
   * cart's currency; an item the cart holds gets them added to its line.
   */
  addLine: operation({
    method: 'post',
    path: `${CART}/lines`,
    tag: 'commerce',
    summary: 'Add a line to a cart',
    permission: 'commerce:carts:write',
    body: 'CartLineCreate',
    response: 'Cart',
    errors: [
      'invalid_state',
      'product_unavailable',
      'variant_required',
      'price_unavailable',
      'cart_limit_exceeded',
    ],
    cartToken: true,
  }),
  /** Sets a line's quantity. */
  updateLine: operation({
    method: 'patch',
    path: `${CART}/lines/:lineId`,
    tag: 'commerce',
    summary: 'Change the quantity of a cart line',
    permission: 'commerce:carts:write',
    body: 'CartLineUpdate',
    response: 'Cart',
    errors: ['invalid_state', 'product_unavailable', 'price_unavailable', 'cart_limit_exceeded'],
    cartToken: true,
  }),
  /** Removes a line. */
  removeLine: operation({
    method: 'delete',
    path: `${CART}/lines/:lineId`,
    tag: 'commerce',
    summary: 'Remove a line from a cart',
    permission: 'commerce:carts:write',
    response: 'Cart',
    errors: ['invalid_state', 'product_unavailable', 'price_unavailable'],
    cartToken: true,
  }),
  /**
   * Applies a discount code (any case), replacing the one applied; `409 discount_not_applicable`
   * says why it does not apply (`reason`: unknown, inactive, not_started, ended, currency,
   * minimum_spend, usage_limit, customer_limit).
   */
  applyDiscount: operation({
    method: 'post',
    path: `${CART}/discount`,
    tag: 'commerce',
    summary: 'Apply a discount code to a cart',
    permission: 'commerce:carts:write',
    body: 'CartDiscountApply',
    response: 'Cart',
    errors: ['invalid_state', 'discount_not_applicable', 'product_unavailable', 'price_unavailable'],
    cartToken: true,
  }),
  /** Removes the cart's discount code. */
  removeDiscount: operation({
    method: 'delete',
    path: `${CART}/discount`,
    tag: 'commerce',
    summary: "Remove a cart's discount code",
    permission: 'commerce:carts:write',
    response: 'Cart',
    errors: ['invalid_state', 'product_unavailable', 'price_unavailable'],
    cartToken: true,
  }),
  /** The shipping options of the cart's region, each priced for this cart (none without a region). */
  shippingOptions: operation({
    method: 'get',
    path: `${CART}/shipping-options`,
    tag: 'commerce',
    summary: "List a cart's shipping options",
    permission: 'commerce:carts:read',
    response: 'CartShippingOptionList',
    cartToken: true,
  }),
} as const;
