import { computeEntitlements } from '../../catalog/entitlements';
import {
  allowedOrderTransitions,
  invalidReturn,
  nextWorkflowStep,
  paymentDeclined,
  refundExceedsCaptured,
  refundedMessage,
  requireFulfillmentTransition,
  requireOrderTransition,
  statusFromFulfillments,
  testCardOutcome,
  vendorPartOfOrder,
} from '../../contract/commerce/orderRules';
import { checkoutOperations, orderOperations } from '../../contract/commerce/orders';
import { cartWire } from '../../contract/commerce/pricing';
import { ProblemError } from '../../contract/problem';
import type {
  Fulfillment,
  Order,
  OrderAction,
  OrderItem,
  OrderStatus,
  OrderTimelineEntry,
  Payment,
} from '../../schemas/commerce/order';
import type { Product } from '../../schemas/commerce/product';
import type { Vendor } from '../../schemas/commerce/vendor';
import type { Money } from '../../schemas/common';
import { newId } from '../../schemas/ids';
import { findById, now, paginate } from '../collection';
import { FIXTURE_EPOCH, fixtureId, HOUR, iso, type MockDb } from '../db';
import { type Caller, type MockContext, mockResource } from '../pipeline';
import { recordMockEvent } from '../realtime/events';
import { requireMockFeature } from '../rules';
import { openMockCart, reprice } from './carts';
import { reserveMockStock, restockMock, settleMockReservation } from './inventory';

/** An order as the model keeps it: the wire order without its caller-dependent transitions, plus held stock. */
export type MockOrder = Omit<Order, 'allowedTransitions'> & {
  /** Open reservations by order item id (until paid or canceled). */
  reservations: Record<string, string>;
};

const money = (amount: number, currency: string): Money => ({ amount, currency });

/** The keys of the tenant's custom workflow steps, in order. */
export function workflowStepKeys(db: MockDb): string[] {
  return db.orderWorkflow.steps.map((s) => s.key);
}

function wire(db: MockDb, order: MockOrder, canWrite: boolean): Order {
  const { reservations: _, ...rest } = order;
  return {
    ...rest,
    allowedTransitions: canWrite ? allowedOrderTransitions(order, workflowStepKeys(db)) : [],
  };
}

function canWrite(ctx: { caller: { permissions: readonly string[] } | null }): boolean {
  return ctx.caller?.permissions.includes('commerce:orders:write') ?? false;
}

/** The order as `ctx`'s caller sees it: a vendor's user its part only (`404` without one). */
function view(ctx: { db: MockDb; caller: Caller | null }, order: MockOrder): Order {
  const whole = wire(ctx.db, order, canWrite(ctx));
  const vendorId = ctx.caller?.vendorId;
  if (vendorId === undefined) return whole;
  const part = vendorPartOfOrder(whole, vendorId);
  if (!part) throw new ProblemError(404, 'not_found', `No order with id '${order.id}'.`, { param: 'id' });
  return part;
}

/**
 * As the server: a vendor's user takes no whole-order action (`403`; `404` first for an order
 * without its items, whose existence it must not learn).
 */
export function requireMockStaff(db: MockDb, caller: Caller, orderId?: string): void {
  if (caller.vendorId === undefined) return;
  if (orderId !== undefined) view({ db, caller }, findOrder(db, orderId));
  throw new ProblemError(403, 'forbidden', "A vendor's user acts on its own fulfilment only.");
}

type FulfillmentContext = MockContext<
  (typeof orderOperations)['shipFulfillment'] | (typeof orderOperations)['deliverFulfillment']
>;

/** Ships or delivers one fulfilment, as the server: the order follows its last one. */
function actOnFulfillment(ctx: FulfillmentContext, action: 'ship' | 'deliver'): Order {
  const caller = ctx.tenant();
  const { db } = ctx;
  const order = findOrder(db, ctx.params.id);
  view(ctx, order); // 404 for a vendor's user without items in it
  const vendorId = caller.vendorId ?? null;
  const f = order.fulfillments.find(
    (x) => x.id === ctx.params.fulfillmentId && (vendorId === null || x.vendorId === vendorId),
  );
  if (!f) {
    throw new ProblemError(404, 'not_found', `No fulfillment with id '${ctx.params.fulfillmentId}'.`, {
      param: 'id',
    });
  }
  requireFulfillmentTransition(f.id, f.status, order, action, workflowStepKeys(db));
  const at = now();
  if (action === 'ship') {
    const body = ctx.body as { carrier?: string; trackingNumber?: string };
    Object.assign(f, {
      status: 'shipped',
      shippedAt: at,
      carrier: body.carrier ?? f.carrier,
      trackingNumber: body.trackingNumber ?? f.trackingNumber,
      updatedAt: at,
    });
  } else {
    Object.assign(f, { status: 'delivered', deliveredAt: at, updatedAt: at });
  }
  const done = action === 'ship' ? 'shipped' : 'delivered';
  record(db, order, `fulfillment.${done}`, `Fulfilment ${done}`, f.id, f);
  const to = statusFromFulfillments(order, order.fulfillments);
  if (to) move(db, order, to, to === 'shipped' ? 'Order shipped' : 'Order delivered', ctx.body.note);
  return view(ctx, order);
}

function entry(
  type: string,
  message: string,
  actor: string,
  objectId: string | null = null,
  at = now(),
): OrderTimelineEntry {
  return { id: newId('oev'), type, message, actor, objectId, createdAt: at };
}

/** Records an event on the order's timeline and in the model's event log (realtime, as the server). */
function record(
  db: MockDb,
  order: MockOrder,
  type: string,
  message: string,
  objectId: string | null = null,
  object?: { id: string },
) {
  order.timeline.push(entry(type, message, db.actingUserId ?? 'api_key', objectId));
  order.updatedAt = now();
  recordMockEvent(db, type, object ?? wire(db, order, true));
}

function findOrder(db: MockDb, id: string): MockOrder {
  return findById(db.orders, id, 'order');
}

function act(db: MockDb, id: string, action: OrderAction): MockOrder {
  const order = findOrder(db, id);
  requireOrderTransition(id, order, action, workflowStepKeys(db));
  return order;
}

/** Moves a fulfilling order to the workflow's next custom step, as the server. */
export function advanceMockWorkflow(db: MockDb, id: string): Order {
  const order = findOrder(db, id);
  const steps = db.orderWorkflow.steps;
  const next = nextWorkflowStep(id, order, workflowStepKeys(db));
  order.workflowStep = next;
  record(db, order, 'order.workflow_step', `Step: ${steps.find((s) => s.key === next)?.name ?? next}`);
  return wire(db, order, true);
}

function markPaid(db: MockDb, order: MockOrder, provider = 'manual', existing?: Payment): void {
  const at = now();
  const payment: Payment = existing ?? {
    id: newId('pay'),
    object: 'payment',
    provider,
    status: 'succeeded',
    amount: order.total,
    captured: order.total,
    refunded: money(0, order.currency),
    card: null,
    nextAction: null,
    failureCode: null,
    failureMessage: null,
    providerReference: null,
    createdAt: at,
    updatedAt: at,
  };
  if (!existing) order.payments.push(payment);
  for (const id of Object.values(order.reservations))
    settleMockReservation(db, id, true, `order ${order.id}`);
  order.reservations = {};
  order.status = 'paid';
  order.paymentStatus = 'paid';
  order.paidAt = at;
  record(db, order, 'order.paid', 'Payment received', payment.id);
  startFulfillment(db, order);
}

/** As the server's `order.paid` handler: one fulfilment per vendor with `commerce.multiVendor`. */
function startFulfillment(db: MockDb, order: MockOrder): void {
  if (order.status !== 'paid') return;
  const { features } = computeEntitlements(
    db.tenant.subscription,
    db.tenant.addons,
    db.tenant.limitOverrides,
  );
  const split = features.includes('commerce.multiVendor');
  const groups = new Map<string, Fulfillment>();
  for (const item of order.items) {
    const vendorId = split ? item.vendorId : null;
    const key = vendorId ?? '';
    const at = now();
    const f = groups.get(key) ?? {
      id: newId('ful'),
      object: 'fulfillment' as const,
      orderId: order.id,
      vendorId,
      status: 'pending' as const,
      items: [],
      carrier: null,
      trackingNumber: null,
      trackingUrl: null,
      shippedAt: null,
      deliveredAt: null,
      createdAt: at,
      updatedAt: at,
    };
    f.items.push({ orderItemId: item.id, quantity: item.quantity });
    groups.set(key, f);
  }
  for (const f of groups.values()) {
    order.fulfillments.push(f);
    record(
      db,
      order,
      'fulfillment.created',
      f.vendorId ? `Fulfilment created for vendor ${f.vendorId}` : 'Fulfilment created',
      f.id,
      f,
    );
  }
  order.status = 'fulfilling';
  record(db, order, 'order.fulfilling', 'Fulfilment started');
}

function move(db: MockDb, order: MockOrder, to: OrderStatus, message: string, note?: string): Order {
  order.status = to;
  record(db, order, `order.${to}`, message + (note ? ` — ${note}` : ''));
  return wire(db, order, true);
}

function refund(db: MockDb, order: MockOrder, amount: number | undefined, reason: string | null): void {
  const payment = order.payments.find(
    (p) => p.status === 'succeeded' && p.captured.amount > p.refunded.amount,
  );
  const left = payment ? payment.captured.amount - payment.refunded.amount : 0;
  const value = amount ?? left;
  if (!payment || value > left) throw refundExceedsCaptured(value, left, order.currency);
  payment.refunded = money(payment.refunded.amount + value, order.currency);
  const at = now();
  const id = newId('rf');
  order.refunds.push({
    id,
    object: 'refund',
    paymentId: payment.id,
    amount: money(value, order.currency),
    status: 'succeeded',
    reason,
    note: null,
    failureCode: null,
    providerReference: `${payment.provider}_${id}`,
    createdAt: at,
    updatedAt: at,
  });
  order.refundedTotal = money(order.refundedTotal.amount + value, order.currency);
  const full = order.refundedTotal.amount >= order.total.amount;
  order.paymentStatus = full ? 'refunded' : 'partially_refunded';
  if (full && order.status !== 'canceled') order.status = 'refunded';
  record(db, order, 'order.refunded', refundedMessage(value, order.total.amount, order.currency, full), id);
}

function catalogueLine(db: MockDb, itemId: string, currency: string, quantity: number): OrderItem {
  let product: Product | undefined;
  let variant: Product['variants'][number] | undefined;
  for (const p of db.products) {
    if (p.id === itemId) product = p;
    const v = p.variants.find((x) => x.id === itemId);
    if (v) {
      product = p;
      variant = v;
    }
  }
  if (product?.status !== 'active') {
    throw new ProblemError(404, 'not_found', `No variant or product for sale with id '${itemId}'.`, {
      param: 'items',
    });
  }
  const main = variant ? variant.price : product.price;
  const others = variant ? variant.prices : product.prices;
  const unit = main.currency === currency ? main.amount : others.find((m) => m.currency === currency)?.amount;
  if (unit === undefined) {
    throw new ProblemError(422, 'validation_failed', `'${itemId}' has no price in ${currency}.`, {
      param: 'currency',
    });
  }
  const subtotal = unit * quantity;
  return {
    id: newId('oli'),
    object: 'order_item',
    productId: product.id,
    variantId: variant?.id ?? null,
    itemId,
    sku: variant?.sku ?? product.sku,
    title: product.title,
    variantTitle: variant?.title ?? null,
    vendorId: product.vendorId,
    quantity,
    returnedQuantity: 0,
    unitPrice: money(unit, currency),
    subtotal: money(subtotal, currency),
    discount: money(0, currency),
    tax: money(0, currency),
    total: money(subtotal, currency),
  };
}

/** `/v1/commerce/orders` in memory, on the server's state machine. */
export const orderMocks = mockResource(orderOperations, {
  list(ctx) {
    const q = ctx.query;
    if (ctx.tenant().vendorId !== undefined) {
      const param = q.email !== undefined ? 'email' : q.customerId !== undefined ? 'customerId' : null;
      if (param) {
        throw new ProblemError(403, 'forbidden', `A vendor's user may not filter orders by ${param}.`, {
          param,
        });
      }
    }
    const orders = ctx.db.orders.filter(
      (o) =>
        (q.status === undefined || o.status === q.status) &&
        (q.paymentStatus === undefined || o.paymentStatus === q.paymentStatus) &&
        (q.customerId === undefined || o.customerId === q.customerId) &&
        (q.email === undefined || o.email?.toLowerCase() === q.email.toLowerCase()) &&
        (q.vendorId === undefined || o.items.some((i) => i.vendorId === q.vendorId)) &&
        (ctx.caller?.vendorId === undefined || o.items.some((i) => i.vendorId === ctx.caller?.vendorId)),
    );
    const page = paginate(orders, q);
    return { ...page, data: page.data.map((o) => view(ctx, o)) };
  },
  retrieve(ctx) {
    ctx.tenant();
    return view(ctx, findOrder(ctx.db, ctx.params.id));
  },
  shipFulfillment: (ctx) => actOnFulfillment(ctx, 'ship'),
  deliverFulfillment: (ctx) => actOnFulfillment(ctx, 'deliver'),
  create(ctx) {
    requireMockStaff(ctx.db, ctx.tenant());
    const { db, body } = ctx;
    const quantities = new Map<string, number>();
    for (const i of body.items) quantities.set(i.itemId, (quantities.get(i.itemId) ?? 0) + i.quantity);
    const items = [...quantities].map(([itemId, quantity]) =>
      catalogueLine(db, itemId, body.currency, quantity),
    );
    const id = newId('ord');
    // Reserve in item order, as the server; undo on a shortage so nothing is half-held.
    const held: Record<string, string> = {};
    try {
      for (const item of [...items].sort((a, b) => (a.itemId < b.itemId ? -1 : 1))) {
        held[item.id] = reserveMockStock(db, item.itemId, item.quantity, id).id;
      }
    } catch (error) {
      for (const r of Object.values(held)) settleMockReservation(db, r, false, '');
      throw error;
    }
    const total = items.reduce((n, i) => n + i.total.amount, 0);
    const at = now();
    const zero = money(0, body.currency);
    const order: MockOrder = {
      id,
      object: 'order',
      number: db.orders.reduce((n, o) => Math.max(n, o.number), 1000) + 1,
      status: 'pending',
      paymentStatus: 'unpaid',
      source: 'manual',
      cartId: null,
      customerId: body.customerId ?? null,
      email: body.email ?? null,
      currency: body.currency,
      items,
      subtotal: money(total, body.currency),
      discountTotal: zero,
      shippingTotal: zero,
      taxTotal: zero,
      total: money(total, body.currency),
      refundedTotal: zero,
      discountCode: null,
      shippingAddress: null,
      payments: [],
      refunds: [],
      fulfillments: [],
      timeline: [],
      cancelReason: null,
      workflowStep: null,
      metadata: body.metadata ?? {},
      paidAt: null,
      canceledAt: null,
      createdAt: at,
      updatedAt: at,
      reservations: held,
    };
    db.orders.push(order);
    record(db, order, 'order.created', `Order #${order.number} placed`);
    if (body.markPaid) markPaid(db, order);
    return wire(ctx.db, order, true);
  },
  markPaid(ctx) {
    requireMockStaff(ctx.db, ctx.tenant(), ctx.params.id);
    const order = act(ctx.db, ctx.params.id, 'mark_paid');
    markPaid(ctx.db, order);
    return wire(ctx.db, order, true);
  },
  startFulfillment(ctx) {
    requireMockStaff(ctx.db, ctx.tenant(), ctx.params.id);
    const order = act(ctx.db, ctx.params.id, 'start_fulfillment');
    startFulfillment(ctx.db, order);
    return wire(ctx.db, order, true);
  },
  ship(ctx) {
    requireMockStaff(ctx.db, ctx.tenant(), ctx.params.id);
    const order = act(ctx.db, ctx.params.id, 'ship');
    for (const f of order.fulfillments.filter((x) => x.status === 'pending')) {
      Object.assign(f, {
        status: 'shipped',
        shippedAt: now(),
        carrier: ctx.body.carrier ?? f.carrier,
        trackingNumber: ctx.body.trackingNumber ?? f.trackingNumber,
        updatedAt: now(),
      });
      record(ctx.db, order, 'fulfillment.shipped', 'Fulfilment shipped', f.id, f);
    }
    return move(ctx.db, order, 'shipped', 'Order shipped', ctx.body.note);
  },
  deliver(ctx) {
    requireMockStaff(ctx.db, ctx.tenant(), ctx.params.id);
    const order = act(ctx.db, ctx.params.id, 'deliver');
    for (const f of order.fulfillments.filter((x) => x.status === 'shipped')) {
      Object.assign(f, { status: 'delivered', deliveredAt: now(), updatedAt: now() });
      record(ctx.db, order, 'fulfillment.delivered', 'Fulfilment delivered', f.id, f);
    }
    return move(ctx.db, order, 'delivered', 'Order delivered', ctx.body.note);
  },
  requestReturn(ctx) {
    requireMockStaff(ctx.db, ctx.tenant(), ctx.params.id);
    const order = act(ctx.db, ctx.params.id, 'request_return');
    let units = 0;
    for (const { orderItemId, quantity } of ctx.body.items ??
      order.items.map((i) => ({ orderItemId: i.id, quantity: i.quantity - i.returnedQuantity }))) {
      const item = order.items.find((i) => i.id === orderItemId);
      const left = item ? item.quantity - item.returnedQuantity : 0;
      if (quantity > left) throw invalidReturn(orderItemId, quantity, left);
      units += quantity;
    }
    return move(ctx.db, order, 'return_requested', `Return requested (${units} unit(s))`, ctx.body.note);
  },
  receiveReturn(ctx) {
    requireMockStaff(ctx.db, ctx.tenant(), ctx.params.id);
    const order = act(ctx.db, ctx.params.id, 'receive_return');
    let units = 0;
    for (const item of order.items) {
      const wanted = ctx.body.items
        ? ctx.body.items.filter((x) => x.orderItemId === item.id).reduce((n, x) => n + x.quantity, 0)
        : item.quantity - item.returnedQuantity;
      if (wanted <= 0) continue;
      if (wanted > item.quantity - item.returnedQuantity)
        throw invalidReturn(item.id, wanted, item.quantity - item.returnedQuantity);
      item.returnedQuantity += wanted;
      restockMock(ctx.db, item.itemId, null, wanted, `return of order ${order.id}`);
      units += wanted;
    }
    return move(ctx.db, order, 'returned', `Return received (${units} unit(s) back in stock)`, ctx.body.note);
  },
  cancel(ctx) {
    requireMockStaff(ctx.db, ctx.tenant(), ctx.params.id);
    const order = act(ctx.db, ctx.params.id, 'cancel');
    const at = now();
    const wasPaid = order.status !== 'pending';
    if (wasPaid) {
      for (const item of order.items) {
        const back = item.quantity - item.returnedQuantity;
        if (back > 0) restockMock(ctx.db, item.itemId, null, back, `cancel of order ${order.id}`);
      }
      for (const f of order.fulfillments)
        if (f.status === 'pending') Object.assign(f, { status: 'canceled', updatedAt: at });
    } else {
      for (const id of Object.values(order.reservations)) settleMockReservation(ctx.db, id, false, '');
      order.reservations = {};
      for (const p of order.payments)
        if (p.status === 'pending' || p.status === 'requires_action')
          Object.assign(p, { status: 'canceled', nextAction: null });
      order.paymentStatus = 'voided';
    }
    order.status = 'canceled';
    order.cancelReason = ctx.body.note ?? 'canceled';
    order.canceledAt = at;
    record(ctx.db, order, 'order.canceled', `Order canceled${ctx.body.note ? ` — ${ctx.body.note}` : ''}`);
    if (
      wasPaid &&
      order.payments.some((p) => p.status === 'succeeded' && p.captured.amount > p.refunded.amount)
    ) {
      refund(ctx.db, order, undefined, 'other');
    }
    return wire(ctx.db, order, true);
  },
  refund(ctx) {
    requireMockStaff(ctx.db, ctx.tenant(), ctx.params.id);
    const order = act(ctx.db, ctx.params.id, 'refund');
    refund(ctx.db, order, ctx.body.amount, ctx.body.reason ?? null);
    return wire(ctx.db, order, true);
  },
});

/**
 * Fixture orders in every state, so boards and details look real: pending, paid, fulfilling
 * (split across the two vendors with `multiVendor`, one fulfilment without), shipped with
 * tracking, delivered, partially refunded, returned and canceled.
 */
export function ordersFor(
  products: readonly Product[],
  vendors: readonly Vendor[],
  multiVendor = true,
): MockOrder[] {
  const sellable = products.filter((p) => p.status === 'active');
  if (sellable.length === 0) return [];
  const pick = (i: number) => sellable[i % sellable.length]!;
  const plan: Array<{
    status: OrderStatus;
    lines: number[];
    vendors?: boolean;
    refunded?: number;
    canceled?: boolean;
  }> = [
    { status: 'pending', lines: [0] },
    { status: 'paid', lines: [1, 2] },
    { status: 'fulfilling', lines: [0, 3], vendors: true },
    { status: 'shipped', lines: [2] },
    { status: 'delivered', lines: [1, 4] },
    { status: 'delivered', lines: [3], refunded: 0.5 },
    { status: 'returned', lines: [4] },
    { status: 'canceled', lines: [2], canceled: true },
  ];
  return plan.map((spec, n) => {
    const time = FIXTURE_EPOCH - (plan.length - n) * 6 * HOUR;
    const at = (h: number) => iso(time + h * HOUR);
    const id = fixtureId('ord', time, n + 1);
    const currency = pick(spec.lines[0]!).price.currency;
    const items: OrderItem[] = spec.lines.map((li, k) => {
      const product = pick(li);
      const quantity = (k % 2) + 1;
      const unit = product.price.currency === currency ? product.price.amount : 1000;
      // Below multi-vendor the store ships everything itself: no vendor on a line, one fulfilment.
      const vendorId = !multiVendor
        ? null
        : spec.vendors
          ? (vendors[k % Math.max(vendors.length, 1)]?.id ?? null)
          : product.vendorId;
      return {
        id: fixtureId('oli', time, n * 10 + k + 1),
        object: 'order_item',
        productId: product.id,
        variantId: product.variants[0]?.id ?? null,
        itemId: product.variants[0]?.id ?? product.id,
        sku: product.variants[0]?.sku ?? product.sku,
        title: product.title,
        variantTitle: product.variants[0]?.title ?? null,
        vendorId,
        quantity,
        returnedQuantity: spec.status === 'returned' ? quantity : 0,
        unitPrice: money(unit, currency),
        subtotal: money(unit * quantity, currency),
        discount: money(0, currency),
        tax: money(0, currency),
        total: money(unit * quantity, currency),
      };
    });
    const total = items.reduce((s, i) => s + i.total.amount, 0);
    const reached = (s: OrderStatus) => {
      const order: OrderStatus[] = ['paid', 'fulfilling', 'shipped', 'delivered', 'returned'];
      return spec.status !== 'pending' && order.indexOf(spec.status) >= order.indexOf(s);
    };
    const paid = spec.status !== 'pending';
    const refundedAmount = spec.refunded ? Math.round(total * spec.refunded) : spec.canceled ? total : 0;
    const paymentId = fixtureId('pay', time, n + 1);
    const timeline: OrderTimelineEntry[] = [
      {
        id: fixtureId('oev', time, n * 20 + 1),
        type: 'order.created',
        message: `Order #${1001 + n} placed`,
        actor: 'system',
        objectId: null,
        createdAt: at(0),
      },
    ];
    const push = (type: string, message: string, h: number, objectId: string | null = null) =>
      timeline.push({
        id: fixtureId('oev', time, n * 20 + timeline.length + 1),
        type,
        message,
        actor: 'system',
        objectId,
        createdAt: at(h),
      });
    if (paid) push('order.paid', 'Payment received', 0.1, paymentId);
    const groups = new Map<string, OrderItem[]>();
    for (const item of items)
      groups.set(item.vendorId ?? '', [...(groups.get(item.vendorId ?? '') ?? []), item]);
    const fulfillments: Fulfillment[] =
      !reached('fulfilling') || spec.canceled
        ? []
        : [...groups].map(([vendorKey, list], k) => {
            const fid = fixtureId('ful', time, n * 10 + k + 1);
            push(
              'fulfillment.created',
              vendorKey ? `Fulfilment created for vendor ${vendorKey}` : 'Fulfilment created',
              0.2,
              fid,
            );
            const shipped = reached('shipped');
            const delivered = reached('delivered');
            return {
              id: fid,
              object: 'fulfillment',
              orderId: id,
              vendorId: vendorKey || null,
              status: delivered ? 'delivered' : shipped ? 'shipped' : 'pending',
              items: list.map((i) => ({ orderItemId: i.id, quantity: i.quantity })),
              carrier: shipped ? 'DHL' : null,
              trackingNumber: shipped ? `JD01460${n}${k}` : null,
              trackingUrl: null,
              shippedAt: shipped ? at(20) : null,
              deliveredAt: delivered ? at(60) : null,
              createdAt: at(0.2),
              updatedAt: at(delivered ? 60 : shipped ? 20 : 0.2),
            };
          });
    if (reached('fulfilling') && !spec.canceled) push('order.fulfilling', 'Fulfilment started', 0.2);
    if (reached('shipped')) push('order.shipped', 'Order shipped', 20);
    if (reached('delivered')) push('order.delivered', 'Order delivered', 60);
    if (spec.status === 'returned') {
      push('order.return_requested', 'Return requested', 80);
      push('order.returned', 'Return received (back in stock)', 100);
    }
    if (spec.canceled) push('order.canceled', 'Order canceled — customer changed their mind', 2);
    const refundId = fixtureId('rf', time, n + 1);
    if (refundedAmount > 0)
      push(
        'order.refunded',
        refundedMessage(refundedAmount, total, currency, refundedAmount >= total),
        90,
        refundId,
      );
    return {
      id,
      object: 'order',
      number: 1001 + n,
      status: spec.status,
      paymentStatus: !paid
        ? 'unpaid'
        : refundedAmount >= total
          ? 'refunded'
          : refundedAmount > 0
            ? 'partially_refunded'
            : 'paid',
      source: 'checkout',
      cartId: null,
      customerId: null,
      email: `customer${n + 1}@example.com`,
      currency,
      items,
      subtotal: money(total, currency),
      discountTotal: money(0, currency),
      shippingTotal: money(0, currency),
      taxTotal: money(0, currency),
      total: money(total, currency),
      refundedTotal: money(refundedAmount, currency),
      discountCode: null,
      shippingAddress: null,
      payments: paid
        ? [
            {
              id: paymentId,
              object: 'payment',
              provider: 'test',
              status: 'succeeded',
              amount: money(total, currency),
              captured: money(total, currency),
              refunded: money(refundedAmount, currency),
              card: { brand: 'visa', last4: '4242' },
              nextAction: null,
              failureCode: null,
              failureMessage: null,
              providerReference: `test_${paymentId}`,
              createdAt: at(0.1),
              updatedAt: at(0.1),
            },
          ]
        : [],
      refunds:
        refundedAmount > 0
          ? [
              {
                id: refundId,
                object: 'refund',
                paymentId,
                amount: money(refundedAmount, currency),
                status: 'succeeded',
                reason: spec.canceled ? 'other' : 'damaged',
                note: null,
                failureCode: null,
                providerReference: `test_re_${refundId}`,
                createdAt: at(90),
                updatedAt: at(90),
              },
            ]
          : [],
      fulfillments,
      timeline,
      cancelReason: spec.canceled ? 'customer changed their mind' : null,
      workflowStep: null,
      metadata: {},
      paidAt: paid ? at(0.1) : null,
      canceledAt: spec.canceled ? at(2) : null,
      createdAt: at(0),
      updatedAt: timeline.at(-1)!.createdAt,
      reservations: {},
    };
  });
}

/**
 * The fixture orders with custom workflow `steps`: one more fulfilling order (a copy of the
 * fixture's fulfilling one, numbered after the rest) at each step, so every stage of a board has
 * an order. Without steps, `orders` as they are.
 */
export function ordersAtWorkflowSteps(
  orders: MockOrder[],
  steps: readonly { key: string; name: string }[],
): MockOrder[] {
  const model = orders.find((o) => o.status === 'fulfilling');
  if (!model || steps.length === 0) return orders;
  let number = orders.reduce((n, o) => Math.max(n, o.number), 1000);
  const time = Date.parse(model.createdAt);
  const copies = steps.map((step, k): MockOrder => {
    number += 1;
    const n = number;
    const suffix = (id: string, i: number) => fixtureId(id, time + (k + 1) * HOUR, 900 + k * 10 + i);
    const items = model.items.map((item, i) => ({ ...item, id: suffix('oli', i + 1) }));
    return {
      ...structuredClone(model),
      id: suffix('ord', 0),
      number: n,
      email: `customer${n - 1000}@example.com`,
      items,
      fulfillments: model.fulfillments.map((f, i) => ({
        ...structuredClone(f),
        id: suffix('ful', i + 1),
        items: f.items.map((x, j) => ({ ...x, orderItemId: items[j]?.id ?? x.orderItemId })),
      })),
      timeline: [
        ...model.timeline.map((e, i) => ({ ...e, id: suffix('oev', i + 1) })),
        {
          id: suffix('oev', 9),
          type: 'order.workflow_step',
          message: `Step: ${step.name}`,
          actor: 'system',
          objectId: null,
          createdAt: iso(time + (k + 2) * HOUR),
        },
      ],
      workflowStep: step.key,
      createdAt: iso(time + (k + 1) * HOUR),
      updatedAt: iso(time + (k + 2) * HOUR),
    };
  });
  return [...orders, ...copies];
}

/** An order as its shopper reads it (`/v1/commerce/customers/me/orders`): no transitions offered. */
export function shopperOrder(db: MockDb, order: MockOrder): Order {
  return wire(db, order, false);
}

/** As the server's checkout: the declined payment cancels the order and releases what it held. */
function decline(db: MockDb, order: MockOrder, payment: Payment, code: string, message: string): never {
  Object.assign(payment, {
    status: 'failed',
    failureCode: code,
    failureMessage: message,
    nextAction: null,
    updatedAt: now(),
  });
  for (const id of Object.values(order.reservations)) settleMockReservation(db, id, false, '');
  order.reservations = {};
  order.status = 'canceled';
  order.paymentStatus = 'failed';
  order.cancelReason = 'payment_declined';
  order.canceledAt = now();
  record(db, order, 'order.payment_failed', `Payment declined (${code})`, payment.id);
  record(db, order, 'order.canceled', 'Order canceled: the payment was declined');
  throw paymentDeclined(order.id, code, message);
}

function succeed(db: MockDb, order: MockOrder, payment: Payment): void {
  Object.assign(payment, {
    status: 'succeeded',
    captured: payment.amount,
    nextAction: null,
    updatedAt: now(),
  });
  const cart = db.carts.find((c) => c.id === order.cartId);
  if (cart)
    Object.assign(cart, { status: 'completed', orderId: order.id, completedAt: now(), updatedAt: now() });
  markPaid(db, order, payment.provider, payment);
}

const liveOrderOf = (db: MockDb, cartId: string) =>
  db.orders.find((o) => o.cartId === cartId && o.status !== 'canceled');

/** What a mock charge comes to: the outcome a provider would answer, and the card it names. */
type MockChargeOutcome =
  | { status: 'succeeded' | 'requires_action'; card: { brand: string; last4: string } | null }
  | { status: 'declined'; card: { brand: string; last4: string } | null; code: string; message: string };

/** The built-in test provider: its card numbers decide (see `TEST_CARDS`). */
function testOutcome(number: string | undefined): MockChargeOutcome {
  if (number) return testCardOutcome(number);
  return {
    status: 'declined',
    card: null,
    code: 'invalid_payment_method',
    message: 'The test provider takes a card.',
  };
}

/**
 * Stripe's test payment methods (`pm_card_visa`…, as Stripe.js makes in test mode), answered as
 * the server's Stripe provider answers Stripe: paid, 3-D Secure first, or declined.
 */
const STRIPE_TEST_METHODS: Readonly<Record<string, MockChargeOutcome>> = {
  pm_card_visa: { status: 'succeeded', card: { brand: 'visa', last4: '4242' } },
  pm_card_mastercard: { status: 'succeeded', card: { brand: 'mastercard', last4: '4444' } },
  pm_card_amex: { status: 'succeeded', card: { brand: 'amex', last4: '8431' } },
  pm_card_authenticationRequired: { status: 'requires_action', card: { brand: 'visa', last4: '3184' } },
  pm_card_chargeDeclined: {
    status: 'declined',
    card: { brand: 'visa', last4: '0002' },
    code: 'generic_decline',
    message: 'Your card was declined.',
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    status: 'declined',
    card: { brand: 'visa', last4: '9995' },
    code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
};

/** Stripe in the mocks: a payment method token from {@link STRIPE_TEST_METHODS}, never a card number. */
function stripeOutcome(token: string | undefined): MockChargeOutcome {
  if (!token) {
    return {
      status: 'declined',
      card: null,
      code: 'invalid_payment_method',
      message: 'Stripe takes a payment method collected by Stripe.js (pm_…), never a card number.',
    };
  }
  return (
    STRIPE_TEST_METHODS[token] ?? {
      status: 'declined',
      card: null,
      code: 'invalid_payment_method',
      message: `No such PaymentMethod: '${token}' (the mocks know ${Object.keys(STRIPE_TEST_METHODS).join(', ')}).`,
    }
  );
}

/** `/v1/commerce/carts/:id/checkout` in memory, with the built-in test provider's cards and Stripe's test payment methods. */
export const checkoutMocks = mockResource(checkoutOperations, {
  complete(ctx) {
    const { db } = ctx;
    const cart = openMockCart(ctx, ctx.params.id);
    const live = liveOrderOf(db, cart.id);
    if (live) return wire(db, live, canWrite(ctx));
    if (cart.status !== 'open')
      throw new ProblemError(409, 'invalid_state', `Cart '${cart.id}' is completed: it changes no more.`);
    if (cart.lines.length === 0) throw new ProblemError(409, 'invalid_state', `Cart '${cart.id}' is empty.`);
    const provider = ctx.body.payment.provider ?? 'test';
    if (provider === 'stripe') {
      // As the server: Stripe comes with the payment-gateway add-on, once its keys are set.
      requireMockFeature(db, 'commerce.paymentGateway');
      if (!db.stripe) {
        throw new ProblemError(
          409,
          'payment_provider_not_configured',
          'Stripe is not set up for this store: its owner must add the Stripe secret key and webhook secret.',
        );
      }
    } else if (provider !== 'test') {
      throw new ProblemError(
        400,
        'validation_failed',
        `Invalid body: payment.provider — unknown provider '${provider}'`,
        {
          param: 'payment.provider',
          errors: [{ param: 'payment.provider', code: 'custom', message: `unknown provider '${provider}'` }],
        },
      );
    }
    cart.lines = reprice(db, cart.currency, cart.lines);
    const priced = cartWire(cart);
    const id = newId('ord');
    const items: OrderItem[] = priced.lines.map((l) => ({
      id: newId('oli'),
      object: 'order_item',
      productId: l.productId,
      variantId: l.variantId,
      itemId: l.itemId,
      sku: l.sku,
      title: l.title,
      variantTitle: l.variantTitle,
      vendorId: l.vendorId,
      quantity: l.quantity,
      returnedQuantity: 0,
      unitPrice: l.unitPrice,
      subtotal: l.subtotal,
      discount: l.discount,
      tax: l.tax,
      total: l.total,
    }));
    const held: Record<string, string> = {};
    try {
      for (const item of [...items].sort((a, b) => (a.itemId < b.itemId ? -1 : 1))) {
        held[item.id] = reserveMockStock(db, item.itemId, item.quantity, id).id;
      }
    } catch (error) {
      for (const r of Object.values(held)) settleMockReservation(db, r, false, '');
      throw error;
    }
    const at = now();
    const currency = priced.currency;
    const order: MockOrder = {
      id,
      object: 'order',
      number: db.orders.reduce((n, o) => Math.max(n, o.number), 1000) + 1,
      status: 'pending',
      paymentStatus: 'unpaid',
      source: 'checkout',
      workflowStep: null,
      cartId: cart.id,
      customerId: cart.customerId,
      email: cart.email,
      currency,
      items,
      subtotal: priced.subtotal,
      discountTotal: priced.discountTotal,
      shippingTotal: priced.shippingTotal,
      taxTotal: priced.taxTotal,
      total: priced.total,
      refundedTotal: money(0, currency),
      discountCode: priced.discount?.code ?? null,
      shippingAddress: cart.shippingAddress,
      payments: [],
      refunds: [],
      fulfillments: [],
      timeline: [],
      cancelReason: null,
      metadata: {},
      paidAt: null,
      canceledAt: null,
      createdAt: at,
      updatedAt: at,
      reservations: held,
    };
    db.orders.push(order);
    record(db, order, 'order.created', `Order #${order.number} placed`);
    const outcome: MockChargeOutcome =
      provider === 'stripe'
        ? stripeOutcome(ctx.body.payment.token)
        : testOutcome(ctx.body.payment.card?.number);
    const payment: Payment = {
      id: newId('pay'),
      object: 'payment',
      provider,
      status: 'pending',
      amount: order.total,
      captured: money(0, currency),
      refunded: money(0, currency),
      card: outcome.card,
      nextAction: null,
      failureCode: null,
      failureMessage: null,
      providerReference: null,
      createdAt: at,
      updatedAt: at,
    };
    payment.providerReference =
      provider === 'stripe' ? `pi_mock_${payment.id.slice(4)}` : `test_${payment.id}`;
    order.payments.push(payment);
    if (outcome.status === 'declined') decline(db, order, payment, outcome.code, outcome.message);
    if (outcome.status === 'requires_action') {
      Object.assign(payment, {
        status: 'requires_action',
        // Stripe.js confirms with the PaymentIntent's client secret; the test provider needs none.
        nextAction: {
          type: 'authenticate',
          url: null,
          clientSecret: provider === 'stripe' ? `${payment.providerReference}_secret_mock` : null,
        },
      });
      order.paymentStatus = 'requires_action';
      record(
        db,
        order,
        'order.payment_action_required',
        'The payment needs an extra authentication step',
        payment.id,
      );
    } else {
      succeed(db, order, payment);
    }
    return wire(db, order, canWrite(ctx));
  },
  confirm(ctx) {
    const { db } = ctx;
    const cart = openMockCart(ctx, ctx.params.id);
    const order = liveOrderOf(db, cart.id);
    const payment = order?.payments.find((p) => p.status === 'requires_action');
    if (!order || !payment) {
      if (order) return wire(db, order, canWrite(ctx));
      throw new ProblemError(409, 'invalid_state', `Cart '${cart.id}' has no payment awaiting confirmation.`);
    }
    if (ctx.body.data?.outcome === 'fail') {
      decline(db, order, payment, 'authentication_failed', 'The extra authentication step failed.');
    }
    succeed(db, order, payment);
    return wire(db, order, canWrite(ctx));
  },
});
