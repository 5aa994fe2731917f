import { discountNotApplicable } from '@agentstack/sdk/contract';
import { newId } from '@agentstack/sdk/schemas';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { discountCodes, discountCustomerUsage, discountRedemptions } from '../../../db/schema';

/** Who a per-customer limit counts: the signed-in customer, else the e-mail (lower case). */
export function customerKeyOf(cart: { customerId: string | null; email: string | null }): string | null {
  if (cart.customerId) return `customer:${cart.customerId}`;
  if (cart.email) return `email:${cart.email.toLowerCase()}`;
  return null;
}

/** One redemption to record. */
export interface Redemption {
  tenantId: string;
  discountCodeId: string;
  code: string;
  cartId: string;
  orderId: string | null;
  customerKey: string | null;
}

/**
 * Redeems a code once for a cart, in the caller's transaction. The order of statements is the
 * order of locks — the redemption row (unique per code and cart), then the code's row, then the
 * customer's usage row — the same in every transaction, so concurrent redemptions queue rather
 * than deadlock. Each limit is a conditional statement on the latest row: at the limit it changes
 * nothing and the redemption fails with `409 discount_not_applicable`.
 */
export async function redeemDiscount(tx: Executor, r: Redemption): Promise<void> {
  const [recorded] = await tx
    .insert(discountRedemptions)
    .values({
      id: newId('dred'),
      tenantId: r.tenantId,
      discountCodeId: r.discountCodeId,
      cartId: r.cartId,
      orderId: r.orderId,
      customerKey: r.customerKey,
    })
    .onConflictDoNothing()
    .returning({ id: discountRedemptions.id });
  if (!recorded) return; // this cart redeemed it already
  const [code] = await tx
    .update(discountCodes)
    .set({ usedCount: sql`${discountCodes.usedCount} + 1` })
    .where(
      and(
        eq(discountCodes.tenantId, r.tenantId),
        eq(discountCodes.id, r.discountCodeId),
        or(isNull(discountCodes.usageLimit), lt(discountCodes.usedCount, discountCodes.usageLimit)),
      ),
    )
    .returning({ perCustomer: discountCodes.usageLimitPerCustomer });
  if (!code) throw discountNotApplicable(r.code, 'usage_limit');
  if (code.perCustomer === null) return;
  if (r.customerKey === null) throw discountNotApplicable(r.code, 'customer_required');
  const [usage] = await tx
    .insert(discountCustomerUsage)
    .values({ discountCodeId: r.discountCodeId, customerKey: r.customerKey, usedCount: 1 })
    .onConflictDoUpdate({
      target: [discountCustomerUsage.discountCodeId, discountCustomerUsage.customerKey],
      set: { usedCount: sql`${discountCustomerUsage.usedCount} + 1` },
      setWhere: lt(discountCustomerUsage.usedCount, code.perCustomer),
    })
    .returning({ used: discountCustomerUsage.usedCount });
  if (!usage || usage.used > code.perCustomer) throw discountNotApplicable(r.code, 'customer_limit');
}

/**
 * Undoes a cart's redemption (its checkout's payment was declined or abandoned), in the caller's
 * transaction: the redemption row, then the code's count, then the customer's — the order
 * {@link redeemDiscount} locks them in. Nothing happens when the cart redeemed nothing.
 */
export async function releaseRedemption(tx: Executor, tenantId: string, cartId: string): Promise<void> {
  const [row] = await tx
    .delete(discountRedemptions)
    .where(and(eq(discountRedemptions.tenantId, tenantId), eq(discountRedemptions.cartId, cartId)))
    .returning();
  if (!row) return;
  await tx
    .update(discountCodes)
    .set({ usedCount: sql`${discountCodes.usedCount} - 1` })
    .where(and(eq(discountCodes.id, row.discountCodeId), sql`${discountCodes.usedCount} > 0`));
  if (row.customerKey === null) return;
  await tx
    .update(discountCustomerUsage)
    .set({ usedCount: sql`${discountCustomerUsage.usedCount} - 1` })
    .where(
      and(
        eq(discountCustomerUsage.discountCodeId, row.discountCodeId),
        eq(discountCustomerUsage.customerKey, row.customerKey),
        sql`${discountCustomerUsage.usedCount} > 0`,
      ),
    );
}
