import type { ProductVariant } from '@agentstack/sdk/schemas';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { products, productVariants } from '../../../db/schema';
import { defineStore } from '../../../db/store';

type Row = typeof productVariants.$inferSelect;

/** The wire shape of a variant row. */
export function toVariant(row: Row): ProductVariant {
  return {
    id: row.id,
    object: 'product_variant',
    productId: row.productId,
    title: row.title,
    sku: row.sku,
    options: row.options,
    price: { amount: row.priceAmount, currency: row.currency },
    prices: row.prices,
    inventoryQuantity: row.inventoryQuantity,
    metadata: row.metadata,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** SQL for one tenant's variants: `variantStore(db, tenantId)`; pages in creation order. */
export const variantStore = defineStore({
  table: productVariants,
  scope: 'tenantId',
  toWire: toVariant,
  orders: { createdAt: productVariants.id },
  defaultOrder: 'createdAt',
});

/** The variants of one product, in creation order. */
export async function variantsOf(db: Executor, tenantId: string, productId: string): Promise<Row[]> {
  return db
    .select()
    .from(productVariants)
    .where(and(eq(productVariants.tenantId, tenantId), eq(productVariants.productId, productId)))
    .orderBy(asc(productVariants.id));
}

/** Variants of one product, as a list filter. */
export function ofProduct(productId: string): SQL {
  return eq(productVariants.productId, productId);
}

/** Whether a product of the tenant has `sku` (variants and products share one SKU space). */
export async function productHasSku(db: Executor, tenantId: string, sku: string): Promise<boolean> {
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.sku, sku)))
    .limit(1);
  return rows.length > 0;
}

/** Whether a variant of the tenant has `sku`. */
export async function variantHasSku(db: Executor, tenantId: string, sku: string): Promise<boolean> {
  const rows = await db
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(and(eq(productVariants.tenantId, tenantId), eq(productVariants.sku, sku)))
    .limit(1);
  return rows.length > 0;
}
