import { ProblemError, paymentDeclined } from '@agentstack/sdk/contract';
import type { CheckoutConfirm, CheckoutCreate, Order } from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { eq } from 'drizzle-orm';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Db, Executor } from '../../../db/client';
import { payments } from '../../../db/schema';
import type { BackgroundTask } from '../../../events/dispatcher';
import { type ChargeResult, type PaymentMethodInput, paymentProviders } from '../../../payments/provider';
import { releaseRedemption } from '../carts/redemption';
import { cartService, lockCartForCheckout, markCartCompleted, redeemCartDiscount } from '../carts/service';
import {
  actorOf,
  inTransaction,
  type PlaceOrderLine,
  placeOrder,
  recordOrderEvents,
  releaseOrderStock,
  settlePaidOrder,
  updateOrder,
  viewOf,
} from './service';
import {
  abandonedCheckouts,
  hydrateOrders,
  liveOrderForCart,
  type OrderRow,
  orderForUpdate,
  orderSeenAs,
  type PaymentRow,
  paymentsOf,
} from './store';

/** The provider a checkout names (`test` by default), if the tenant may use it. */
function providerFor(caller: TenantPrincipal, id: string) {
  const provider = paymentProviders.get(id);
  if (!provider) {
    throw new ProblemError(
      400,
      'validation_failed',
      `Invalid body: payment.provider — unknown provider '${id}'`,
      {
        param: 'payment.provider',
        errors: [{ param: 'payment.provider', code: 'custom', message: `unknown provider '${id}'` }],
      },
    );
  }
  provider.requireAvailable?.(caller.tenant);
  return provider;
}

async function orderAs(db: Executor, caller: TenantPrincipal, row: OrderRow): Promise<Order> {
  const [order] = await hydrateOrders(db, [row], viewOf(caller));
  return order!;
}

/** The order as `caller` sees it, from the order as staff see it (no query). */
function seenBy(caller: TenantPrincipal, staff: Order): Order {
  return orderSeenAs(staff, viewOf(caller))!;
}

/** What phase one of a checkout left to do. */
type Started =
  | { kind: 'done'; order: Order }
  | { kind: 'charge'; orderId: string; payment: PaymentRow; cartId: string };

/**
 * Records what the provider said, in a transaction of its own, on the order still `pending`
 * (another request may have recorded it first: then its outcome stands): succeeded — the cart is
 * completed, the stock sold, `order.paid`; requires_action — the payment's next action; declined —
 * the order canceled with its payment `failed`, its stock and its discount released, the cart
 * left open for another try.
 */
async function settle(
  db: Db,
  caller: TenantPrincipal,
  orderId: string,
  paymentId: string,
  result: ChargeResult,
): Promise<{ order: Order; declined?: { code: string; message: string } }> {
  const tenantId = caller.tenant.id;
  const actor = actorOf(caller);
  return inTransaction(db, async (tx) => {
    const row = (await orderForUpdate(tx, tenantId, orderId))!;
    const pays = await paymentsOf(tx, orderId, true);
    const payment = pays.find((p) => p.id === paymentId)!;
    if (row.status !== 'pending' || (payment.status !== 'pending' && payment.status !== 'requires_action')) {
      return { order: await orderAs(tx, caller, row) };
    }
    const now = new Date();
    const card = result.card;
    const common = {
      providerReference: result.providerReference ?? payment.providerReference,
      cardBrand: card?.brand ?? payment.cardBrand,
      cardLast4: card?.last4 ?? payment.cardLast4,
      updatedAt: now,
    };
    if (result.status === 'succeeded') {
      const [succeeded] = await tx
        .update(payments)
        .set({ ...common, status: 'succeeded', captured: result.captured, nextAction: null })
        .where(eq(payments.id, paymentId))
        .returning();
      if (row.cartId) await markCartCompleted(tx, tenantId, row.cartId, orderId);
      const paysNow = pays.map((p) => (p.id === paymentId ? succeeded! : p));
      return { order: seenBy(caller, await settlePaidOrder(tx, row, actor, paymentId, paysNow)) };
    }
    if (result.status === 'requires_action') {
      await tx
        .update(payments)
        .set({ ...common, status: 'requires_action', nextAction: result.nextAction })
        .where(eq(payments.id, paymentId));
      const waiting = await updateOrder(tx, orderId, { paymentStatus: 'requires_action', updatedAt: now });
      const order = await recordOrderEvents(tx, waiting, actor, [
        {
          type: 'order.payment_action_required',
          message: 'The payment needs an extra authentication step',
          objectId: paymentId,
        },
      ]);
      return { order: seenBy(caller, order) };
    }
    await tx
      .update(payments)
      .set({
        ...common,
        status: 'failed',
        nextAction: null,
        failureCode: result.code,
        failureMessage: result.message,
      })
      .where(eq(payments.id, paymentId));
    await releaseOrderStock(tx, row);
    if (row.cartId) await releaseRedemption(tx, tenantId, row.cartId);
    const canceled = await updateOrder(tx, orderId, {
      status: 'canceled',
      paymentStatus: 'failed',
      cancelReason: 'payment_declined',
      canceledAt: now,
      updatedAt: now,
    });
    const order = await recordOrderEvents(tx, canceled, actor, [
      { type: 'order.payment_failed', message: `Payment declined (${result.code})`, objectId: paymentId },
      { type: 'order.canceled', message: 'Order canceled: the payment was declined' },
    ]);
    return { order: seenBy(caller, order), declined: { code: result.code, message: result.message } };
  });
}

/** Answers a settled checkout: the order, or `402 payment_declined`. */
function answer(
  orderId: string,
  settled: { order: Order; declined?: { code: string; message: string } },
): Order {
  if (settled.declined) throw paymentDeclined(orderId, settled.declined.code, settled.declined.message);
  return settled.order;
}

/**
 * A provider's own refusal (a `ProblemError` below 500, e.g. `409 payment_provider_not_configured`):
 * nothing was charged. It is settled like a decline — the order canceled, its stock and discount
 * released, the cart open — and the caller gets the provider's problem as it is.
 */
class ProviderRefused extends Error {
  constructor(readonly problem: ProblemError) {
    super(problem.detail);
  }
}

/**
 * Calls the provider outside any transaction. An unreachable provider leaves the payment pending
 * (`503 payment_provider_unavailable`; checking out again charges with the same reference); a
 * provider's own problem passes through as it is ({@link ProviderRefused} for refusals).
 */
async function charge(
  providerId: string,
  request: Parameters<NonNullable<ReturnType<typeof paymentProviders.get>>['charge']>[0],
): Promise<ChargeResult> {
  const provider = paymentProviders.get(providerId)!;
  try {
    return await provider.charge(request);
  } catch (error) {
    if (error instanceof ProblemError) {
      if (error.status < 500) throw new ProviderRefused(error);
      throw error;
    }
    throw new ProblemError(
      503,
      'payment_provider_unavailable',
      `The payment provider could not be reached (${(error as Error).message}); nothing was charged twice — check out again to retry.`,
    );
  }
}

/** Checkout: cart → order → provider → paid, pending an extra step, or declined. */
export const checkoutService = {
  /**
   * Completes cart `cartId`. Phase one, in one transaction: lock and reprice the cart (B's cart
   * service), reserve its stock, redeem its discount, place the order `pending` with a payment
   * `pending`. A cart that already has a live order answers it instead — so a retry, or a second
   * concurrent call (which waits on the cart's lock), makes no second order and no second
   * charge; a payment still `pending` there (an earlier call could not reach the provider) is
   * charged again with the same reference, which the provider answers once. Phase two: the
   * provider, outside any transaction, with the payment's id as idempotency reference. Phase
   * three: {@link settle}.
   */
  async complete(
    db: Db,
    caller: TenantPrincipal,
    cartId: string,
    cartToken: string | undefined,
    input: CheckoutCreate,
  ): Promise<Order> {
    const tenantId = caller.tenant.id;
    const providerId = input.payment.provider ?? 'test';
    providerFor(caller, providerId);
    const method: PaymentMethodInput = { card: input.payment.card, token: input.payment.token };
    const started: Started = await inTransaction(db, async (tx) => {
      let snapshot: Awaited<ReturnType<typeof lockCartForCheckout>>;
      try {
        snapshot = await lockCartForCheckout(tx, caller, cartId, cartToken);
      } catch (error) {
        // A completed cart: the caller may open it (else 404 came first); answer its order.
        const live =
          error instanceof ProblemError && error.code === 'invalid_state'
            ? await liveOrderForCart(tx, tenantId, cartId)
            : undefined;
        if (live) return { kind: 'done', order: await orderAs(tx, caller, live) };
        throw error;
      }
      const live = await liveOrderForCart(tx, tenantId, cartId);
      if (live) {
        const pending = (await paymentsOf(tx, live.id)).find((p) => p.status === 'pending');
        if (live.status === 'pending' && pending)
          return { kind: 'charge', orderId: live.id, payment: pending, cartId };
        return { kind: 'done', order: await orderAs(tx, caller, live) };
      }
      const lines: PlaceOrderLine[] = snapshot.lines.map((l) => ({
        productId: l.productId,
        variantId: l.variantId,
        itemId: l.itemId,
        sku: l.sku,
        title: l.title,
        variantTitle: l.variantTitle,
        vendorId: l.vendorId,
        quantity: l.quantity,
        unitAmount: l.unitPrice.amount,
        subtotal: l.subtotal.amount,
        discount: l.discount.amount,
        tax: l.tax.amount,
        total: l.total.amount,
      }));
      const { row } = await placeOrder(tx, tenantId, actorOf(caller), {
        source: 'checkout',
        cartId,
        customerId: snapshot.customerId,
        email: snapshot.email,
        currency: snapshot.currency,
        lines,
        subtotal: snapshot.subtotal.amount,
        discountTotal: snapshot.discountTotal.amount,
        shippingTotal: snapshot.shippingTotal.amount,
        taxTotal: snapshot.taxTotal.amount,
        total: snapshot.total.amount,
        discountCodeId: snapshot.discountCodeId,
        discountCode: snapshot.discountCode,
        shippingOptionId: snapshot.shippingOptionId,
        shippingAddress: snapshot.shippingAddress,
        metadata: {},
      });
      await redeemCartDiscount(tx, snapshot, row.id);
      const [payment] = await tx
        .insert(payments)
        .values({
          id: newId('pay'),
          tenantId,
          orderId: row.id,
          provider: snapshot.total.amount === 0 ? 'manual' : providerId,
          status: 'pending',
          currency: snapshot.currency,
          amount: snapshot.total.amount,
        })
        .returning();
      return { kind: 'charge', orderId: row.id, payment: payment!, cartId };
    });
    if (started.kind === 'done') return started.order;
    const { orderId, payment } = started;
    let result: ChargeResult;
    try {
      result =
        payment.provider === 'manual'
          ? {
              status: 'succeeded',
              providerReference: `manual_${payment.id}`,
              card: null,
              captured: Number(payment.amount),
            }
          : await charge(payment.provider, {
              reference: payment.id,
              tenantId,
              orderId,
              amount: Number(payment.amount),
              currency: payment.currency,
              method,
              returnUrl: input.returnUrl,
            });
    } catch (error) {
      if (!(error instanceof ProviderRefused)) throw error;
      const refused = error.problem;
      await settle(db, caller, orderId, payment.id, {
        status: 'declined',
        providerReference: null,
        card: null,
        code: refused.code,
        message: refused.detail,
      });
      throw refused;
    }
    return answer(orderId, await settle(db, caller, orderId, payment.id, result));
  },

  /** Completes a payment that answered `requires_action`, once the shopper did the extra step. */
  async confirm(
    db: Db,
    caller: TenantPrincipal,
    cartId: string,
    cartToken: string | undefined,
    input: CheckoutConfirm,
  ): Promise<Order> {
    const tenantId = caller.tenant.id;
    await cartService.retrieve(db, caller, cartId, cartToken); // 404 unless the caller may open the cart
    const live = await liveOrderForCart(db, tenantId, cartId);
    const payment = live
      ? (await paymentsOf(db, live.id)).find((p) => p.status === 'requires_action')
      : undefined;
    if (!live || !payment) {
      if (live) return orderAs(db, caller, live);
      throw new ProblemError(409, 'invalid_state', `Cart '${cartId}' has no payment awaiting confirmation.`);
    }
    const provider = paymentProviders.get(payment.provider);
    if (!provider)
      throw new ProblemError(
        503,
        'payment_provider_unavailable',
        `No payment provider '${payment.provider}'.`,
      );
    let result: ChargeResult;
    try {
      result = await provider.confirm({
        reference: payment.id,
        tenantId,
        providerReference: payment.providerReference ?? '',
        amount: Number(payment.amount),
        currency: payment.currency,
        data: input.data,
      });
    } catch (error) {
      // The provider's own problem (not set up any more…) reaches the caller as it is.
      if (error instanceof ProblemError) throw error;
      throw new ProblemError(
        503,
        'payment_provider_unavailable',
        `The payment provider could not be reached (${(error as Error).message}).`,
      );
    }
    return answer(live.id, await settle(db, caller, live.id, payment.id, result));
  },
};

/** How long a checkout may wait for the shopper's extra authentication step: 30 minutes. */
export const ABANDONED_CHECKOUT_SECONDS = 30 * 60;

/**
 * Cancels checkouts abandoned at the extra authentication step: their stock and discount return,
 * the payment is canceled and the cart can be checked out again. A payment whose outcome is in
 * doubt (`pending`: the provider was called but its answer not recorded) is left for the
 * provider's reconciliation, never canceled blind.
 */
export const abandonedCheckoutExpiry: BackgroundTask = {
  name: 'commerce.orders.abandoned-checkouts',
  intervalMs: 60_000,
  async run(app) {
    return inTransaction(app.db, async (tx) => {
      const stale = await abandonedCheckouts(tx, ABANDONED_CHECKOUT_SECONDS, 50);
      for (const { tenantId, id } of stale) {
        const row = (await orderForUpdate(tx, tenantId, id))!;
        const now = new Date();
        await tx
          .update(payments)
          .set({ status: 'canceled', nextAction: null, updatedAt: now })
          .where(eq(payments.orderId, id));
        await releaseOrderStock(tx, row);
        if (row.cartId) await releaseRedemption(tx, tenantId, row.cartId);
        const canceled = await updateOrder(tx, id, {
          status: 'canceled',
          paymentStatus: 'voided',
          cancelReason: 'checkout_abandoned',
          canceledAt: now,
          updatedAt: now,
        });
        await recordOrderEvents(tx, canceled, 'system', [
          { type: 'order.canceled', message: 'Order canceled: the payment was never authenticated' },
        ]);
      }
      return stale.length === 50;
    });
  },
};
