import type {
  Product,
  ProductCreate,
  ProductListParams,
  ProductMedia,
  ProductMediaInput,
} from '@agentstack/sdk/schemas';
import { and, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { prepared } from '../../../db/prepared';
import { productCategories, products, productVariants, tenants } from '../../../db/schema';
import { defineStore, isoSql, likePattern } from '../../../db/store';
import { productAvailable } from '../inventory/store';

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
    prices: row.prices,
    options: row.options,
    variants: row.variants,
    inventoryQuantity: row.inventoryQuantity,
    imageUrl: row.imageUrl,
    media: row.media,
    categoryIds: row.categoryIds,
    collectionIds: row.collectionIds,
    vendorId: row.vendorId,
    metadata: row.metadata,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/** An image as stored: alternative text defaults to empty. */
export function toMedia(input: ProductMediaInput): ProductMedia {
  return { url: input.url, alt: input.alt ?? '' };
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
    prices: input.prices ?? [],
    options: input.options ?? [],
    inventoryQuantity: input.inventoryQuantity ?? 0,
    imageUrl: input.imageUrl ?? null,
    media: (input.media ?? []).map(toMedia),
    categoryIds: input.categoryIds ?? [],
    collectionIds: input.collectionIds ?? [],
    vendorId: input.vendorId ?? null,
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
    'prices', ${products.prices}, 'options', ${products.options}, 'variants', ${products.variants},
    'inventoryQuantity', ${products.inventoryQuantity}, 'imageUrl', ${products.imageUrl},
    'media', ${products.media}, 'categoryIds', ${products.categoryIds},
    'collectionIds', ${products.collectionIds}, 'vendorId', ${products.vendorId},
    'metadata', ${products.metadata}, 'createdAt', ${isoSql(products.createdAt)},
    'updatedAt', ${isoSql(products.updatedAt)}, 'archivedAt', ${isoSql(products.archivedAt)})`,
});

/** Products that count toward the plan's product limit: every one not archived. */
export const countsTowardLimit = ne(products.status, 'archived');

/** The ids of category `id` and every category below it, as a subquery (the tree is at most 5 deep). */
function categoryAndDescendants(tenantId: string, id: string): SQL {
  const c = productCategories;
  return sql`(with recursive tree(id) as (
      select ${c.id} from ${c} where ${c.tenantId} = ${tenantId} and ${c.id} = ${id}
      union
      select ${c.id} from ${c} join tree on ${c.parentId} = tree.id where ${c.tenantId} = ${tenantId}
    ) select coalesce(array_agg(id), '{}') from tree)`;
}

/** A price of `money` (a jsonb `{ amount, currency }`) in `currency` within [min, max]. */
function priceIn(money: SQL, currency: string, min: number, max: number): SQL {
  return sql`(${money}->>'currency' = ${currency} and (${money}->>'amount')::bigint between ${min} and ${max})`;
}

/**
 * The list filters: status; a case-insensitive match on title, SKU or a variant's SKU; category
 * (with its descendants), collection, vendor, a variant's option value, and a price range in a
 * currency (the product's prices or its variants').
 */
export function productFilter(
  tenantId: string,
  filter: Omit<ProductListParams, 'limit' | 'startingAfter' | 'order'>,
): SQL | undefined {
  const pattern = filter.query === undefined ? undefined : likePattern(filter.query);
  const v = productVariants;
  let option: SQL | undefined;
  if (filter.option !== undefined) {
    const at = filter.option.indexOf(':');
    const wanted = [{ options: { [filter.option.slice(0, at)]: filter.option.slice(at + 1) } }];
    option = sql`${products.variants} @> ${JSON.stringify(wanted)}::jsonb`;
  }
  let price: SQL | undefined;
  if (filter.currency !== undefined && (filter.priceMin !== undefined || filter.priceMax !== undefined)) {
    const [c, min, max] = [filter.currency, filter.priceMin ?? 0, filter.priceMax ?? Number.MAX_SAFE_INTEGER];
    price = sql`(
      (${products.currency} = ${c} and ${products.priceAmount} between ${min} and ${max})
      or exists (select 1 from jsonb_array_elements(${products.prices}) p where ${priceIn(sql`p`, c, min, max)})
      or exists (select 1 from jsonb_array_elements(${products.variants}) v
        where ${priceIn(sql`(v->'price')`, c, min, max)}
          or exists (select 1 from jsonb_array_elements(v->'prices') vp where ${priceIn(sql`vp`, c, min, max)})))`;
  }
  let ids: SQL | undefined;
  if (filter.ids !== undefined) {
    const listed = filter.ids.split(',');
    const variantIds = listed.filter((id) => id.startsWith('var_'));
    ids = or(
      inArray(
        products.id,
        listed.filter((id) => id.startsWith('prod_')),
      ),
      variantIds.length
        ? sql`${products.id} in (select ${v.productId} from ${v} where ${v.tenantId} = ${tenantId} and ${inArray(v.id, variantIds)})`
        : undefined,
    );
  }
  return and(
    ids,
    filter.status ? eq(products.status, filter.status) : undefined,
    pattern
      ? or(
          ilike(products.title, pattern),
          ilike(products.sku, pattern),
          sql`exists (select 1 from ${v} where ${v.tenantId} = ${products.tenantId} and ${v.productId} = ${products.id} and ${v.sku} ilike ${pattern})`,
        )
      : undefined,
    filter.category !== undefined
      ? sql`${products.categoryIds} ?| ${categoryAndDescendants(tenantId, filter.category)}`
      : undefined,
    filter.collection !== undefined ? sql`${products.collectionIds} ? ${filter.collection}` : undefined,
    filter.vendor !== undefined ? eq(products.vendorId, filter.vendor) : undefined,
    option,
    price,
  );
}

/**
 * The tenant's catalogue version: bumped by every product write, read before cached pages. A
 * named prepared statement: the hot read path skips SQL building and PostgreSQL's parse/plan.
 */
export async function readCatalogVersion(db: Db, tenantId: string): Promise<number> {
  const query = prepared(db, 'catalog_version', (db) =>
    db
      .select({ v: tenants.catalogVersion })
      .from(tenants)
      .where(eq(tenants.id, sql.placeholder('tenantId'))),
  );
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

/**
 * Takes a deleted category, collection or vendor off every product of the tenant that names it
 * (their representation changes: bump the catalogue version in the same transaction).
 */
export async function detachFromProducts(
  db: Executor,
  tenantId: string,
  what: 'categoryIds' | 'collectionIds' | 'vendorId',
  id: string,
): Promise<void> {
  const scoped = eq(products.tenantId, tenantId);
  if (what === 'vendorId') {
    await db
      .update(products)
      .set({ vendorId: null, updatedAt: new Date() })
      .where(and(scoped, eq(products.vendorId, id)));
    return;
  }
  const column = products[what];
  await db
    .update(products)
    .set({ [what]: sql`${column} - ${id}::text`, updatedAt: new Date() })
    .where(and(scoped, sql`${column} ? ${id}`));
}

/**
 * Rewrites a product's embedded variants (their wire form) in a variant write's transaction, and
 * its stock figure from the levels of the variants it has now (a deleted one's stock stops counting).
 */
export async function setProductVariants(
  db: Executor,
  tenantId: string,
  productId: string,
  variants: Product['variants'],
): Promise<void> {
  await db
    .update(products)
    .set({ variants, inventoryQuantity: productAvailable(tenantId), updatedAt: new Date() })
    .where(and(eq(products.tenantId, tenantId), eq(products.id, productId)));
}
