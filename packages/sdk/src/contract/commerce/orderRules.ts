import type {
  FulfillmentStatus,
  Order,
  OrderAction,
  OrderPaymentStatus,
  OrderStatus,
  OrderTransition,
} from '../../schemas/commerce/order';
import { ProblemError } from '../problem';

/**
 * The order state machine: for each action, the statuses it may be taken from and the status it
 * leads to. One table for the server (which enforces it), the mocks (which imitate it) and the
 * React kit (which offers only what it allows).
 *
 * - `mark_paid` records a payment received outside any provider (manual orders only); a checkout
 *   order becomes `paid` when its provider payment succeeds.
 * - `start_fulfillment` happens by itself once an order is paid: its fulfilments are made (one
 *   per vendor with `commerce.multiVendor`) and the order moves to `fulfilling`.
 * - `ship` ships every fulfilment not shipped yet; shipping each vendor's fulfilment on its own
 *   moves the order once the last one ships. `deliver` likewise.
 * - `cancel` releases the stock of an unpaid order, and refunds what a paid one captured.
 * - `refund` with no amount (or the whole remainder) leads to `refunded`; a partial refund keeps
 *   the status and sets `paymentStatus` to `partially_refunded`.
 * - `request_return` then `receive_return` (the units come back into stock); then `refund`.
 */
export const ORDER_TRANSITIONS: Readonly<
  Record<OrderAction, { readonly from: readonly OrderStatus[]; readonly to: OrderStatus }>
> = {
  mark_paid: { from: ['pending'], to: 'paid' },
  start_fulfillment: { from: ['paid'], to: 'fulfilling' },
  ship: { from: ['fulfilling'], to: 'shipped' },
  deliver: { from: ['shipped'], to: 'delivered' },
  request_return: { from: ['shipped', 'delivered'], to: 'return_requested' },
  receive_return: { from: ['return_requested'], to: 'returned' },
  cancel: { from: ['pending', 'paid', 'fulfilling'], to: 'canceled' },
  refund: {
    from: ['paid', 'fulfilling', 'shipped', 'delivered', 'return_requested', 'returned'],
    to: 'refunded',
  },
};

/** The actions in the order they are offered. */
export const ORDER_ACTIONS = Object.keys(ORDER_TRANSITIONS) as OrderAction[];

/** The path segment of an action: `mark_paid` → `mark-paid`. */
export function orderActionPath(action: OrderAction): string {
  return action.replace(/_/g, '-');
}

/** What the state machine needs to know of an order. */
export interface OrderStateLike {
  status: OrderStatus;
  paymentStatus: OrderPaymentStatus;
  source: 'checkout' | 'manual';
  /** The custom workflow step a `fulfilling` order has reached (Enterprise); `null` before the first. */
  workflowStep?: string | null;
}

/**
 * True when `order` has passed every custom step of the tenant's workflow (`steps`, their keys in
 * order) — always without steps. Until then a `fulfilling` order cannot ship.
 */
export function workflowComplete(order: OrderStateLike, steps: readonly string[]): boolean {
  return steps.length === 0 || order.workflowStep === steps[steps.length - 1];
}

/**
 * The custom step a `fulfilling` order moves to next (`POST /v1/commerce/orders/:id/advance-step`),
 * or `409 invalid_transition` when it is not fulfilling or has passed every step (it ships next).
 */
export function nextWorkflowStep(orderId: string, order: OrderStateLike, steps: readonly string[]): string {
  const at = order.workflowStep ? steps.indexOf(order.workflowStep) : -1;
  const next = steps[at + 1];
  if (order.status === 'fulfilling' && next !== undefined) return next;
  const allowed = allowedOrderTransitions(order, steps);
  throw new ProblemError(
    409,
    'invalid_transition',
    order.status !== 'fulfilling'
      ? `Order '${orderId}' is ${order.status}: only a fulfilling order moves through the workflow's steps.`
      : `Order '${orderId}' has passed every step of the workflow${steps.length ? '' : ' (it has none)'}: it ships next.`,
    { orderStatus: order.status, allowedTransitions: allowed },
  );
}

/**
 * The transitions `order` can take now. Beyond the table: only a manual order is marked paid by
 * hand, only money that was captured and not yet refunded can be refunded, and with custom
 * workflow `steps` (their keys, in order) a fulfilling order ships only once it passed the last.
 */
export function allowedOrderTransitions(
  order: OrderStateLike,
  steps: readonly string[] = [],
): OrderTransition[] {
  return ORDER_ACTIONS.filter((action) => {
    if (!ORDER_TRANSITIONS[action].from.includes(order.status)) return false;
    if (action === 'ship') return workflowComplete(order, steps);
    if (action === 'mark_paid') return order.source === 'manual' && order.paymentStatus === 'unpaid';
    if (action === 'refund')
      return order.paymentStatus === 'paid' || order.paymentStatus === 'partially_refunded';
    return true;
  }).map((action) => ({ action, to: ORDER_TRANSITIONS[action].to }));
}

/**
 * `409 invalid_transition` unless `order` can take `action` now. The problem lists the
 * transitions it can take (`allowedTransitions`) and its `status`.
 */
export function requireOrderTransition(
  orderId: string,
  order: OrderStateLike,
  action: OrderAction,
  steps: readonly string[] = [],
): OrderTransition {
  const allowed = allowedOrderTransitions(order, steps);
  const found = allowed.find((t) => t.action === action);
  if (found) return found;
  const options = allowed.map((t) => t.action).join(', ') || 'none';
  throw new ProblemError(
    409,
    'invalid_transition',
    `Order '${orderId}' is ${order.status} (payment ${order.paymentStatus}): it cannot ${action.replace(/_/g, ' ')}. Allowed: ${options}.`,
    { orderStatus: order.status, allowedTransitions: allowed },
  );
}

/**
 * `409 invalid_transition` unless fulfilment `fulfillmentId` (now `status`) of an order (now
 * `order`) can be shipped or delivered now: shipped from `pending` while the order is
 * `fulfilling` (and past the last custom workflow step, `steps`); delivered from `shipped` while
 * the order is `fulfilling` or `shipped`.
 */
export function requireFulfillmentTransition(
  fulfillmentId: string,
  status: FulfillmentStatus,
  order: OrderStateLike,
  action: 'ship' | 'deliver',
  steps: readonly string[] = [],
): void {
  const ok =
    action === 'ship'
      ? status === 'pending' && order.status === 'fulfilling' && workflowComplete(order, steps)
      : status === 'shipped' && (order.status === 'fulfilling' || order.status === 'shipped');
  if (ok) return;
  const why =
    action === 'ship' && status === 'pending' && order.status === 'fulfilling'
      ? 'the order has not passed the last step of its workflow'
      : `the fulfilment is ${status} and the order ${order.status}`;
  throw new ProblemError(
    409,
    'invalid_transition',
    `Fulfilment '${fulfillmentId}' cannot ${action === 'ship' ? 'ship' : 'be delivered'}: ${why}.`,
    { fulfillmentStatus: status, orderStatus: order.status },
  );
}

/**
 * The order status its fulfilments add up to, when they moved it: `shipped` once every
 * fulfilment not canceled has shipped (or was delivered), `delivered` once every one was
 * delivered; `null` when the order stays where it is.
 */
export function statusFromFulfillments(
  order: OrderStateLike,
  fulfillments: readonly { status: FulfillmentStatus }[],
): 'shipped' | 'delivered' | null {
  const live = fulfillments.filter((f) => f.status !== 'canceled');
  if (live.length === 0) return null;
  if (
    live.every((f) => f.status === 'delivered') &&
    (order.status === 'shipped' || order.status === 'fulfilling')
  )
    return 'delivered';
  if (live.every((f) => f.status !== 'pending') && order.status === 'fulfilling') return 'shipped';
  return null;
}

/** Order-level timeline entries a vendor's user sees besides its own fulfilment's (they carry no amounts). */
export const VENDOR_VISIBLE_EVENTS: readonly string[] = [
  'order.created',
  'order.paid',
  'order.fulfilling',
  'order.shipped',
  'order.delivered',
  'order.canceled',
];

/**
 * A vendor's part of `order`, as a vendor's user sees it (the server, its realtime stream and the
 * mocks all use this); `null` when the order has no item of `vendorId`. Only the vendor's items
 * and fulfilment, totals of those items (no shipping, no refunds), the shipping address to ship
 * to, the order-level timeline entries without amounts and its fulfilment's; never payments,
 * refunds, discount codes, metadata, the cart, nor the customer's account or e-mail. No
 * whole-order transitions: it acts on its fulfilment.
 */
export function vendorPartOfOrder(order: Order, vendorId: string): Order | null {
  const items = order.items.filter((i) => i.vendorId === vendorId);
  if (items.length === 0) return null;
  const fulfillments = order.fulfillments.filter((f) => f.vendorId === vendorId);
  const mine = new Set(fulfillments.map((f) => f.id));
  const c = order.currency;
  const sum = (key: 'subtotal' | 'discount' | 'tax' | 'total') => ({
    amount: items.reduce((n, i) => n + i[key].amount, 0),
    currency: c,
  });
  return {
    ...order,
    cartId: null,
    customerId: null,
    email: null,
    items,
    subtotal: sum('subtotal'),
    discountTotal: sum('discount'),
    shippingTotal: { amount: 0, currency: c },
    taxTotal: sum('tax'),
    total: sum('total'),
    refundedTotal: { amount: 0, currency: c },
    discountCode: null,
    payments: [],
    refunds: [],
    fulfillments,
    timeline: order.timeline.filter(
      (e) => VENDOR_VISIBLE_EVENTS.includes(e.type) || (e.objectId !== null && mine.has(e.objectId)),
    ),
    allowedTransitions: [],
    cancelReason: order.cancelReason,
    metadata: {},
  };
}

/**
 * What an order event's payload (`data`: an order or a fulfilment) shows a vendor's user of
 * `vendorId` on the realtime stream: the order's {@link vendorPartOfOrder}, its own fulfilment,
 * or `null` (the event is not sent: the order has no item of the vendor, the fulfilment is
 * another's, or the payload is of a shape it does not know).
 */
export function vendorPartOfOrderEvent(data: unknown, vendorId: string): unknown | null {
  const object = (data as { object?: unknown } | null)?.object;
  if (object === 'order') return vendorPartOfOrder(data as Order, vendorId);
  if (object === 'fulfillment') return (data as { vendorId?: unknown }).vendorId === vendorId ? data : null;
  return null;
}

/** `409 refund_exceeds_captured`: only `refundable` minor units are left to refund. */
export function refundExceedsCaptured(requested: number, refundable: number, currency: string): ProblemError {
  return new ProblemError(
    409,
    'refund_exceeds_captured',
    `Only ${describeMoney(refundable, currency)} captured and not yet refunded; ${describeMoney(requested, currency)} requested.`,
    { param: 'amount', refundable: { amount: refundable, currency } },
  );
}

/**
 * `402 payment_declined`: the provider declined the payment (`reason` its stable code such as
 * `card_declined`). Nothing was charged, the stock is released and the cart can be paid again.
 */
export function paymentDeclined(orderId: string, reason: string, message: string): ProblemError {
  return new ProblemError(402, 'payment_declined', `The payment was declined: ${message}`, {
    declineCode: reason,
    orderId,
  });
}

/** `422 invalid_return`: units of a line that cannot be returned (more than sold and not returned). */
export function invalidReturn(orderItemId: string, requested: number, returnable: number): ProblemError {
  return new ProblemError(
    422,
    'invalid_return',
    `Only ${returnable} unit(s) of '${orderItemId}' can be returned; ${requested} requested.`,
    { param: 'items' },
  );
}

/** The card numbers of the built-in `test` payment provider and what they do. */
export const TEST_CARDS = {
  /** Succeeds. */
  succeeds: '4242424242424242',
  /** Is declined (`card_declined`). */
  declines: '4000000000000002',
  /** Requires an extra authentication step, then succeeds (or fails when confirmed with `outcome: 'fail'`). */
  requiresAction: '4000000000003220',
} as const;

/** The brand of a card number, from its leading digits. */
export function cardBrand(number: string): string {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^6(011|5)/.test(number)) return 'discover';
  return 'unknown';
}

/** True when `number` passes the Luhn checksum. */
export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = number.charCodeAt(number.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * What the built-in `test` provider does with a card number (the server's provider and the mocks
 * share it): `succeeded`, `requires_action`, or `declined` with a stable code (`card_declined`,
 * `invalid_card`). Only the brand and last four digits leave here.
 */
export function testCardOutcome(
  number: string,
):
  | { status: 'succeeded' | 'requires_action'; card: { brand: string; last4: string } }
  | { status: 'declined'; card: { brand: string; last4: string }; code: string; message: string } {
  const card = { brand: cardBrand(number), last4: number.slice(-4) };
  if (!luhnValid(number))
    return { status: 'declined', card, code: 'invalid_card', message: 'The card number is not valid.' };
  if (number === TEST_CARDS.declines)
    return { status: 'declined', card, code: 'card_declined', message: 'The card was declined.' };
  if (number === TEST_CARDS.requiresAction) return { status: 'requires_action', card };
  return { status: 'succeeded', card };
}

/**
 * Money in minor units as plain text for messages, the same in every locale: the currency code
 * and the amount with its currency's decimals (`3787, 'EUR'` → `EUR 37.87`; `500, 'JPY'` → `JPY 500`).
 */
export function describeMoney(amount: number, currency: string): string {
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    // Not an ISO 4217 code Intl knows: two decimals, as most currencies.
  }
  const sign = amount < 0 ? '-' : '';
  const units = Math.abs(amount);
  const whole = Math.floor(units / 10 ** digits);
  const fraction = digits > 0 ? `.${String(units % 10 ** digits).padStart(digits, '0')}` : '';
  return `${currency} ${sign}${whole}${fraction}`;
}

/** The timeline message of a refund: `Refunded EUR 37.87 of EUR 76.11`, and whether it was the whole. */
export function refundedMessage(amount: number, total: number, currency: string, full: boolean): string {
  return `Refunded ${describeMoney(amount, currency)} of ${describeMoney(total, currency)}${full ? ' — fully refunded' : ''}`;
}
