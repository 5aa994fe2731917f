import { operation, type SchemaName } from '../operation';

const ORDERS = '/v1/commerce/orders';

/** An action of the order state machine: `POST /v1/commerce/orders/:id/<action>`, answering the order. */
function action<const A extends string, const B extends SchemaName, const S extends string>(
  path: A,
  body: B,
  summary: S,
) {
  return operation({
    method: 'post',
    path: `${ORDERS}/:id/${path}`,
    tag: 'commerce',
    summary,
    permission: 'commerce:orders:write',
    body,
    response: 'Order',
    errors: ['invalid_transition'],
  });
}

/**
 * `/v1/commerce/orders`: orders with their items, payments, refunds, fulfilments and timeline.
 * State changes are actions; one the order cannot take now answers `409 invalid_transition`
 * listing those it can (`allowedTransitions`). A vendor's dashboard user sees only the vendor's
 * part of each order.
 */
export const orderOperations = {
  /** Lists orders, newest first, by status, payment status, customer, e-mail or vendor. */
  list: operation({
    method: 'get',
    path: ORDERS,
    tag: 'commerce',
    summary: 'List orders',
    permission: 'commerce:orders:read',
    query: 'OrderListParams',
    response: 'OrderList',
    list: true,
  }),
  /**
   * Creates an order by hand (staff, secret keys): prices from the catalogue, stock reserved as
   * at checkout (`409 out_of_stock` naming the item and what is available) and sold once paid.
   */
  create: operation({
    method: 'post',
    path: ORDERS,
    tag: 'commerce',
    summary: 'Create an order',
    permission: 'commerce:orders:write',
    body: 'OrderCreate',
    response: 'Order',
    status: 201,
    errors: ['out_of_stock'],
  }),
  /** Retrieves an order with its payments, refunds, fulfilments and timeline. */
  retrieve: operation({
    method: 'get',
    path: `${ORDERS}/:id`,
    tag: 'commerce',
    summary: 'Retrieve an order',
    permission: 'commerce:orders:read',
    response: 'Order',
  }),
  /** `pending → paid` for a manual order: records the payment as received outside any provider. */
  markPaid: action('mark-paid', 'OrderActionNote', 'Mark an order paid'),
  /** `paid → fulfilling`: makes the fulfilments now (this happens by itself once paid). */
  startFulfillment: action('start-fulfillment', 'OrderActionNote', 'Start fulfilling an order'),
  /** `fulfilling → shipped`: ships every fulfilment not shipped yet. */
  ship: action('ship', 'OrderShip', 'Ship an order'),
  /** `shipped → delivered`. */
  deliver: action('deliver', 'OrderActionNote', 'Mark an order delivered'),
  /**
   * Ships one fulfilment (`pending → shipped`) with its carrier and tracking number. The order
   * becomes `shipped` once every fulfilment not canceled has shipped (and, with custom workflow
   * steps, only once the order passed the last: until then `409 invalid_transition`). A vendor's
   * user ships its own vendor's fulfilment only; another's is `404 not_found`.
   */
  shipFulfillment: operation({
    method: 'post',
    path: `${ORDERS}/:id/fulfillments/:fulfillmentId/ship`,
    tag: 'commerce',
    summary: 'Ship a fulfilment',
    permission: 'commerce:orders:write',
    body: 'OrderShip',
    response: 'Order',
    errors: ['invalid_transition'],
  }),
  /**
   * Marks one shipped fulfilment delivered. The order becomes `delivered` once every fulfilment
   * not canceled is. A vendor's user acts on its own vendor's fulfilment only.
   */
  deliverFulfillment: operation({
    method: 'post',
    path: `${ORDERS}/:id/fulfillments/:fulfillmentId/deliver`,
    tag: 'commerce',
    summary: 'Mark a fulfilment delivered',
    permission: 'commerce:orders:write',
    body: 'OrderActionNote',
    response: 'Order',
    errors: ['invalid_transition'],
  }),
  /** `shipped | delivered → return_requested`. */
  requestReturn: action('request-return', 'OrderReturn', 'Request a return'),
  /** `return_requested → returned`: the units come back into stock. */
  receiveReturn: action('receive-return', 'OrderReturn', 'Receive a return'),
  /** `pending | paid | fulfilling → canceled`: releases the stock; refunds what was captured. */
  cancel: action('cancel', 'OrderActionNote', 'Cancel an order'),
  /**
   * Refunds all that is left (or `amount`) through the payment's provider: never more than
   * captured less refunded (`409 refund_exceeds_captured`). A full refund makes the order `refunded`.
   */
  refund: operation({
    method: 'post',
    path: `${ORDERS}/:id/refund`,
    tag: 'commerce',
    summary: 'Refund an order',
    permission: 'commerce:orders:write',
    body: 'OrderRefund',
    response: 'Order',
    errors: ['invalid_transition', 'refund_exceeds_captured', 'payment_provider_unavailable'],
  }),
} as const;

const CHECKOUT = '/v1/commerce/carts/:id/checkout';

/**
 * Checkout: a cart becomes an order paid through a payment provider. Storefronts call it with
 * the publishable key and the cart's token (`cartToken`), or a signed-in shopper's token; staff
 * with a secret key. Completing one cart twice, or concurrently, makes one order and one charge:
 * a second call answers the cart's order.
 */
export const checkoutOperations = {
  /**
   * Locks and reprices the cart, reserves its stock (`409 out_of_stock` naming the item and what
   * is available), redeems its discount (`409 discount_not_applicable`), places the order and
   * charges it: `paid` (201), or `pending` with the payment's `nextAction` when the provider needs
   * an extra step (then `confirm`), or `402 payment_declined` — nothing charged, stock and
   * discount released, the cart open for another try. A provider's own problem reaches the
   * caller as it is (`409 payment_provider_not_configured` when Stripe is not set up, `403
   * feature_not_in_plan` without the payment-gateway add-on), nothing charged and the cart open.
   */
  complete: operation({
    method: 'post',
    path: CHECKOUT,
    tag: 'commerce',
    summary: 'Check out a cart',
    permission: 'commerce:carts:write',
    body: 'CheckoutCreate',
    response: 'Order',
    status: 201,
    errors: [
      'invalid_state',
      'out_of_stock',
      'discount_not_applicable',
      'product_unavailable',
      'price_unavailable',
      'payment_declined',
      'payment_provider_unavailable',
      'payment_provider_not_configured',
      'feature_not_in_plan',
    ],
    cartToken: true,
  }),
  /** Completes a payment that required an extra authentication step: `paid`, or `402 payment_declined`. */
  confirm: operation({
    method: 'post',
    path: `${CHECKOUT}/confirm`,
    tag: 'commerce',
    summary: 'Confirm a checkout payment',
    permission: 'commerce:carts:write',
    body: 'CheckoutConfirm',
    response: 'Order',
    errors: [
      'invalid_state',
      'payment_declined',
      'payment_provider_unavailable',
      'payment_provider_not_configured',
    ],
    cartToken: true,
  }),
} as const;
