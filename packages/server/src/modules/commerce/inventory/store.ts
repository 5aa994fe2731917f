import { isLowStock } from '@agentstack/sdk/contract';
import type { InventoryLevel, InventoryMovement, Reservation, StockLocation } from '@agentstack/sdk/schemas';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import {
  inventoryLevels,
  inventoryMovements,
  inventoryReservations,
  products,
  productVariants,
  stockLocations,
} from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

type LocationRow = typeof stockLocations.$inferSelect;
/** A row of `inventory_levels`. */
export type LevelRow = typeof inventoryLevels.$inferSelect;
type MovementRow = typeof inventoryMovements.$inferSelect;
/** A row of `inventory_reservations`. */
export type ReservationRow = typeof inventoryReservations.$inferSelect;

/** The wire shape of a stock location. */
export function toStockLocation(row: LocationRow): StockLocation {
  return wireOf(row, 'stock_location', ['name', 'active', 'metadata', 'createdAt', 'updatedAt']);
}

/** Units of a level that can still be sold or reserved. */
export function availableOf(row: Pick<LevelRow, 'onHand' | 'reserved'>): number {
  return row.onHand - row.reserved;
}

/** The wire shape of an inventory level. */
export function toInventoryLevel(row: LevelRow): InventoryLevel {
  const available = availableOf(row);
  return {
    ...wireOf(row, 'inventory_level', [
      'itemId',
      'locationId',
      'onHand',
      'reserved',
      'lowStockThreshold',
      'createdAt',
      'updatedAt',
    ]),
    available,
    lowStock: isLowStock(row.lowStockThreshold, available),
  };
}

/** The wire shape of a movement. */
export function toInventoryMovement(row: MovementRow): InventoryMovement {
  return wireOf(row, 'inventory_movement', [
    'itemId',
    'locationId',
    'delta',
    'reason',
    'note',
    'onHandAfter',
    'createdAt',
  ]);
}

/** The wire shape of a reservation. */
export function toReservation(row: ReservationRow): Reservation {
  return {
    ...wireOf(row, 'reservation', ['itemId', 'locationId', 'quantity', 'reference', 'createdAt']),
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** One tenant's stock locations, by name. */
export const stockLocationStore = defineStore({
  table: stockLocations,
  scope: 'tenantId',
  toWire: toStockLocation,
  orders: { createdAt: stockLocations.id, name: stockLocations.name },
  defaultOrder: 'name',
});

/** One tenant's inventory levels, newest first. */
export const inventoryLevelStore = defineStore({
  table: inventoryLevels,
  scope: 'tenantId',
  toWire: toInventoryLevel,
  orders: { createdAt: inventoryLevels.id },
  defaultOrder: '-createdAt',
});

/** One tenant's movements, newest first. */
export const inventoryMovementStore = defineStore({
  table: inventoryMovements,
  scope: 'tenantId',
  toWire: toInventoryMovement,
  orders: { createdAt: inventoryMovements.id },
  defaultOrder: '-createdAt',
});

/** One tenant's open reservations, newest first. */
export const reservationStore = defineStore({
  table: inventoryReservations,
  scope: 'tenantId',
  toWire: toReservation,
  orders: { createdAt: inventoryReservations.id },
  defaultOrder: '-createdAt',
});

/** The tenant's default location: its oldest active one. */
export async function oldestActiveLocation(db: Executor, tenantId: string): Promise<LocationRow | undefined> {
  const [row] = await db
    .select()
    .from(stockLocations)
    .where(and(eq(stockLocations.tenantId, tenantId), eq(stockLocations.active, true)))
    .orderBy(asc(stockLocations.id))
    .limit(1);
  return row;
}

/** How many locations the tenant has. */
export async function countLocations(db: Executor, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(stockLocations)
    .where(eq(stockLocations.tenantId, tenantId));
  return Number(row?.n ?? 0);
}

/**
 * Serialises the tenant's location writes for the rest of the transaction (the check of "is
 * there a location yet" and the insert of the default one, or of a second one, must not race).
 */
export async function lockLocations(db: Executor, tenantId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('stock_locations'), hashtext(${tenantId}))`);
}

/** True when `itemId` is a variant, or a product, of the tenant. */
export async function itemExists(db: Executor, tenantId: string, itemId: string): Promise<boolean> {
  const table = itemId.startsWith('var_') ? productVariants : products;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.id, itemId)))
    .limit(1);
  return row !== undefined;
}

/** The level of an item at a location, locked for the rest of the transaction. */
export async function levelForUpdate(
  db: Executor,
  tenantId: string,
  itemId: string,
  locationId: string,
): Promise<LevelRow | undefined> {
  const [row] = await db
    .select()
    .from(inventoryLevels)
    .where(
      and(
        eq(inventoryLevels.tenantId, tenantId),
        eq(inventoryLevels.itemId, itemId),
        eq(inventoryLevels.locationId, locationId),
      ),
    )
    .for('update');
  return row;
}

/** Creates the level of an item at a location unless it exists (concurrent creators meet on the unique index). */
export async function ensureLevel(
  db: Executor,
  level: { id: string; tenantId: string; itemId: string; locationId: string },
): Promise<void> {
  await db.insert(inventoryLevels).values(level).onConflictDoNothing();
}

/**
 * Adds `onHandDelta` and `reservedDelta` to a level in one conditional statement: it changes
 * nothing — and resolves with nothing — when the result would break `0 <= reserved <= onHand`.
 * Row locks serialise concurrent changes of one level, and each re-checks the condition on the
 * latest row, so no interleaving can oversell.
 */
export async function changeLevel(
  db: Executor,
  tenantId: string,
  where: { itemId: string; locationId: string } | { levelId: string },
  change: { onHand?: number; reserved?: number },
): Promise<LevelRow | undefined> {
  const onHand = change.onHand ?? 0;
  const reserved = change.reserved ?? 0;
  const target =
    'levelId' in where
      ? eq(inventoryLevels.id, where.levelId)
      : and(eq(inventoryLevels.itemId, where.itemId), eq(inventoryLevels.locationId, where.locationId));
  const [row] = await db
    .update(inventoryLevels)
    .set({
      onHand: sql`${inventoryLevels.onHand} + ${onHand}`,
      reserved: sql`${inventoryLevels.reserved} + ${reserved}`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(inventoryLevels.tenantId, tenantId),
        target,
        sql`${inventoryLevels.reserved} + ${reserved} >= 0`,
        sql`${inventoryLevels.reserved} + ${reserved} <= ${inventoryLevels.onHand} + ${onHand}`,
      ),
    )
    .returning();
  return row;
}

/** Units available of one item: its levels' on hand less reserved, over every location. */
function itemAvailable(tenantId: string, itemId: SQL): SQL<number> {
  const l = inventoryLevels;
  return sql<number>`(select coalesce(sum(${l.onHand} - ${l.reserved}), 0) from ${l} where ${l.tenantId} = ${tenantId} and ${l.itemId} = ${itemId})`;
}

/**
 * Units available of a product (the row `products` of the statement): its own levels' and its
 * variants', over every location.
 */
export function productAvailable(tenantId: string): SQL<number> {
  const [l, v] = [inventoryLevels, productVariants];
  return sql<number>`(select coalesce(sum(${l.onHand} - ${l.reserved}), 0) from ${l}
    where ${l.tenantId} = ${tenantId} and (${l.itemId} = ${products.id} or ${l.itemId} in (
      select ${v.id} from ${v} where ${v.tenantId} = ${tenantId} and ${v.productId} = ${products.id})))`;
}

/**
 * Sets the stock figures derived from the levels of `itemId` — the variant's `inventoryQuantity`
 * and its product's (the product's embedded copy of the variant too), or the product's — in the
 * caller's transaction, after the change of a level. Locks the product row: callers change every
 * level they need first (levels, then products, then the tenant, then its events: one order).
 */
export async function refreshStockFigures(db: Executor, tenantId: string, itemId: string): Promise<void> {
  if (!itemId.startsWith('var_')) {
    await db
      .update(products)
      .set({ inventoryQuantity: productAvailable(tenantId) })
      .where(and(eq(products.tenantId, tenantId), eq(products.id, itemId)));
    return;
  }
  const v = productVariants;
  await db.execute(sql`
    with variant as (
      update ${v} set inventory_quantity = ${itemAvailable(tenantId, sql`${itemId}`)}
      where ${v.tenantId} = ${tenantId} and ${v.id} = ${itemId}
      returning ${v.productId} as product_id, ${v.inventoryQuantity} as quantity
    )
    update ${products} set
      inventory_quantity = ${productAvailable(tenantId)},
      variants = (select coalesce(jsonb_agg(case when e->>'id' = ${itemId}
          then jsonb_set(e, '{inventoryQuantity}', to_jsonb(variant.quantity)) else e end order by i), '[]'::jsonb)
        from jsonb_array_elements(${products.variants}) with ordinality x(e, i))
    from variant
    where ${products.tenantId} = ${tenantId} and ${products.id} = variant.product_id`);
}

/**
 * Inserts the first level of a new item with `quantity` on hand and its `receipt` movement, in one
 * statement; resolves with the level.
 */
export async function insertLevelWithReceipt(
  db: Executor,
  r: {
    levelId: string;
    movementId: string;
    tenantId: string;
    itemId: string;
    locationId: string;
    quantity: number;
    note: string;
  },
): Promise<LevelRow> {
  const [level] = await db
    .insert(inventoryLevels)
    .values({
      id: r.levelId,
      tenantId: r.tenantId,
      itemId: r.itemId,
      locationId: r.locationId,
      onHand: r.quantity,
    })
    .returning();
  await db.insert(inventoryMovements).values({
    id: r.movementId,
    tenantId: r.tenantId,
    levelId: r.levelId,
    itemId: r.itemId,
    locationId: r.locationId,
    delta: r.quantity,
    reason: 'receipt',
    note: r.note,
    onHandAfter: r.quantity,
  });
  return level!;
}

/** Records a movement. */
export async function insertMovement(
  db: Executor,
  row: typeof inventoryMovements.$inferInsert,
): Promise<void> {
  await db.insert(inventoryMovements).values(row);
}

/**
 * Deletes up to `limit` reservations that expired, oldest first, skipping those another
 * transaction holds; resolves with them (their stock is to be returned in the same transaction).
 */
export async function takeExpiredReservations(db: Executor, limit: number): Promise<ReservationRow[]> {
  const result = await db.execute(sql`
    delete from inventory_reservations where id in (
      select id from inventory_reservations
      where expires_at is not null and expires_at <= now()
      order by expires_at
      limit ${limit}
      for update skip locked
    )
    returning id, tenant_id as "tenantId", level_id as "levelId", item_id as "itemId",
      location_id as "locationId", quantity, reference, expires_at as "expiresAt", created_at as "createdAt"`);
  const rows = (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
  return rows.map((r) => ({
    ...(r as unknown as ReservationRow),
    quantity: Number(r.quantity),
  }));
}
