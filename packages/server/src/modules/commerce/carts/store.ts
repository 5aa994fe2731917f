import { type CatalogItem, cartWire, priceCartState } from '@agentstack/sdk/contract';
import type { Cart } from '@agentstack/sdk/schemas';
import { and, eq, Param, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { prepared } from '../../../db/prepared';
import {
  carts,
  discountCodes,
  products,
  productVariants,
  regions,
  shippingOptions,
} from '../../../db/schema';
import { defineStore } from '../../../db/store';
import { rowsOf } from '../../../events/outbox';

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

/**
 * The catalogue items a cart's change needs — those of its lines and `extraItemIds` (a JSON array
 * of ids) — as one JSON array of {@link CatalogItem}, read in the cart's own statement (`carts`
 * there is the cart read): each id is looked up by primary key, as a variant (through its
 * product) and as a product.
 */
function catalogItemsOf(extraItemIds: Placeholder): SQL<CatalogItem[]> {
  return sql<CatalogItem[]>`(select coalesce(jsonb_agg(found.item), '[]'::jsonb)
  from jsonb_array_elements_text(
    jsonb_path_query_array(carts.lines, '$[*].itemId') || ${extraItemIds}::jsonb
  ) as wanted(id),
  lateral (
    select jsonb_build_object('itemId', v.id, 'productId', v.product_id, 'variantId', v.id,
      'sku', v.sku, 'title', p.title, 'variantTitle', v.title, 'vendorId', p.vendor_id,
      'status', p.status, 'variantCount', 1,
      'price', jsonb_build_object('amount', v.price_amount, 'currency', v.currency),
      'prices', v.prices) as item
    from ${productVariants} v join ${products} p on p.id = v.product_id
    where v.id = wanted.id and v.tenant_id = carts.tenant_id
    union all
    select jsonb_build_object('itemId', p.id, 'productId', p.id, 'variantId', null,
      'sku', p.sku, 'title', p.title, 'variantTitle', null, 'vendorId', p.vendor_id,
      'status', p.status, 'variantCount', jsonb_array_length(p.variants),
      'price', jsonb_build_object('amount', p.price_amount, 'currency', p.currency),
      'prices', p.prices)
    from ${products} p
    where p.id = wanted.id and p.tenant_id = carts.tenant_id
  ) found)`;
}

/** A cart as read for a change: its row, its version, and the catalogue items the change needs. */
export interface CartForChange {
  row: CartRow;
  /** The row's version (PostgreSQL's `xmin`): {@link writeCartIf} writes only over this version. */
  version: string;
  /** The catalogue's items of the cart's lines and of the ids asked for, by item id. */
  items: Map<string, CatalogItem>;
}

/**
 * Cart `id` of the tenant with the catalogue items of its lines and of `extraItemIds`, in one
 * statement; locked for the transaction when `lock`. `undefined` when there is no such cart.
 */
export async function cartForChange(
  db: Executor,
  tenantId: string,
  id: string,
  extraItemIds: readonly string[],
  lock = false,
): Promise<CartForChange | undefined> {
  const query = prepared(db, lock ? 'cart_for_change_locked' : 'cart_for_change', (db) => {
    const select = db
      .select({
        row: carts,
        version: sql<string>`carts.xmin::text`,
        items: catalogItemsOf(sql.placeholder('extraItemIds')),
      })
      .from(carts)
      .where(and(eq(carts.tenantId, sql.placeholder('tenantId')), eq(carts.id, sql.placeholder('id'))));
    return lock ? select.for('update', { of: carts }) : select;
  });
  const [found] = await query.execute({ tenantId, id, extraItemIds: JSON.stringify(extraItemIds) });
  if (!found) return undefined;
  const items = new Map<string, CatalogItem>();
  for (const item of found.items) {
    items.set(item.itemId, {
      ...item,
      price: { amount: Number(item.price.amount), currency: item.price.currency },
    });
  }
  return { row: found.row, version: found.version, items };
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

/** What a new cart is made of; the rest are the table's defaults (open, empty). */
export type NewCart = Pick<
  CartRow,
  'id' | 'tenantId' | 'tokenHash' | 'currency' | 'regionId' | 'customerId' | 'email' | 'metadata' | 'pricing'
>;

/** Inserts a new cart, in one prepared statement. */
export async function insertCart(db: Executor, cart: NewCart): Promise<CartRow> {
  const query = prepared(db, 'cart_insert', (db) =>
    db
      .insert(carts)
      .values({
        id: sql.placeholder('id'),
        tenantId: sql.placeholder('tenantId'),
        tokenHash: sql.placeholder('tokenHash'),
        currency: sql.placeholder('currency'),
        regionId: sql.placeholder('regionId'),
        customerId: sql.placeholder('customerId'),
        email: sql.placeholder('email'),
        metadata: sql.placeholder('metadata'),
        pricing: sql.placeholder('pricing'),
      })
      .returning(),
  );
  const [row] = await query.execute(cart);
  return row!;
}

/** The fields of a cart a change may write (see {@link writeCartIf}). */
const CHANGEABLE = [
  'email',
  'metadata',
  'regionId',
  'currency',
  'shippingAddress',
  'lines',
  'pricing',
  'shippingOptionId',
  'discountCodeId',
  'total',
  'customerId',
] as const satisfies ReadonlyArray<keyof CartRow>;

/** What a change of a cart writes: some of its {@link CHANGEABLE} fields. */
export type CartPatch = Partial<Pick<CartRow, (typeof CHANGEABLE)[number]>>;

/**
 * Writes `patch` over cart `row` if the row is still at `version` (see {@link cartForChange}),
 * in one prepared statement (every changeable field, `row`'s value where `patch` has none):
 * `undefined` when another request changed (or deleted) the cart since it was read.
 */
export async function writeCartIf(
  db: Executor,
  row: CartRow,
  version: string,
  patch: CartPatch,
): Promise<CartRow | undefined> {
  const query = prepared(db, 'cart_write_if', (db) =>
    db
      .update(carts)
      // Placeholders go through each column's encoder (JSON for jsonb), as values do; drizzle's
      // types only take values here. The encoder makes a missing address JSON `null`: stored as
      // SQL NULL, as a value would be.
      .set({
        ...Object.fromEntries(CHANGEABLE.map((key) => [key, sql.placeholder(key)])),
        shippingAddress: sql`nullif(${new Param(sql.placeholder('shippingAddress'), carts.shippingAddress)}, 'null'::jsonb)`,
        updatedAt: sql`now()`,
      } as never)
      .where(
        and(
          eq(carts.tenantId, sql.placeholder('tenantId')),
          eq(carts.id, sql.placeholder('id')),
          sql`carts.xmin = ${sql.placeholder('version')}::xid`,
        ),
      )
      .returning(),
  );
  const values: Record<string, unknown> = { tenantId: row.tenantId, id: row.id, version };
  for (const key of CHANGEABLE) values[key] = patch[key] === undefined ? row[key] : patch[key];
  const [written] = await query.execute(values);
  return written;
}

/**
 * Deletes up to `limit` open carts nobody changed for `days` days — abandoned: no order was ever
 * placed from them (not even a declined one) and no checkout holds their discount — claimed with
 * `SKIP LOCKED` so instances share the work and a cart being changed right now is left alone.
 * Resolves with how many went.
 */
export async function deleteStaleCarts(db: Executor, days: number, limit: number): Promise<number> {
  const gone = await db.execute(sql`
    delete from carts where id in (
      select c.id from carts c
      where c.status = 'open' and c.updated_at < now() - make_interval(days => ${days}::int)
        and not exists (select 1 from orders o where o.tenant_id = c.tenant_id and o.cart_id = c.id)
        and not exists (select 1 from discount_redemptions r where r.tenant_id = c.tenant_id and r.cart_id = c.id)
      order by c.updated_at
      limit ${limit}::int
      for update skip locked
    )
    returning id`);
  return rowsOf(gone).length;
}
