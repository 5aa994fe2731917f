import { type CatalogItem, cartWire, priceCartState } from '@agentstack/sdk/contract';
import type { Cart } from '@agentstack/sdk/schemas';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import {
  carts,
  discountCodes,
  products,
  productVariants,
  regions,
  shippingOptions,
} from '../../../db/schema';
import { defineStore } from '../../../db/store';

/** A row of `carts`. */
export type CartRow = typeof carts.$inferSelect;
/** A row of `regions`. */
export type RegionRow = typeof regions.$inferSelect;
/** A row of `shipping_options`. */
export type ShippingOptionRow = typeof shippingOptions.$inferSelect;
/** A row of `discount_codes`. */
export type DiscountCodeRow = typeof discountCodes.$inferSelect;

/** Prices a cart row from its stored lines and pricing inputs. */
export function priceRow(row: Pick<CartRow, 'lines' | 'pricing'>) {
  return priceCartState(row);
}

/** The wire shape of a cart: priced from what it stores, one row read. */
export function toCart(row: CartRow): Cart {
  return cartWire({
    ...row,
    shippingAddress: row.shippingAddress ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  });
}

/** One tenant's carts, newest first. */
export const cartStore = defineStore({
  table: carts,
  scope: 'tenantId',
  toWire: toCart,
  orders: { createdAt: carts.id },
  defaultOrder: '-createdAt',
});

/** The catalogue's items with these ids (variants and products), one query per kind present. */
export async function catalogItems(
  db: Executor,
  tenantId: string,
  itemIds: readonly string[],
): Promise<Map<string, CatalogItem>> {
  const variantIds = itemIds.filter((id) => id.startsWith('var_'));
  const productIds = itemIds.filter((id) => id.startsWith('prod_'));
  const found = new Map<string, CatalogItem>();
  const [variantRows, productRows] = await Promise.all([
    variantIds.length
      ? db
          .select({
            id: productVariants.id,
            productId: productVariants.productId,
            sku: productVariants.sku,
            variantTitle: productVariants.title,
            priceAmount: productVariants.priceAmount,
            currency: productVariants.currency,
            prices: productVariants.prices,
            title: products.title,
            status: products.status,
            vendorId: products.vendorId,
          })
          .from(productVariants)
          .innerJoin(products, eq(products.id, productVariants.productId))
          .where(and(eq(productVariants.tenantId, tenantId), inArray(productVariants.id, variantIds)))
      : [],
    productIds.length
      ? db
          .select({
            id: products.id,
            sku: products.sku,
            priceAmount: products.priceAmount,
            currency: products.currency,
            prices: products.prices,
            title: products.title,
            status: products.status,
            vendorId: products.vendorId,
            variantCount: sql<number>`jsonb_array_length(${products.variants})::int`,
          })
          .from(products)
          .where(and(eq(products.tenantId, tenantId), inArray(products.id, productIds)))
      : [],
  ]);
  for (const r of variantRows) {
    found.set(r.id, {
      itemId: r.id,
      productId: r.productId,
      variantId: r.id,
      sku: r.sku,
      title: r.title,
      variantTitle: r.variantTitle,
      vendorId: r.vendorId,
      status: r.status,
      variantCount: 1,
      price: { amount: Number(r.priceAmount), currency: r.currency },
      prices: r.prices,
    });
  }
  for (const r of productRows) {
    found.set(r.id, {
      itemId: r.id,
      productId: r.id,
      variantId: null,
      sku: r.sku,
      title: r.title,
      variantTitle: null,
      vendorId: r.vendorId,
      status: r.status,
      variantCount: Number(r.variantCount),
      price: { amount: Number(r.priceAmount), currency: r.currency },
      prices: r.prices,
    });
  }
  return found;
}

/** The tenant's region with `id`. */
export async function regionById(db: Executor, tenantId: string, id: string): Promise<RegionRow | undefined> {
  const [row] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.id, id)));
  return row;
}

/** The tenant's shipping option with `id`. */
export async function shippingOptionById(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<ShippingOptionRow | undefined> {
  const [row] = await db
    .select()
    .from(shippingOptions)
    .where(and(eq(shippingOptions.tenantId, tenantId), eq(shippingOptions.id, id)));
  return row;
}

/** The tenant's discount code with `id`. */
export async function discountCodeById(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<DiscountCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(discountCodes)
    .where(and(eq(discountCodes.tenantId, tenantId), eq(discountCodes.id, id)));
  return row;
}

/** Writes a cart's changed fields (the transaction holds its row lock). */
export async function writeCart(
  db: Executor,
  tenantId: string,
  id: string,
  patch: Partial<Omit<typeof carts.$inferInsert, 'id' | 'tenantId'>>,
): Promise<CartRow> {
  const [row] = await db
    .update(carts)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(carts.tenantId, tenantId), eq(carts.id, id)))
    .returning();
  if (!row) throw new Error(`cart ${id} vanished under its lock`);
  return row;
}
