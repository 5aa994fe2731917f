import type { Product, ProductOrder, ProductStatus } from '@agentstack/sdk/schemas';
import { and, asc, desc, eq, gt, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { products, tenants } from '../../../db/schema';
import { likePattern } from '../../../http/pagination';

type Row = typeof products.$inferSelect;
type Insert = typeof products.$inferInsert;

/** The wire shape of a product row. */
export function toProduct(row: Row): Product {
  return {
    id: row.id,
    object: 'product',
    title: row.title,
    description: row.description,
    sku: row.sku,
    status: row.status as ProductStatus,
    price: { amount: row.priceAmount, currency: row.currency },
    inventoryQuantity: row.inventoryQuantity,
    imageUrl: row.imageUrl,
    metadata: row.metadata as Record<string, string>,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/** The column each sort order reads; ids are time-ordered, so creation order is id order. */
const SORT_COLUMNS = {
  createdAt: products.id,
  updatedAt: products.updatedAt,
  title: products.title,
  price: products.priceAmount,
  inventoryQuantity: products.inventoryQuantity,
} as const;

/**
 * SQL for one tenant's products. Every query is built through `scoped`, which always includes
 * the tenant: a store made for one tenant cannot read or write another's rows.
 */
export function productStore(db: Executor, tenantId: string) {
  const scoped = (...conditions: (SQL | undefined)[]) => and(eq(products.tenantId, tenantId), ...conditions);
  return {
    async list(opts: {
      limit: number;
      startingAfter?: string;
      status?: ProductStatus;
      query?: string;
      order?: ProductOrder;
    }): Promise<Row[]> {
      const order = opts.order ?? '-createdAt';
      const descending = order.startsWith('-');
      const column = SORT_COLUMNS[order.replace('-', '') as keyof typeof SORT_COLUMNS];
      let after: SQL | undefined;
      if (opts.startingAfter) {
        if (column === products.id) {
          after = descending ? lt(products.id, opts.startingAfter) : gt(products.id, opts.startingAfter);
        } else {
          // Keyset on (sort value, id): the cursor row's value, read within the tenant.
          const [cursor] = await db
            .select({ value: column })
            .from(products)
            .where(scoped(eq(products.id, opts.startingAfter)));
          if (!cursor) return [];
          const beyond = descending ? lt : gt;
          after = or(
            beyond(column, cursor.value),
            and(eq(column, cursor.value), beyond(products.id, opts.startingAfter)),
          );
        }
      }
      const direction = descending ? desc : asc;
      return db
        .select()
        .from(products)
        .where(
          scoped(
            after,
            opts.status ? eq(products.status, opts.status) : undefined,
            opts.query
              ? or(
                  ilike(products.title, likePattern(opts.query)),
                  ilike(products.sku, likePattern(opts.query)),
                )
              : undefined,
          ),
        )
        .orderBy(
          ...(column === products.id
            ? [direction(products.id)]
            : [direction(column), direction(products.id)]),
        )
        .limit(opts.limit + 1);
    },

    async get(id: string, forUpdate = false): Promise<Row | undefined> {
      const q = db
        .select()
        .from(products)
        .where(scoped(eq(products.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },

    async getMany(ids: string[]): Promise<Row[]> {
      // Locked in id order, the same order every transaction uses, so bulk writes cannot deadlock.
      return db
        .select()
        .from(products)
        .where(scoped(inArray(products.id, ids)))
        .orderBy(products.id)
        .for('update');
    },

    async insert(values: Omit<Insert, 'tenantId'>): Promise<Row> {
      const [row] = await db
        .insert(products)
        .values({ ...values, tenantId })
        .returning();
      return row!;
    },

    async update(id: string, patch: Partial<Omit<Insert, 'id' | 'tenantId'>>): Promise<Row> {
      const [row] = await db
        .update(products)
        .set({ ...patch, updatedAt: new Date() })
        .where(scoped(eq(products.id, id)))
        .returning();
      return row!;
    },
  };
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

/** Bumps the catalogue version inside a write's transaction. */
export async function bumpCatalogVersion(db: Executor, tenantId: string): Promise<void> {
  await db
    .update(tenants)
    .set({ catalogVersion: sql`${tenants.catalogVersion} + 1` })
    .where(eq(tenants.id, tenantId));
}
