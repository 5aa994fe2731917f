import type { DiscountCode, Region, ShippingOption } from '@agentstack/sdk/schemas';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { discountCodes, discountCustomerUsage, regions, shippingOptions } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

type RegionRow = typeof regions.$inferSelect;
type ShippingOptionRow = typeof shippingOptions.$inferSelect;
type DiscountCodeRow = typeof discountCodes.$inferSelect;

/** The wire shape of a region. */
export function toRegion(row: RegionRow): Region {
  return wireOf(row, 'region', [
    'name',
    'currency',
    'countries',
    'taxRateBps',
    'metadata',
    'createdAt',
    'updatedAt',
  ]);
}

/**
 * The wire shape of a shipping option; its amounts are in its region's currency, which the row
 * does not repeat.
 */
export function toShippingOption(row: ShippingOptionRow & { currency: string }): ShippingOption {
  return {
    ...wireOf(row, 'shipping_option', ['regionId', 'name', 'active', 'metadata', 'createdAt', 'updatedAt']),
    amount: { amount: Number(row.amount), currency: row.currency },
    freeOver:
      row.freeOverAmount === null ? null : { amount: Number(row.freeOverAmount), currency: row.currency },
  };
}

/** The wire shape of a discount code. */
export function toDiscountCode(row: DiscountCodeRow): DiscountCode {
  const money = (amount: number | null) =>
    amount === null || row.currency === null ? null : { amount: Number(amount), currency: row.currency };
  return {
    ...wireOf(row, 'discount_code', [
      'code',
      'type',
      'percentOff',
      'usageLimit',
      'usageLimitPerCustomer',
      'usedCount',
      'active',
      'metadata',
      'createdAt',
      'updatedAt',
    ]),
    amountOff: money(row.amountOff),
    minimumSpend: money(row.minimumSpend),
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
  };
}

/** One tenant's regions, by name. */
export const regionStore = defineStore({
  table: regions,
  scope: 'tenantId',
  toWire: toRegion,
  orders: { createdAt: regions.id, name: regions.name },
  defaultOrder: 'name',
});

/** One tenant's shipping options (rows; the service adds the region's currency). */
export const shippingOptionStore = defineStore({
  table: shippingOptions,
  scope: 'tenantId',
  toWire: (row: ShippingOptionRow) => row,
  orders: { createdAt: shippingOptions.id },
  defaultOrder: 'createdAt',
});

/** One tenant's discount codes, newest first. */
export const discountCodeStore = defineStore({
  table: discountCodes,
  scope: 'tenantId',
  toWire: toDiscountCode,
  orders: { createdAt: discountCodes.id },
  defaultOrder: '-createdAt',
});

/** The tenant's discount code with this text (upper case). */
export async function discountCodeByText(
  db: Executor,
  tenantId: string,
  code: string,
): Promise<DiscountCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(discountCodes)
    .where(and(eq(discountCodes.tenantId, tenantId), eq(discountCodes.code, code)));
  return row;
}

/** How many times `customerKey` has redeemed the code. */
export async function customerUses(
  db: Executor,
  discountCodeId: string,
  customerKey: string,
): Promise<number> {
  const [row] = await db
    .select({ used: discountCustomerUsage.usedCount })
    .from(discountCustomerUsage)
    .where(
      and(
        eq(discountCustomerUsage.discountCodeId, discountCodeId),
        eq(discountCustomerUsage.customerKey, customerKey),
      ),
    );
  return row?.used ?? 0;
}

/** The region's active shipping options, in creation order. */
export async function regionShippingOptions(
  db: Executor,
  tenantId: string,
  regionId: string,
): Promise<ShippingOptionRow[]> {
  return db
    .select()
    .from(shippingOptions)
    .where(
      and(
        eq(shippingOptions.tenantId, tenantId),
        eq(shippingOptions.regionId, regionId),
        eq(shippingOptions.active, true),
      ),
    )
    .orderBy(shippingOptions.id);
}

/** Deletes every shipping option of a region (the region goes next). */
export async function deleteRegionShippingOptions(
  db: Executor,
  tenantId: string,
  regionId: string,
): Promise<void> {
  await db
    .delete(shippingOptions)
    .where(and(eq(shippingOptions.tenantId, tenantId), eq(shippingOptions.regionId, regionId)));
}
