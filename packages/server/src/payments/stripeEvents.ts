import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Executor } from '../db/client';
import { orders, payments } from '../db/schema';
import { releaseOrderStock, settlePaidOrder } from '../modules/commerce/orders/service';
import { orderForUpdate } from '../modules/commerce/orders/store';

/** The actor Stripe's events are recorded as on an order's timeline. */
const ACTOR = 'stripe';

/**
 * Applies one verified Stripe event of tenant `tenantId` in `tx` (the webhook's transaction, after
 * the event id was recorded, so each event applies once). PaymentIntent outcomes settle the
 * payment they were made for — named by our metadata, and only for this tenant — if it is still
 * open: `succeeded` marks it captured and the order paid (its reservations become sales);
 * `payment_failed` / `canceled` mark it failed and give the order's held stock back. A payment
 * that already settled (checkout saw the outcome first) is left as it is. Other events are
 * recorded and ignored.
 */
export async function applyStripeEvent(tx: Executor, tenantId: string, event: Stripe.Event): Promise<void> {
  if (
    event.type !== 'payment_intent.succeeded' &&
    event.type !== 'payment_intent.payment_failed' &&
    event.type !== 'payment_intent.canceled'
  ) {
    return;
  }
  const intent = event.data.object as Stripe.PaymentIntent;
  const paymentId = intent.metadata?.agentstack_payment;
  const orderId = intent.metadata?.agentstack_order;
  if (!paymentId || !orderId || intent.metadata?.agentstack_tenant !== tenantId) return;

  // Locks in the order checkout and cancel take: the order, then its payment.
  const order = await orderForUpdate(tx, tenantId, orderId);
  if (!order) return;
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.tenantId, tenantId), eq(payments.orderId, orderId)))
    .for('update');
  if (payment?.provider !== 'stripe') return;
  if (payment.status !== 'pending' && payment.status !== 'requires_action') return;
  if (payment.providerReference && payment.providerReference !== intent.id) return;

  const now = new Date();
  if (event.type === 'payment_intent.succeeded') {
    await tx
      .update(payments)
      .set({
        status: 'succeeded',
        captured: intent.amount_received,
        providerReference: intent.id,
        nextAction: null,
        updatedAt: now,
      })
      .where(eq(payments.id, payment.id));
    if (order.status === 'pending') await settlePaidOrder(tx, order, ACTOR, payment.id);
    return;
  }
  const error = intent.last_payment_error;
  await tx
    .update(payments)
    .set({
      status: 'failed',
      providerReference: intent.id,
      nextAction: null,
      failureCode:
        event.type === 'payment_intent.canceled'
          ? 'canceled'
          : (error?.decline_code ?? error?.code ?? 'card_declined'),
      failureMessage: error?.message ?? 'The payment was not completed.',
      updatedAt: now,
    })
    .where(eq(payments.id, payment.id));
  if (order.status === 'pending') {
    await releaseOrderStock(tx, order);
    await tx.update(orders).set({ paymentStatus: 'failed', updatedAt: now }).where(eq(orders.id, order.id));
  }
}
