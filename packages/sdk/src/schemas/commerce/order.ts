import * as z from 'zod/mini';
import {
  CurrencyCode,
  Email,
  ListParams,
  listOf,
  Metadata,
  Money,
  prefixedId,
  safeString,
  Timestamp,
  WebUrl,
} from '../common';
import { Address } from './address';
import { MAX_QUANTITY, StockItemId } from './inventory';

/**
 * Orders: what a checkout (or a manual order) sold, with its payments, refunds, fulfilments (one
 * per vendor on plans with `commerce.multiVendor`) and a timeline of everything that happened to
 * it. Prices and totals are the server's, fixed when the order was placed; nothing a client sends
 * sets an amount except the amount of a refund, which can never exceed what was captured.
 *
 * The state machine (the same table in `ORDER_TRANSITIONS` of `@agentstack/sdk/contract`, used by
 * the server, the mocks and the React kit):
 *
 * ```
 * pending ──mark_paid / payment──► paid ──start_fulfillment (automatic)──► fulfilling ──ship──► shipped ──deliver──► delivered
 *    │                              │                                         │                   │                     │
 *    └────────cancel────────────────┴─────────────cancel──────────────────────┘                   └──request_return─────┴──► return_requested ──receive_return──► returned
 * refund (full) from paid, fulfilling, shipped, delivered, return_requested, returned ──► refunded
 * ```
 *
 * A partial refund keeps the status and sets `paymentStatus: 'partially_refunded'`.
 */

/** Where an order is in its life. */
export const OrderStatus = z.enum([
  'pending',
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'return_requested',
  'returned',
  'canceled',
  'refunded',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** An action of the state machine: `POST /v1/commerce/orders/:id/<action with dashes>`. */
export const OrderAction = z.enum([
  'mark_paid',
  'start_fulfillment',
  'ship',
  'deliver',
  'request_return',
  'receive_return',
  'cancel',
  'refund',
]);
export type OrderAction = z.infer<typeof OrderAction>;

/** Where the order's money is. */
export const OrderPaymentStatus = z.enum([
  /** Nothing captured yet (awaiting payment). */
  'unpaid',
  /** The shopper must complete an extra authentication step. */
  'requires_action',
  'paid',
  'partially_refunded',
  'refunded',
  /** The payment was declined or abandoned; nothing was captured. */
  'failed',
  /** Canceled before anything was captured. */
  'voided',
]);
export type OrderPaymentStatus = z.infer<typeof OrderPaymentStatus>;

/** One transition the order can take now: the action to call and the status it leads to. */
export const OrderTransition = z.strictObject({
  action: OrderAction,
  /** The status after the action (`refund`: after a full refund; a partial one keeps the status). */
  to: OrderStatus,
});
export type OrderTransition = z.infer<typeof OrderTransition>;

/** One line of an order, priced when the order was placed. */
export const OrderItem = z.strictObject({
  id: prefixedId('oli'),
  object: z.literal('order_item'),
  productId: z.string(),
  variantId: z.nullable(z.string()),
  /** The stock item reserved and sold: the variant id, else the product id. */
  itemId: z.string(),
  sku: z.nullable(z.string()),
  title: z.string(),
  variantTitle: z.nullable(z.string()),
  /** The vendor that fulfils this line (`null`: the store itself). */
  vendorId: z.nullable(z.string()),
  quantity: z.int(),
  /** Units received back by returns. */
  returnedQuantity: z.int(),
  unitPrice: Money,
  subtotal: Money,
  discount: Money,
  tax: Money,
  total: Money,
});
export type OrderItem = z.infer<typeof OrderItem>;

/** What a payment card is known by: never its number. */
export const PaymentCard = z.strictObject({ brand: z.string(), last4: z.string() });
export type PaymentCard = z.infer<typeof PaymentCard>;

/** What the shopper must do before a payment can complete. */
export const PaymentNextAction = z.strictObject({
  type: z.enum(['authenticate', 'redirect']),
  /** Where to send the shopper (`redirect`), or the page of the test provider's challenge. */
  url: z.nullable(z.string()),
  /** A client secret for a provider's browser library (Stripe's `confirmCardPayment`), if it uses one. */
  clientSecret: z.nullable(z.string()),
});
export type PaymentNextAction = z.infer<typeof PaymentNextAction>;

/** One attempt to take the order's money through a payment provider. */
export const Payment = z.strictObject({
  id: prefixedId('pay'),
  object: z.literal('payment'),
  /** The provider's id: `test` (built in), `stripe`, or `manual` (recorded by staff). */
  provider: z.string(),
  status: z.enum(['pending', 'requires_action', 'succeeded', 'failed', 'canceled']),
  amount: Money,
  /** Captured so far. */
  captured: Money,
  /** Refunded so far (never more than `captured`). */
  refunded: Money,
  card: z.nullable(PaymentCard),
  nextAction: z.nullable(PaymentNextAction),
  /** Why it failed: a stable code such as `card_declined`. */
  failureCode: z.nullable(z.string()),
  failureMessage: z.nullable(z.string()),
  /** The provider's own reference (a PaymentIntent id…). */
  providerReference: z.nullable(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Payment = z.infer<typeof Payment>;

/** Units of an order line that a refund or a return covers. */
export const OrderItemQuantity = z.strictObject({
  orderItemId: prefixedId('oli'),
  quantity: z.int().check(z.minimum(1), z.maximum(MAX_QUANTITY)),
});
export type OrderItemQuantity = z.infer<typeof OrderItemQuantity>;

/** Money given back through the provider. */
export const Refund = z.strictObject({
  id: prefixedId('rf'),
  object: z.literal('refund'),
  paymentId: z.string(),
  amount: Money,
  status: z.enum(['pending', 'succeeded', 'failed']),
  reason: z.nullable(z.string()),
  note: z.nullable(z.string()),
  failureCode: z.nullable(z.string()),
  providerReference: z.nullable(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Refund = z.infer<typeof Refund>;

/** Where a fulfilment is. */
export const FulfillmentStatus = z.enum(['pending', 'shipped', 'delivered', 'canceled']);
export type FulfillmentStatus = z.infer<typeof FulfillmentStatus>;

/** The part of an order one vendor (or the store, `vendorId: null`) ships. */
export const Fulfillment = z.strictObject({
  id: prefixedId('ful'),
  object: z.literal('fulfillment'),
  orderId: z.string(),
  vendorId: z.nullable(z.string()),
  status: FulfillmentStatus,
  items: z.array(z.strictObject({ orderItemId: z.string(), quantity: z.int() })),
  carrier: z.nullable(z.string()),
  trackingNumber: z.nullable(z.string()),
  trackingUrl: z.nullable(z.string()),
  shippedAt: z.nullable(Timestamp),
  deliveredAt: z.nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Fulfillment = z.infer<typeof Fulfillment>;

/** One entry of an order's timeline: every event on the order, oldest first. */
export const OrderTimelineEntry = z.strictObject({
  id: prefixedId('oev'),
  /** The event type (`order.paid`, `fulfillment.shipped`, `refund.succeeded`…). */
  type: z.string(),
  /** What happened, for a person. */
  message: z.string(),
  /** Who did it: a user id, `api_key:<id>`, `customer:<id>`, or `system`. */
  actor: z.string(),
  /** The fulfilment, payment or refund concerned, if one is. */
  objectId: z.nullable(z.string()),
  createdAt: Timestamp,
});
export type OrderTimelineEntry = z.infer<typeof OrderTimelineEntry>;

/** An order. */
export const Order = z.strictObject({
  id: prefixedId('ord'),
  object: z.literal('order'),
  /** The tenant's sequential order number (1, 2, …) shown to people. */
  number: z.int(),
  status: OrderStatus,
  paymentStatus: OrderPaymentStatus,
  /** `checkout` (a cart) or `manual` (created by staff). */
  source: z.enum(['checkout', 'manual']),
  cartId: z.nullable(z.string()),
  customerId: z.nullable(z.string()),
  email: z.nullable(z.string()),
  currency: z.string(),
  items: z.array(OrderItem),
  subtotal: Money,
  discountTotal: Money,
  shippingTotal: Money,
  taxTotal: Money,
  total: Money,
  /** Refunded so far. */
  refundedTotal: Money,
  discountCode: z.nullable(z.string()),
  shippingAddress: z.nullable(Address),
  payments: z.array(Payment),
  refunds: z.array(Refund),
  /** One per vendor (one for the whole order below `commerce.multiVendor`); made once paid. */
  fulfillments: z.array(Fulfillment),
  timeline: z.array(OrderTimelineEntry),
  /**
   * The custom workflow step (a key of `GET /v1/commerce/order-workflow`, Enterprise) the order
   * reached while fulfilling; `null` before the first. It ships once it passed the last.
   */
  workflowStep: z.nullable(z.string()),
  /** What can happen next: the actions valid in this status for this caller. */
  allowedTransitions: z.array(OrderTransition),
  cancelReason: z.nullable(z.string()),
  metadata: Metadata,
  paidAt: z.nullable(Timestamp),
  canceledAt: z.nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Order = z.infer<typeof Order>;

/** Query of `GET /v1/commerce/orders`: newest first. */
export const OrderListParams = z.strictObject({
  ...ListParams.shape,
  status: z.optional(OrderStatus),
  paymentStatus: z.optional(OrderPaymentStatus),
  customerId: z.optional(safeString(z.minLength(1), z.maxLength(64))),
  vendorId: z.optional(prefixedId('ven')),
  email: z.optional(Email),
});
export type OrderListParams = z.input<typeof OrderListParams>;

/** A page of orders. */
export const OrderList = listOf(Order);

const Note = safeString(z.trim(), z.maxLength(500));

/**
 * Body of `POST /v1/commerce/orders` (secret keys and staff): an order placed by staff, like a
 * draft order paid outside the store. Prices come from the catalogue; stock is reserved as at
 * checkout and sold when the order is paid (`markPaid: true` at once).
 */
export const OrderCreate = z.strictObject({
  currency: CurrencyCode,
  items: z
    .array(
      z.strictObject({
        itemId: StockItemId,
        quantity: z.int().check(z.minimum(1), z.maximum(MAX_QUANTITY)),
      }),
    )
    .check(z.minLength(1), z.maxLength(100)),
  email: z.optional(Email),
  customerId: z.optional(safeString(z.minLength(1), z.maxLength(64))),
  /** Records the payment as received (outside any provider) at once. */
  markPaid: z.optional(z.boolean()),
  metadata: z.optional(Metadata),
});
export type OrderCreate = z.input<typeof OrderCreate>;

/** Body of the order actions that take only an optional note (`cancel`, `deliver`…). */
export const OrderActionNote = z.strictObject({ note: z.optional(Note) });
export type OrderActionNote = z.input<typeof OrderActionNote>;

/** Body of `POST /v1/commerce/orders/:id/ship`: ships every fulfilment not shipped yet. */
export const OrderShip = z.strictObject({
  carrier: z.optional(safeString(z.trim(), z.minLength(1), z.maxLength(100))),
  trackingNumber: z.optional(safeString(z.trim(), z.minLength(1), z.maxLength(200))),
  note: z.optional(Note),
});
export type OrderShip = z.input<typeof OrderShip>;

/**
 * Body of `POST /v1/commerce/orders/:id/refund`: gives back `amount` (all that is left when
 * omitted) through the payment's provider, never more than captured less refunded
 * (`409 refund_exceeds_captured`). `items` records which lines it is for.
 */
export const OrderRefund = z.strictObject({
  amount: z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000_000_00))),
  reason: z.optional(z.enum(['requested_by_customer', 'returned', 'damaged', 'fraudulent', 'other'])),
  note: z.optional(Note),
});
export type OrderRefund = z.input<typeof OrderRefund>;

/** Body of `POST /v1/commerce/orders/:id/request-return` and `receive-return`. */
export const OrderReturn = z.strictObject({
  /** The units returned (all units not yet returned when omitted). */
  items: z.optional(z.array(OrderItemQuantity).check(z.minLength(1), z.maxLength(100))),
  note: z.optional(Note),
});
export type OrderReturn = z.input<typeof OrderReturn>;

/**
 * How a shopper pays at checkout. The built-in `test` provider takes a card (its number is handed
 * to the provider and dropped: only brand and last four digits are kept); other providers take a
 * token made in the browser by their own library (Stripe's `pm_…`).
 */
export const CheckoutPayment = z.strictObject({
  /** The payment provider: `test` (built in, the default) or one the server registers (`stripe`). */
  provider: z.optional(safeString(z.regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a provider id such as test'))),
  card: z.optional(
    z.strictObject({
      number: z.string().check(z.regex(/^[0-9]{12,19}$/, 'must be 12 to 19 digits')),
      expMonth: z.int().check(z.minimum(1), z.maximum(12)),
      expYear: z.int().check(z.minimum(2000), z.maximum(2100)),
      cvc: z.optional(z.string().check(z.regex(/^[0-9]{3,4}$/, 'must be 3 or 4 digits'))),
    }),
  ),
  token: z.optional(safeString(z.minLength(1), z.maxLength(255))),
});
export type CheckoutPayment = z.input<typeof CheckoutPayment>;

/**
 * Body of `POST /v1/commerce/carts/:id/checkout`: completes the cart as an order paid through
 * `payment`. Every amount is the server's: the cart is repriced under a lock.
 */
export const CheckoutCreate = z.strictObject({
  payment: CheckoutPayment,
  /** Where a provider's redirect-based authentication returns the shopper. */
  returnUrl: z.optional(WebUrl),
});
export type CheckoutCreate = z.input<typeof CheckoutCreate>;

/**
 * Body of `POST /v1/commerce/carts/:id/checkout/confirm`: completes a payment that required an
 * extra authentication step, once the shopper did it. `data` carries the provider's answers of the
 * step (the test provider reads `outcome: 'fail'` to fail it).
 */
export const CheckoutConfirm = z.strictObject({
  data: z.optional(
    z.record(safeString(z.minLength(1), z.maxLength(40)), safeString(z.maxLength(500))).check(
      z.check((ctx) => {
        if (Object.keys(ctx.value).length > 10)
          ctx.issues.push({
            code: 'custom',
            input: ctx.value,
            message: 'must have at most 10 keys',
            continue: true,
          });
      }),
    ),
  ),
});
export type CheckoutConfirm = z.input<typeof CheckoutConfirm>;
