import type { Product, ProductCreate, ProductStatus } from '@agentstack/sdk/schemas';
import { and, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { products, tenants } from '../../../db/schema';
import { defineStore, isoSql, likePattern } from '../../../db/store';

type Row = typeof products.$inferSelect;

/** The wire shape of a product row. */
export function toProduct(row: Row): Product {
  return {
    id: row.id,
    object: 'product',
    title: row.title,
    description: row.description,
    sku: row.sku,
    status: row.status,
    price: { amount: row.priceAmount, currency: row.currency },
    inventoryQuantity: row.inventoryQuantity,
    imageUrl: row.imageUrl,
    metadata: row.metadata,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/** The stored columns of a new product, defaults applied. */
export function productValues(input: ProductCreate) {
  return {
    title: input.title,
    description: input.description ?? '',
    sku: input.sku ?? null,
    status: input.status ?? 'draft',
    priceAmount: input.price.amount,
    currency: input.price.currency,
    inventoryQuantity: input.inventoryQuantity ?? 0,
    imageUrl: input.imageUrl ?? null,
    metadata: input.metadata ?? {},
  } satisfies Omit<typeof products.$inferInsert, 'id' | 'tenantId'>;
}

/**
 * SQL for one tenant's products: `productStore(db, tenantId)`. Sort orders read (value, id)
 * keysets over the `products_tenant_*_idx` indexes; ids are time-ordered, so creation order is
 * id order.
 */
export const productStore = defineStore({
  table: products,
  scope: 'tenantId',
  toWire: toProduct,
  orders: {
    createdAt: products.id,
    updatedAt: products.updatedAt,
    title: products.title,
    price: products.priceAmount,
    inventoryQuantity: products.inventoryQuantity,
  },
  defaultOrder: '-createdAt',
  // toProduct, built by the database (store.test.ts holds the two equal).
  wireJson: sql`json_build_object(
    'id', ${products.id}, 'object', 'product', 'title', ${products.title},
    'description', ${products.description}, 'sku', ${products.sku}, 'status', ${products.status},
    'price', json_build_object('amount', ${products.priceAmount}, 'currency', ${products.currency}),
    'inventoryQuantity', ${products.inventoryQuantity}, 'imageUrl', ${products.imageUrl},
    'metadata', ${products.metadata}, 'createdAt', ${isoSql(products.createdAt)},
    'updatedAt', ${isoSql(products.updatedAt)}, 'archivedAt', ${isoSql(products.archivedAt)})`,
});

/** Products that count toward the plan's product limit: every one not archived. */
export const countsTowardLimit = ne(products.status, 'archived');

/** The list filters: status, and a case-insensitive match on title or SKU. */
export function productFilter(filter: { status?: ProductStatus; query?: string }): SQL | undefined {
  const pattern = filter.query === undefined ? undefined : likePattern(filter.query);
  return and(
    filter.status ? eq(products.status, filter.status) : undefined,
    pattern ? or(ilike(products.title, pattern), ilike(products.sku, pattern)) : undefined,
  );
}

const versionQueries = new WeakMap<Db, ReturnType<typeof prepareVersionQuery>>();
function prepareVersionQuery(db: Db) {
  return db
    .select({ v: tenants.catalogVersion })
    .from(tenants)
    .where(eq(tenants.id, sql.placeholder('tenantId')))
    .prepare('catalog_version');
}

/**
 * The tenant's catalogue version: bumped by every product write, read before cached pages. A
 * named prepared statement: the hot read path skips SQL building and PostgreSQL's parse/plan.
 */
export async function readCatalogVersion(db: Db, tenantId: string): Promise<number> {
  let query = versionQueries.get(db);
  if (!query) {
    query = prepareVersionQuery(db);
    versionQueries.set(db, query);
  }
  const [row] = await query.execute({ tenantId });
  return row?.v ?? 0;
}

/** The tenant's catalogue version as a scalar subquery, to read in the statement of a page. */
export function catalogVersion(tenantId: string): SQL<number> {
  return sql`(select ${tenants.catalogVersion} from ${tenants} where ${tenants.id} = ${tenantId})`.mapWith(
    Number,
  );
}

/** Bumps the catalogue version inside a write's transaction. */
export async function bumpCatalogVersion(db: Executor, tenantId: string): Promise<void> {
  await db
    .update(tenants)
    .set({ catalogVersion: sql`${tenants.catalogVersion} + 1` })
    .where(eq(tenants.id, tenantId));
}
