import {
  describeMoney,
  invalidReturn,
  type OrderStateLike,
  ProblemError,
  refundExceedsCaptured,
  refundedMessage,
  requireFulfillmentTransition,
  requireOrderTransition,
  statusFromFulfillments,
} from '@agentstack/sdk/contract';
import type {
  Address,
  ListResponse,
  Order,
  OrderAction,
  OrderActionNote,
  OrderCreate,
  OrderListParams,
  OrderRefund,
  OrderReturn,
  OrderShip,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Principal, TenantPrincipal, TenantRow } from '../../../auth/principal';
import type { Db, Executor } from '../../../db/client';
import { isRetryableConflict } from '../../../db/errors';
import {
  fulfillments,
  orderItems,
  orders,
  payments,
  products,
  productVariants,
  refunds,
  tenants,
} from '../../../db/schema';
import { recordEvents } from '../../../events/outbox';
import { notFound } from '../../../http/errors';
import { paymentProviders } from '../../../payments/provider';
import { entitlementsOf } from '../../platform/entitlements/service';
import { releaseStock, reserveStock, restock, sellReservedStock } from '../inventory/service';
import { workflowStepKeys } from '../order-workflow/store';
import {
  type FulfillmentRow,
  fulfillmentsOf,
  hasVendorItem,
  hydrateOrders,
  insertTimeline,
  itemsOf,
  nextOrderNumber,
  type OrderParts,
  type OrderRow,
  type OrderView,
  orderForUpdate,
  orderSeenAs,
  orderStore,
  type PaymentRow,
  paymentsOf,
  toFulfillment,
} from './store';

/** Who did something to an order, as its timeline names them. */
export function actorOf(principal: Principal | null): string {
  if (!principal) return 'system';
  const customerId = (principal as { customerId?: unknown }).customerId;
  if (typeof customerId === 'string') return `customer:${customerId}`;
  if (principal.userId) return principal.userId;
  return `${principal.kind === 'publishable_key' ? 'publishable_key' : 'api_key'}:${principal.credentialId}`;
}

/** The vendor a caller is bound to (a vendor's dashboard user), or null. */
export function vendorOf(principal: Principal): string | null {
  const vendorId = (principal as { vendorId?: unknown }).vendorId;
  return typeof vendorId === 'string' ? vendorId : null;
}

/** The customer a caller is signed in as, or null. */
function customerOf(principal: Principal): string | null {
  const customerId = (principal as { customerId?: unknown }).customerId;
  return typeof customerId === 'string' ? customerId : null;
}

/** How `caller` sees orders. */
export function viewOf(caller: Principal): OrderView {
  return { vendorId: vendorOf(caller), canWrite: caller.permissions.has('commerce:orders:write') };
}

const STAFF_VIEW: OrderView = { vendorId: null, canWrite: true };

/** An event to record on an order: on its timeline, and in the outbox for handlers, webhooks and realtime. */
export interface OrderEvent {
  type: string;
  message: string;
  /** The fulfilment, payment or refund concerned. */
  objectId?: string;
  /** The vendor whose part it concerns. */
  vendorId?: string | null;
  /** The outbox payload when it is not the order (a fulfilment). */
  object?: { id: string } & Record<string, unknown>;
}

/**
 * Records `events` on order `row` — its row as it is now, after the caller's changes: timeline
 * entries (one statement), then outbox events carrying the order (or their own object; one
 * statement). `known`:
 * the order's children the caller holds as they are now (`timeline`: the entries before these
 * events), not read again. Resolves with the order as staff see it, the one the events carry:
 * callers answer it ({@link orderSeenAs} for other views) rather than read the order again.
 */
export async function recordOrderEvents(
  tx: Executor,
  row: OrderRow,
  actor: string,
  events: readonly OrderEvent[],
  known: Partial<OrderParts> = {},
): Promise<Order> {
  const entries = await insertTimeline(
    tx,
    events.map((e) => ({
      id: newId('oev'),
      tenantId: row.tenantId,
      orderId: row.id,
      type: e.type,
      message: e.message,
      actor,
      objectId: e.objectId ?? null,
      vendorId: e.vendorId ?? null,
    })),
  );
  const [order] = await hydrateOrders(tx, [row], STAFF_VIEW, {
    ...known,
    timeline: known.timeline && [...known.timeline, ...entries],
  });
  await recordEvents(
    tx,
    row.tenantId,
    events.map((e) => ({
      type: e.type,
      object: e.object ?? (order as unknown as { id: string } & Record<string, unknown>),
    })),
  );
  return order!;
}

/** Sets `changes` on order `id`; resolves with its row as it is now. */
export async function updateOrder(
  tx: Executor,
  id: string,
  changes: Partial<typeof orders.$inferInsert>,
): Promise<OrderRow> {
  const [row] = await tx.update(orders).set(changes).where(eq(orders.id, id)).returning();
  return row!;
}

/** `404` unless `caller` may see order `row` (a vendor's user: an order with an item of theirs; a customer: their own). */
export async function requireVisible(
  db: Executor,
  caller: Principal,
  row: OrderRow | undefined,
  id: string,
): Promise<OrderRow> {
  if (!row) throw notFound('order', id);
  const customerId = customerOf(caller);
  if (customerId !== null && row.customerId !== customerId) throw notFound('order', id);
  const vendorId = vendorOf(caller);
  if (vendorId !== null && !(await itemsOf(db, row.id)).some((i) => i.vendorId === vendorId)) {
    throw notFound('order', id);
  }
  return row;
}

/** Runs `fn` in a transaction, again (a few times) when PostgreSQL reports a deadlock. */
export async function inTransaction<T>(db: Db, fn: (tx: Executor) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      if (attempt >= 3 || !isRetryableConflict(error)) throw error;
    }
  }
}

/** One line of an order to place, priced by the caller (a cart's snapshot, or the catalogue). */
export interface PlaceOrderLine {
  productId: string;
  variantId: string | null;
  itemId: string;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  vendorId: string | null;
  quantity: number;
  unitAmount: number;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

/** What {@link placeOrder} makes an order of. Every amount is the server's, never a client's. */
export interface PlaceOrder {
  source: 'checkout' | 'manual';
  cartId: string | null;
  customerId: string | null;
  email: string | null;
  currency: string;
  lines: readonly PlaceOrderLine[];
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
  discountCodeId: string | null;
  discountCode: string | null;
  shippingOptionId: string | null;
  shippingAddress: Address | null;
  metadata: Record<string, string>;
}

/**
 * Places an order in the caller's transaction: numbers it, reserves the stock of every line
 * (items in id order, the order every checkout locks levels in, so concurrent checkouts queue
 * rather than deadlock; `409 out_of_stock` naming the item and what is available when one is
 * short — and the transaction rolls back whatever it reserved), writes the order `pending` and
 * records `order.created`. Checkout and manual orders both go through here. Resolves with its row
 * and the order as staff see it.
 */
export async function placeOrder(
  tx: Executor,
  tenantId: string,
  actor: string,
  input: PlaceOrder,
): Promise<{ row: OrderRow; order: Order }> {
  const orderId = newId('ord');
  const reservations = new Map<string, { id: string; locationId: string }>();
  const byItem = [...input.lines].sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  for (const line of byItem) {
    const r = await reserveStock(tx, tenantId, {
      itemId: line.itemId,
      quantity: line.quantity,
      reference: orderId,
    });
    reservations.set(line.itemId, { id: r.id, locationId: r.locationId });
  }
  const number = await nextOrderNumber(tx, tenantId);
  const [row] = await tx
    .insert(orders)
    .values({
      id: orderId,
      tenantId,
      number,
      status: 'pending',
      paymentStatus: 'unpaid',
      source: input.source,
      cartId: input.cartId,
      customerId: input.customerId,
      email: input.email,
      currency: input.currency,
      subtotal: input.subtotal,
      discountTotal: input.discountTotal,
      shippingTotal: input.shippingTotal,
      taxTotal: input.taxTotal,
      total: input.total,
      discountCodeId: input.discountCodeId,
      discountCode: input.discountCode,
      shippingOptionId: input.shippingOptionId,
      shippingAddress: input.shippingAddress,
      metadata: input.metadata,
    })
    .returning();
  const items = await tx
    .insert(orderItems)
    .values(
      input.lines.map((line, position) => ({
        id: newId('oli'),
        tenantId,
        orderId,
        ...line,
        reservationId: reservations.get(line.itemId)?.id ?? null,
        locationId: reservations.get(line.itemId)?.locationId ?? null,
        position,
      })),
    )
    .returning();
  // A new order: nothing but its items yet.
  const order = await recordOrderEvents(
    tx,
    row!,
    actor,
    [{ type: 'order.created', message: `Order #${number} placed` }],
    {
      items: items.sort((a, b) => a.position - b.position),
      payments: [],
      refunds: [],
      fulfillments: [],
      timeline: [],
    },
  );
  return { row: row!, order };
}

/** The unit price of `itemId` in `currency` from the catalogue, with what an order line needs. */
async function catalogueLine(
  tx: Executor,
  tenantId: string,
  itemId: string,
  currency: string,
  quantity: number,
) {
  const isVariant = itemId.startsWith('var_');
  const [row] = isVariant
    ? await tx
        .select({
          productId: productVariants.productId,
          sku: productVariants.sku,
          variantTitle: productVariants.title,
          amount: productVariants.priceAmount,
          currency: productVariants.currency,
          prices: productVariants.prices,
          title: products.title,
          status: products.status,
          vendorId: products.vendorId,
        })
        .from(productVariants)
        .innerJoin(products, eq(products.id, productVariants.productId))
        .where(and(eq(productVariants.tenantId, tenantId), eq(productVariants.id, itemId)))
    : await tx
        .select({
          productId: products.id,
          sku: products.sku,
          variantTitle: sql<string | null>`null`,
          amount: products.priceAmount,
          currency: products.currency,
          prices: products.prices,
          title: products.title,
          status: products.status,
          vendorId: products.vendorId,
        })
        .from(products)
        .where(and(eq(products.tenantId, tenantId), eq(products.id, itemId)));
  if (row?.status !== 'active') {
    throw new ProblemError(404, 'not_found', `No variant or product for sale with id '${itemId}'.`, {
      param: 'items',
    });
  }
  const unit =
    row.currency === currency ? Number(row.amount) : row.prices.find((p) => p.currency === currency)?.amount;
  if (unit === undefined) {
    throw new ProblemError(422, 'validation_failed', `'${itemId}' has no price in ${currency}.`, {
      param: 'currency',
    });
  }
  const subtotal = unit * quantity;
  return {
    productId: row.productId,
    variantId: isVariant ? itemId : null,
    itemId,
    sku: row.sku,
    title: row.title,
    variantTitle: row.variantTitle,
    vendorId: row.vendorId,
    quantity,
    unitAmount: unit,
    subtotal,
    discount: 0,
    tax: 0,
    total: subtotal,
  } satisfies PlaceOrderLine;
}

/**
 * Marks order `row` paid by `payment` (already succeeded), in the caller's transaction: its
 * reservations become sales, and `order.paid` is recorded — fulfilment follows from it.
 * `paymentRows`: the order's payments as they are now, when the caller holds them.
 */
export async function settlePaidOrder(
  tx: Executor,
  row: OrderRow,
  actor: string,
  paymentId: string,
  paymentRows?: PaymentRow[],
): Promise<Order> {
  const items = await itemsOf(tx, row.id);
  for (const item of items) {
    if (item.reservationId) await sellReservedStock(tx, row.tenantId, item.reservationId, `order ${row.id}`);
  }
  await tx.update(orderItems).set({ reservationId: null }).where(eq(orderItems.orderId, row.id));
  const paid = await updateOrder(tx, row.id, {
    status: 'paid',
    paymentStatus: 'paid',
    paidAt: new Date(),
    updatedAt: new Date(),
  });
  // The items as the wire shows them (their reservations are not on it).
  return recordOrderEvents(
    tx,
    paid,
    actor,
    [{ type: 'order.paid', message: 'Payment received', objectId: paymentId }],
    { items, payments: paymentRows },
  );
}

/** Gives back the stock an unpaid order holds. */
export async function releaseOrderStock(tx: Executor, row: OrderRow): Promise<void> {
  const items = await itemsOf(tx, row.id);
  const held = items.filter((i) => i.reservationId).sort((a, b) => (a.itemId < b.itemId ? -1 : 1));
  for (const item of held) await releaseStock(tx, row.tenantId, item.reservationId!);
  await tx.update(orderItems).set({ reservationId: null }).where(eq(orderItems.orderId, row.id));
}

/** Whether the tenant splits fulfilment by vendor (`commerce.multiVendor`, Growth and up). */
function splitsByVendor(tenant: TenantRow): boolean {
  return entitlementsOf(tenant).features.includes('commerce.multiVendor');
}

/** The event handler that starts fulfilment on `order.paid` (its progress is stored under this name). */
export const FULFILMENT_HANDLER = 'commerce.orders.fulfilment';

/**
 * Makes the fulfilments of a paid order — one per vendor with `commerce.multiVendor`, one for
 * the whole order below it — and moves it to `fulfilling`. Idempotent: an order no longer
 * `paid` is left as it is (the handler of `order.paid` and the action both call it).
 */
export async function startFulfillment(tx: Executor, tenantId: string, orderId: string, actor: string) {
  const row = await orderForUpdate(tx, tenantId, orderId);
  if (row?.status !== 'paid') return undefined;
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
  const split = tenant ? splitsByVendor(tenant) : false;
  const groups = new Map<
    string,
    { vendorId: string | null; items: Array<{ orderItemId: string; quantity: number }> }
  >();
  const items = await itemsOf(tx, orderId);
  for (const item of items) {
    const vendorId = split ? item.vendorId : null;
    const key = vendorId ?? '';
    const group = groups.get(key) ?? { vendorId, items: [] };
    group.items.push({ orderItemId: item.id, quantity: Number(item.quantity) });
    groups.set(key, group);
  }
  const events: OrderEvent[] = [];
  for (const [vendorKey, group] of groups) {
    const [made] = await tx
      .insert(fulfillments)
      .values({
        id: newId('ful'),
        tenantId,
        orderId,
        vendorKey,
        vendorId: group.vendorId,
        status: 'pending',
        items: group.items,
      })
      .onConflictDoNothing()
      .returning();
    if (made) {
      events.push({
        type: 'fulfillment.created',
        message: group.vendorId ? `Fulfilment created for vendor ${group.vendorId}` : 'Fulfilment created',
        objectId: made.id,
        vendorId: group.vendorId,
        object: toFulfillment(made) as unknown as { id: string },
      });
    }
  }
  const fulfilling = await updateOrder(tx, orderId, { status: 'fulfilling', updatedAt: new Date() });
  events.push({ type: 'order.fulfilling', message: 'Fulfilment started' });
  return recordOrderEvents(tx, fulfilling, actor, events, { items });
}

/** Sets a fulfilment's status (and when), with its event. */
async function moveFulfillment(
  tx: Executor,
  f: FulfillmentRow,
  to: 'shipped' | 'delivered',
  extra: { carrier?: string; trackingNumber?: string } = {},
): Promise<OrderEvent> {
  const at = new Date();
  const [moved] = await tx
    .update(fulfillments)
    .set({
      status: to,
      ...(to === 'shipped'
        ? {
            shippedAt: at,
            carrier: extra.carrier ?? f.carrier,
            trackingNumber: extra.trackingNumber ?? f.trackingNumber,
          }
        : { deliveredAt: at }),
      updatedAt: at,
    })
    .where(eq(fulfillments.id, f.id))
    .returning();
  return {
    type: `fulfillment.${to}`,
    message: `Fulfilment ${to}${f.vendorId ? ` (vendor ${f.vendorId})` : ''}${to === 'shipped' && extra.trackingNumber ? `, tracking ${extra.trackingNumber}` : ''}`,
    objectId: f.id,
    vendorId: f.vendorId,
    object: toFulfillment(moved!) as unknown as { id: string },
  };
}

const MESSAGES: Record<string, string> = {
  shipped: 'Order shipped',
  delivered: 'Order delivered',
  return_requested: 'Return requested',
  returned: 'Return received',
  canceled: 'Order canceled',
};

async function lockForAction(tx: Executor, caller: TenantPrincipal, id: string, action: OrderAction) {
  const row = await requireVisible(tx, caller, await orderForUpdate(tx, caller.tenant.id, id), id);
  if (vendorOf(caller) !== null) {
    throw new ProblemError(403, 'forbidden', "A vendor's user acts on its own fulfilment only.");
  }
  requireOrderTransition(id, row as OrderStateLike, action, await workflowStepKeys(tx, caller.tenant.id));
  return row;
}

/** The refundable remainder of a payment. */
const refundable = (p: PaymentRow) => Number(p.captured) - Number(p.refunded);

/**
 * A vendor's user does not see who bought: it may not filter by customer or e-mail either (the
 * filter would tell what the view hides).
 */
function requireNoCustomerFilter(params: OrderListParams): void {
  const param = params.email !== undefined ? 'email' : params.customerId !== undefined ? 'customerId' : null;
  if (param) {
    throw new ProblemError(403, 'forbidden', `A vendor's user may not filter orders by ${param}.`, { param });
  }
}

/** Business rules of orders. */
export const orderService = {
  async list(db: Executor, caller: TenantPrincipal, params: OrderListParams): Promise<ListResponse<Order>> {
    const filters: SQL[] = [];
    if (params.status) filters.push(eq(orders.status, params.status));
    if (params.paymentStatus) filters.push(eq(orders.paymentStatus, params.paymentStatus));
    if (params.customerId) filters.push(eq(orders.customerId, params.customerId));
    if (params.email) filters.push(sql`lower(${orders.email}) = ${params.email.toLowerCase()}`);
    if (params.vendorId) filters.push(hasVendorItem(params.vendorId));
    const vendorId = vendorOf(caller);
    if (vendorId !== null) {
      requireNoCustomerFilter(params);
      filters.push(hasVendorItem(vendorId));
    }
    const customerId = customerOf(caller);
    if (customerId !== null) filters.push(eq(orders.customerId, customerId));
    const { status: _, paymentStatus: __, customerId: ___, email: ____, vendorId: _____, ...page } = params;
    const rows = await orderStore(db, caller.tenant.id).page(
      page,
      filters.length ? and(...filters) : undefined,
    );
    return { ...rows, data: await hydrateOrders(db, rows.data, viewOf(caller)) };
  },

  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<Order> {
    const row = await requireVisible(db, caller, await orderStore(db, caller.tenant.id).get(id), id);
    const [order] = await hydrateOrders(db, [row], viewOf(caller));
    return order!;
  },

  /** A manual order: catalogue prices, stock reserved; paid at once with `markPaid`. */
  async create(tx: Executor, caller: TenantPrincipal, input: OrderCreate): Promise<Order> {
    if (vendorOf(caller) !== null) {
      throw new ProblemError(403, 'forbidden', "A vendor's user acts on its own fulfilment only.");
    }
    const tenantId = caller.tenant.id;
    const actor = actorOf(caller);
    const quantities = new Map<string, number>();
    for (const item of input.items)
      quantities.set(item.itemId, (quantities.get(item.itemId) ?? 0) + item.quantity);
    const lines: PlaceOrderLine[] = [];
    for (const [itemId, quantity] of quantities) {
      lines.push(await catalogueLine(tx, tenantId, itemId, input.currency, quantity));
    }
    const subtotal = lines.reduce((n, l) => n + l.subtotal, 0);
    const placed = await placeOrder(tx, tenantId, actor, {
      source: 'manual',
      cartId: null,
      customerId: input.customerId ?? null,
      email: input.email ?? null,
      currency: input.currency,
      lines,
      subtotal,
      discountTotal: 0,
      shippingTotal: 0,
      taxTotal: 0,
      total: subtotal,
      discountCodeId: null,
      discountCode: null,
      shippingOptionId: null,
      shippingAddress: null,
      metadata: input.metadata ?? {},
    });
    if (input.markPaid) return markPaid(tx, tenantId, placed.row, actor);
    return orderSeenAs(placed.order, viewOf(caller))!;
  },

  async markPaid(tx: Executor, caller: TenantPrincipal, id: string, _input: OrderActionNote): Promise<Order> {
    const row = await lockForAction(tx, caller, id, 'mark_paid');
    return markPaid(tx, caller.tenant.id, row, actorOf(caller));
  },

  async startFulfillment(tx: Executor, caller: TenantPrincipal, id: string, _input: OrderActionNote) {
    await lockForAction(tx, caller, id, 'start_fulfillment');
    return (await startFulfillment(tx, caller.tenant.id, id, actorOf(caller)))!;
  },

  async ship(tx: Executor, caller: TenantPrincipal, id: string, input: OrderShip): Promise<Order> {
    const row = await lockForAction(tx, caller, id, 'ship');
    const events: OrderEvent[] = [];
    for (const f of await fulfillmentsOf(tx, row.id, true)) {
      if (f.status === 'pending') events.push(await moveFulfillment(tx, f, 'shipped', input));
    }
    return moveOrder(tx, row, 'shipped', actorOf(caller), events, input.note);
  },

  async deliver(tx: Executor, caller: TenantPrincipal, id: string, input: OrderActionNote): Promise<Order> {
    const row = await lockForAction(tx, caller, id, 'deliver');
    const events: OrderEvent[] = [];
    for (const f of await fulfillmentsOf(tx, row.id, true)) {
      if (f.status === 'shipped') events.push(await moveFulfillment(tx, f, 'delivered'));
    }
    return moveOrder(tx, row, 'delivered', actorOf(caller), events, input.note);
  },

  /**
   * Ships one fulfilment (`pending → shipped`); the order becomes `shipped` with its last. A
   * vendor's user ships its own vendor's fulfilment only (another's: `404 not_found`).
   */
  async shipFulfillment(
    tx: Executor,
    caller: TenantPrincipal,
    id: string,
    fulfillmentId: string,
    input: OrderShip,
  ): Promise<Order> {
    return actOnFulfillment(tx, caller, id, fulfillmentId, 'ship', input);
  },

  /** Marks one shipped fulfilment delivered; the order becomes `delivered` with its last. */
  async deliverFulfillment(
    tx: Executor,
    caller: TenantPrincipal,
    id: string,
    fulfillmentId: string,
    input: OrderActionNote,
  ): Promise<Order> {
    return actOnFulfillment(tx, caller, id, fulfillmentId, 'deliver', input);
  },

  async requestReturn(tx: Executor, caller: TenantPrincipal, id: string, input: OrderReturn): Promise<Order> {
    const row = await lockForAction(tx, caller, id, 'request_return');
    const items = await itemsOf(tx, row.id);
    const wanted = returnQuantities(items, input);
    for (const [itemId, quantity] of wanted) {
      await tx.update(orderItems).set({ returnRequestedQuantity: quantity }).where(eq(orderItems.id, itemId));
    }
    const units = [...wanted.values()].reduce((n, q) => n + q, 0);
    return moveOrder(
      tx,
      row,
      'return_requested',
      actorOf(caller),
      [],
      input.note,
      `Return requested (${units} unit(s))`,
    );
  },

  async receiveReturn(tx: Executor, caller: TenantPrincipal, id: string, input: OrderReturn): Promise<Order> {
    const row = await lockForAction(tx, caller, id, 'receive_return');
    const items = await itemsOf(tx, row.id);
    const requested = new Map(
      items
        .filter((i) => Number(i.returnRequestedQuantity) > 0)
        .map((i) => [i.id, Number(i.returnRequestedQuantity)]),
    );
    const received = input.items ? returnQuantities(items, input) : requested;
    let units = 0;
    for (const item of [...items].sort((a, b) => (a.itemId < b.itemId ? -1 : 1))) {
      const quantity = received.get(item.id);
      if (!quantity) continue;
      await tx
        .update(orderItems)
        .set({
          returnedQuantity: sql`${orderItems.returnedQuantity} + ${quantity}`,
          returnRequestedQuantity: 0,
        })
        .where(eq(orderItems.id, item.id));
      await restock(tx, row.tenantId, {
        itemId: item.itemId,
        locationId: item.locationId,
        quantity,
        note: `return of order ${row.id}`,
      });
      units += quantity;
    }
    return moveOrder(
      tx,
      row,
      'returned',
      actorOf(caller),
      [],
      input.note,
      `Return received (${units} unit(s) back in stock)`,
    );
  },
};

/**
 * Ships or delivers one fulfilment of order `id` in `tx`: the order is locked, then its
 * fulfilments (the order every action on an order locks in, so concurrent ships of two vendors'
 * fulfilments queue and the last one sees every other shipped). Answers the order as the caller
 * sees it.
 */
async function actOnFulfillment(
  tx: Executor,
  caller: TenantPrincipal,
  id: string,
  fulfillmentId: string,
  action: 'ship' | 'deliver',
  input: OrderShip,
): Promise<Order> {
  const tenantId = caller.tenant.id;
  const row = await requireVisible(tx, caller, await orderForUpdate(tx, tenantId, id), id);
  const all = await fulfillmentsOf(tx, row.id, true);
  const vendorId = vendorOf(caller);
  const f = all.find((x) => x.id === fulfillmentId && (vendorId === null || x.vendorId === vendorId));
  if (!f) throw notFound('fulfillment', fulfillmentId);
  const steps = await workflowStepKeys(tx, tenantId);
  requireFulfillmentTransition(f.id, f.status, row as OrderStateLike, action, steps);
  const event = await moveFulfillment(tx, f, action === 'ship' ? 'shipped' : 'delivered', input);
  const after = all.map((x) =>
    x.id === f.id ? { status: action === 'ship' ? 'shipped' : 'delivered' } : x,
  ) as {
    status: FulfillmentRow['status'];
  }[];
  const to = statusFromFulfillments(row as OrderStateLike, after);
  const actor = actorOf(caller);
  const staff = to
    ? await moveOrder(tx, row, to, actor, [event], input.note)
    : await recordOrderEvents(tx, row, actor, [event]);
  return orderSeenAs(staff, viewOf(caller))!;
}

/** Records a manual payment of the whole total and settles the order. */
async function markPaid(tx: Executor, tenantId: string, row: OrderRow, actor: string): Promise<Order> {
  const paymentId = newId('pay');
  await tx.insert(payments).values({
    id: paymentId,
    tenantId,
    orderId: row.id,
    provider: 'manual',
    status: 'succeeded',
    currency: row.currency,
    amount: row.total,
    captured: row.total,
  });
  return settlePaidOrder(tx, row, actor, paymentId);
}

/** Units to return per order item: the body's, or every unit not yet returned. */
function returnQuantities(
  items: readonly { id: string; quantity: number; returnedQuantity: number }[],
  input: OrderReturn,
) {
  const wanted = new Map<string, number>();
  if (!input.items) {
    for (const i of items) {
      const left = Number(i.quantity) - Number(i.returnedQuantity);
      if (left > 0) wanted.set(i.id, left);
    }
    return wanted;
  }
  for (const { orderItemId, quantity } of input.items)
    wanted.set(orderItemId, (wanted.get(orderItemId) ?? 0) + quantity);
  for (const [id, quantity] of wanted) {
    const item = items.find((i) => i.id === id);
    const left = item ? Number(item.quantity) - Number(item.returnedQuantity) : 0;
    if (quantity > left) throw invalidReturn(id, quantity, left);
  }
  return wanted;
}

/** Moves the order to `to` with its event (after the fulfilments' events). */
async function moveOrder(
  tx: Executor,
  row: OrderRow,
  to: keyof typeof MESSAGES,
  actor: string,
  events: OrderEvent[],
  note?: string,
  message?: string,
): Promise<Order> {
  const moved = await updateOrder(tx, row.id, { status: to as OrderRow['status'], updatedAt: new Date() });
  const text = (message ?? MESSAGES[to]!) + (note ? ` — ${note}` : '');
  return recordOrderEvents(tx, moved, actor, [...events, { type: `order.${to}`, message: text }]);
}

/** What a refund in progress needs once its transaction committed. */
interface PendingRefund {
  refundId: string;
  payment: PaymentRow;
  amount: number;
  full: boolean;
  reason?: string;
}

/**
 * Opens a refund in the caller's transaction: takes `amount` (or the whole remainder) off the
 * payment's refundable remainder with a conditional UPDATE — concurrent refunds of one payment
 * cannot together exceed what was captured — and records the refund `pending`. The provider is
 * called after the commit ({@link finishRefund}).
 */
async function openRefund(
  tx: Executor,
  row: OrderRow,
  input: { amount?: number; reason?: string; note?: string },
): Promise<PendingRefund | null> {
  const pays = await paymentsOf(tx, row.id, true);
  const payment = pays.find((p) => p.status === 'succeeded' && refundable(p) > 0);
  const left = pays.reduce((n, p) => n + (p.status === 'succeeded' ? refundable(p) : 0), 0);
  if (!payment) {
    if (input.amount !== undefined) throw refundExceedsCaptured(input.amount, 0, row.currency);
    return null;
  }
  const amount = input.amount ?? refundable(payment);
  if (amount > refundable(payment)) throw refundExceedsCaptured(amount, refundable(payment), row.currency);
  const [taken] = await tx
    .update(payments)
    .set({ refunded: sql`${payments.refunded} + ${amount}`, updatedAt: new Date() })
    .where(and(eq(payments.id, payment.id), sql`${payments.refunded} + ${amount} <= ${payments.captured}`))
    .returning();
  if (!taken) throw refundExceedsCaptured(amount, refundable(payment), row.currency);
  const refundId = newId('rf');
  await tx.insert(refunds).values({
    id: refundId,
    tenantId: row.tenantId,
    orderId: row.id,
    paymentId: payment.id,
    currency: row.currency,
    amount,
    status: 'pending',
    reason: input.reason ?? null,
    note: input.note ?? null,
  });
  return { refundId, payment, amount, full: amount === left, reason: input.reason };
}

/**
 * Calls the payment's provider for a refund opened by {@link openRefund} (outside any
 * transaction, the refund's id as idempotency reference), then records the outcome: succeeded —
 * the order's refunded total and payment status, and `refunded` after a full refund; failed —
 * the amount returns to the payment's refundable remainder.
 */
async function finishRefund(
  db: Db,
  tenantId: string,
  orderId: string,
  actor: string,
  pending: PendingRefund,
) {
  const provider =
    pending.payment.provider === 'manual' ? null : paymentProviders.get(pending.payment.provider);
  const result = provider
    ? await provider.refund({
        reference: pending.refundId,
        tenantId,
        paymentReference: pending.payment.providerReference ?? '',
        amount: pending.amount,
        currency: pending.payment.currency,
        reason: pending.reason,
      })
    : pending.payment.provider === 'manual'
      ? ({ status: 'succeeded', providerReference: `manual_${pending.refundId}` } as const)
      : ({
          status: 'failed',
          code: 'provider_unavailable',
          message: `No payment provider '${pending.payment.provider}'.`,
        } as const);
  return inTransaction(db, async (tx) => {
    const row = (await orderForUpdate(tx, tenantId, orderId))!;
    if (result.status === 'failed') {
      await tx
        .update(refunds)
        .set({ status: 'failed', failureCode: result.code, updatedAt: new Date() })
        .where(eq(refunds.id, pending.refundId));
      await tx
        .update(payments)
        .set({ refunded: sql`${payments.refunded} - ${pending.amount}`, updatedAt: new Date() })
        .where(eq(payments.id, pending.payment.id));
      await recordOrderEvents(tx, row, actor, [
        {
          type: 'refund.failed',
          message: `Refund of ${describeMoney(pending.amount, row.currency)} failed: ${result.message}`,
          objectId: pending.refundId,
        },
      ]);
      return { ok: false as const, code: result.code, message: result.message };
    }
    await tx
      .update(refunds)
      .set({ status: 'succeeded', providerReference: result.providerReference, updatedAt: new Date() })
      .where(eq(refunds.id, pending.refundId));
    const refundedTotal = Number(row.refundedTotal) + pending.amount;
    const full = refundedTotal >= Number(row.total);
    const refunded = await updateOrder(tx, orderId, {
      refundedTotal,
      paymentStatus: full ? 'refunded' : 'partially_refunded',
      ...(full && row.status !== 'canceled' ? { status: 'refunded' as const } : {}),
      updatedAt: new Date(),
    });
    const order = await recordOrderEvents(tx, refunded, actor, [
      {
        type: 'order.refunded',
        message: refundedMessage(pending.amount, Number(row.total), row.currency, full),
        objectId: pending.refundId,
      },
    ]);
    return { ok: true as const, order };
  });
}

/** Refunds and cancellation: a transaction, the provider outside it, then a transaction. */
export const orderMoneyService = {
  async refund(db: Db, caller: TenantPrincipal, id: string, input: OrderRefund): Promise<Order> {
    const tenantId = caller.tenant.id;
    const actor = actorOf(caller);
    const pending = await inTransaction(db, async (tx) => {
      const row = await lockForAction(tx, caller, id, 'refund');
      const opened = await openRefund(tx, row, input);
      if (!opened) throw refundExceedsCaptured(input.amount ?? 0, 0, row.currency);
      return opened;
    });
    const done = await finishRefund(db, tenantId, id, actor, pending);
    if (!done.ok) {
      throw new ProblemError(503, 'payment_provider_unavailable', `The refund failed: ${done.message}`, {
        declineCode: done.code,
      });
    }
    return viewOf(caller).vendorId === null ? done.order : this.retrieveAs(db, caller, id);
  },

  /**
   * Cancels: an unpaid order's stock is released and its pending payments voided; a paid one's
   * stock returns to the shelf and what it captured is refunded through the provider.
   */
  async cancel(db: Db, caller: TenantPrincipal, id: string, input: OrderActionNote): Promise<Order> {
    const tenantId = caller.tenant.id;
    const actor = actorOf(caller);
    const step = await inTransaction(db, async (tx) => {
      const row = await lockForAction(tx, caller, id, 'cancel');
      const wasPaid = row.status !== 'pending';
      const now = new Date();
      if (wasPaid) {
        const items = await itemsOf(tx, row.id);
        for (const item of [...items].sort((a, b) => (a.itemId < b.itemId ? -1 : 1))) {
          const back = Number(item.quantity) - Number(item.returnedQuantity);
          if (back > 0)
            await restock(tx, tenantId, {
              itemId: item.itemId,
              locationId: item.locationId,
              quantity: back,
              note: `cancel of order ${row.id}`,
            });
        }
        await tx
          .update(fulfillments)
          .set({ status: 'canceled', updatedAt: now })
          .where(and(eq(fulfillments.orderId, row.id), inArray(fulfillments.status, ['pending'])));
      } else {
        await releaseOrderStock(tx, row);
        await tx
          .update(payments)
          .set({ status: 'canceled', nextAction: null, updatedAt: now })
          .where(and(eq(payments.orderId, row.id), inArray(payments.status, ['pending', 'requires_action'])));
      }
      const canceled = await updateOrder(tx, row.id, {
        status: 'canceled',
        ...(wasPaid ? {} : { paymentStatus: 'voided' as const }),
        cancelReason: input.note ?? 'canceled',
        canceledAt: now,
        updatedAt: now,
      });
      const order = await recordOrderEvents(tx, canceled, actor, [
        { type: 'order.canceled', message: `Order canceled${input.note ? ` — ${input.note}` : ''}` },
      ]);
      const opened = wasPaid
        ? await openRefund(tx, { ...row, status: 'canceled' }, { reason: 'other', note: 'order canceled' })
        : null;
      return { order, opened };
    });
    if (!step.opened) return step.order;
    const done = await finishRefund(db, tenantId, id, actor, step.opened);
    if (!done.ok) {
      throw new ProblemError(
        503,
        'payment_provider_unavailable',
        `The order is canceled but its refund failed: ${done.message}`,
        {
          declineCode: done.code,
        },
      );
    }
    return done.order;
  },

  async retrieveAs(db: Executor, caller: TenantPrincipal, id: string) {
    return orderService.retrieve(db, caller, id);
  },
};
