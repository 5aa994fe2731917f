import { allowedOrderTransitions, ORDER_TRANSITIONS, vendorPartOfOrder } from '@agentstack/sdk/contract';
import type {
  Fulfillment,
  Money,
  Order,
  OrderItem,
  OrderTimelineEntry,
  OrderTransition,
  Payment,
  Refund,
} from '@agentstack/sdk/schemas';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, readAll } from '../../../db/client';
import {
  fulfillments,
  orderEvents,
  orderItems,
  orderNumbers,
  orders,
  payments,
  refunds,
} from '../../../db/schema';
import { defineStore } from '../../../db/store';
import { rowsOf } from '../../../events/outbox';
import { workflowStepKeys } from '../order-workflow/store';

/** A row of `orders`. */
export type OrderRow = typeof orders.$inferSelect;
/** A row of `order_items`. */
export type OrderItemRow = typeof orderItems.$inferSelect;
/** A row of `payments`. */
export type PaymentRow = typeof payments.$inferSelect;
/** A row of `refunds`. */
export type RefundRow = typeof refunds.$inferSelect;
/** A row of `fulfillments`. */
export type FulfillmentRow = typeof fulfillments.$inferSelect;
/** A row of `order_events` (an order's timeline). */
export type EventRow = typeof orderEvents.$inferSelect;

/**
 * The rows an order is made of besides its own, by table. A caller that already holds some of
 * them, as they are now in its transaction, hands them to {@link hydrateOrders}, which then does
 * not read them again.
 */
export interface OrderParts {
  items: OrderItemRow[];
  payments: PaymentRow[];
  refunds: RefundRow[];
  fulfillments: FulfillmentRow[];
  timeline: EventRow[];
}

/**
 * Who reads an order: staff see all of it; a vendor's user (`vendorId`) sees only the vendor's
 * part (`vendorPartOfOrder` of the contract): its items and fulfilment, totals of those items,
 * the timeline entries of its part — no payments, refunds, customer or other vendors.
 */
export interface OrderView {
  vendorId: string | null;
  /** False for read-only callers: no transitions are offered. */
  canWrite: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const money = (amount: number, currency: string): Money => ({ amount: Number(amount), currency });

/** One tenant's orders, newest first (rows; {@link hydrateOrders} makes them wire orders). */
export const orderStore = defineStore({
  table: orders,
  scope: 'tenantId',
  toWire: (row: OrderRow) => row,
  orders: { createdAt: orders.id },
  defaultOrder: '-createdAt',
});

/** The tenant's next order number (1, 2, …): the row lock serialises numbering per tenant. */
export async function nextOrderNumber(tx: Executor, tenantId: string): Promise<number> {
  const [row] = await tx
    .insert(orderNumbers)
    .values({ tenantId, last: 1 })
    .onConflictDoUpdate({ target: orderNumbers.tenantId, set: { last: sql`${orderNumbers.last} + 1` } })
    .returning({ last: orderNumbers.last });
  return Number(row!.last);
}

/** The order `id` of the tenant, locked for the rest of the transaction. */
export async function orderForUpdate(
  tx: Executor,
  tenantId: string,
  id: string,
): Promise<OrderRow | undefined> {
  return orderStore(tx, tenantId).getForUpdate(id);
}

/** The order of a cart that is not canceled, if one (at most one: a unique index). */
export async function liveOrderForCart(
  db: Executor,
  tenantId: string,
  cartId: string,
): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.cartId, cartId), sql`${orders.status} <> 'canceled'`))
    .limit(1);
  return row;
}

/** The items of an order in their order. */
export async function itemsOf(db: Executor, orderId: string): Promise<OrderItemRow[]> {
  return db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.position));
}

/** The payments of an order, oldest first; locked with `forUpdate`. */
export async function paymentsOf(db: Executor, orderId: string, forUpdate = false): Promise<PaymentRow[]> {
  const q = db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.id));
  return forUpdate ? q.for('update') : q;
}

/** The fulfilments of an order, oldest first; locked with `forUpdate`. */
export async function fulfillmentsOf(
  db: Executor,
  orderId: string,
  forUpdate = false,
): Promise<FulfillmentRow[]> {
  const q = db
    .select()
    .from(fulfillments)
    .where(eq(fulfillments.orderId, orderId))
    .orderBy(asc(fulfillments.id));
  return forUpdate ? q.for('update') : q;
}

/**
 * Adds entries to an order's timeline, in one statement; they take their `seq` in the given
 * order. Resolves with the rows written, in timeline order.
 */
export async function insertTimeline(
  tx: Executor,
  rows: readonly (typeof orderEvents.$inferInsert)[],
): Promise<EventRow[]> {
  if (rows.length === 0) return [];
  const written = await tx
    .insert(orderEvents)
    .values([...rows])
    .returning();
  return written.sort((a, b) => a.seq - b.seq);
}

/** Orders that have an item of `vendorId`: a condition on `orders`. */
export function hasVendorItem(vendorId: string) {
  return sql`exists (select 1 from ${orderItems} where ${orderItems.orderId} = ${orders.id} and ${orderItems.vendorId} = ${vendorId})`;
}

function toItem(row: OrderItemRow, currency: string): OrderItem {
  return {
    id: row.id,
    object: 'order_item',
    productId: row.productId,
    variantId: row.variantId,
    itemId: row.itemId,
    sku: row.sku,
    title: row.title,
    variantTitle: row.variantTitle,
    vendorId: row.vendorId,
    quantity: Number(row.quantity),
    returnedQuantity: Number(row.returnedQuantity),
    unitPrice: money(row.unitAmount, currency),
    subtotal: money(row.subtotal, currency),
    discount: money(row.discount, currency),
    tax: money(row.tax, currency),
    total: money(row.total, currency),
  };
}

/** The wire shape of a payment. */
export function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    object: 'payment',
    provider: row.provider,
    status: row.status,
    amount: money(row.amount, row.currency),
    captured: money(row.captured, row.currency),
    refunded: money(row.refunded, row.currency),
    card: row.cardBrand && row.cardLast4 ? { brand: row.cardBrand, last4: row.cardLast4 } : null,
    nextAction: row.nextAction ?? null,
    failureCode: row.failureCode,
    failureMessage: row.failureMessage,
    providerReference: row.providerReference,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toRefund(row: RefundRow): Refund {
  return {
    id: row.id,
    object: 'refund',
    paymentId: row.paymentId,
    amount: money(row.amount, row.currency),
    status: row.status,
    reason: row.reason,
    note: row.note,
    failureCode: row.failureCode,
    providerReference: row.providerReference,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The wire shape of a fulfilment. */
export function toFulfillment(row: FulfillmentRow): Fulfillment {
  return {
    id: row.id,
    object: 'fulfillment',
    orderId: row.orderId,
    vendorId: row.vendorId,
    status: row.status,
    items: row.items,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    trackingUrl: row.trackingUrl,
    shippedAt: iso(row.shippedAt),
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toEntry(row: EventRow): OrderTimelineEntry {
  return {
    id: row.id,
    type: row.type,
    message: row.message,
    actor: row.actor,
    objectId: row.objectId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The order's transitions for this caller: none for read-only callers and vendors' users. */
export function transitionsFor(
  row: OrderRow,
  view: OrderView,
  steps: readonly string[] = [],
): OrderTransition[] {
  if (!view.canWrite || view.vendorId !== null) return [];
  return allowedOrderTransitions(row, steps);
}

/**
 * Orders in their wire shape, children read in one query per table (whatever the number of
 * orders), as `view` may see them. `known`: children the caller holds, as they are now, for
 * every order of `rows` (in their tables' order) — not read again.
 */
export async function hydrateOrders(
  db: Executor,
  rows: readonly OrderRow[],
  view: OrderView,
  known: Partial<OrderParts> = {},
): Promise<Order[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // The workflow's steps only decide whether a fulfilling order may ship, for a caller offered
  // transitions: read them only then.
  const stepsMatter =
    view.canWrite &&
    view.vendorId === null &&
    rows.some((r) => ORDER_TRANSITIONS.ship.from.includes(r.status));
  const [items, pays, refs, fuls, events, steps] = await readAll(db, [
    async (): Promise<OrderItemRow[]> =>
      known.items ??
      db.select().from(orderItems).where(inArray(orderItems.orderId, ids)).orderBy(asc(orderItems.position)),
    async (): Promise<PaymentRow[]> =>
      view.vendorId
        ? []
        : (known.payments ??
          db.select().from(payments).where(inArray(payments.orderId, ids)).orderBy(asc(payments.id))),
    async (): Promise<RefundRow[]> =>
      view.vendorId
        ? []
        : (known.refunds ??
          db.select().from(refunds).where(inArray(refunds.orderId, ids)).orderBy(asc(refunds.id))),
    async (): Promise<FulfillmentRow[]> =>
      known.fulfillments ??
      db.select().from(fulfillments).where(inArray(fulfillments.orderId, ids)).orderBy(asc(fulfillments.id)),
    async (): Promise<EventRow[]> =>
      known.timeline ??
      db.select().from(orderEvents).where(inArray(orderEvents.orderId, ids)).orderBy(asc(orderEvents.seq)),
    async (): Promise<string[]> => (stepsMatter ? workflowStepKeys(db, rows[0]!.tenantId) : []),
  ]);
  const by = <T extends { orderId: string }>(list: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const x of list) map.set(x.orderId, [...(map.get(x.orderId) ?? []), x]);
    return map;
  };
  const itemsBy = by(items);
  const paysBy = by(pays);
  const refsBy = by(refs);
  const fulsBy = by(fuls);
  const eventsBy = by(events);
  return rows.flatMap((row) => {
    const c = row.currency;
    const order: Order = {
      id: row.id,
      object: 'order' as const,
      number: Number(row.number),
      status: row.status,
      paymentStatus: row.paymentStatus,
      source: row.source,
      cartId: row.cartId,
      customerId: row.customerId,
      email: row.email,
      currency: c,
      items: (itemsBy.get(row.id) ?? []).map((l) => toItem(l, c)),
      subtotal: money(row.subtotal, c),
      discountTotal: money(row.discountTotal, c),
      shippingTotal: money(row.shippingTotal, c),
      taxTotal: money(row.taxTotal, c),
      total: money(row.total, c),
      refundedTotal: money(row.refundedTotal, c),
      discountCode: row.discountCode,
      shippingAddress: row.shippingAddress ?? null,
      payments: (paysBy.get(row.id) ?? []).map(toPayment),
      refunds: (refsBy.get(row.id) ?? []).map(toRefund),
      fulfillments: (fulsBy.get(row.id) ?? []).map(toFulfillment),
      timeline: (eventsBy.get(row.id) ?? []).map(toEntry),
      workflowStep: row.workflowStep,
      allowedTransitions: transitionsFor(row, view, steps),
      cancelReason: row.cancelReason,
      metadata: row.metadata,
      paidAt: iso(row.paidAt),
      canceledAt: iso(row.canceledAt),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
    if (view.vendorId === null) return [order];
    // A vendor's user: its part only (the caller filtered the rows to orders with its items).
    const part = vendorPartOfOrder(order, view.vendorId);
    return part ? [part] : [];
  });
}

/**
 * The order as `view` sees it, made from the order as staff see it without a query (what
 * {@link hydrateOrders} answers for `view`): a read-only caller gets no transitions, a vendor's
 * user its part only (null when the order has no item of its vendor).
 */
export function orderSeenAs(staff: Order, view: OrderView): Order | null {
  if (view.vendorId !== null) return vendorPartOfOrder(staff, view.vendorId);
  return view.canWrite ? staff : { ...staff, allowedTransitions: [] };
}

/**
 * Checkout orders left `pending` with a payment awaiting the shopper's extra step for longer than
 * `seconds` (abandoned), oldest first, claimed with `SKIP LOCKED` so workers share them.
 */
export async function abandonedCheckouts(
  db: Executor,
  seconds: number,
  limit: number,
): Promise<Array<{ tenantId: string; id: string }>> {
  const result = await db.execute(sql`
    select o.tenant_id as "tenantId", o.id from orders o
    where o.status = 'pending' and o.source = 'checkout' and o.payment_status = 'requires_action'
      and o.updated_at < now() - make_interval(secs => ${seconds})
    order by o.updated_at limit ${limit}
    for update skip locked`);
  return rowsOf<{ tenantId: string; id: string }>(result);
}
