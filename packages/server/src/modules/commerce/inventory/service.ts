import {
  inactiveStockLocation,
  isLowStock,
  outOfStock,
  unknownStockItem,
  unknownStockLocation,
} from '@agentstack/sdk/contract';
import type {
  InventoryAdjust,
  InventoryLevel,
  InventoryLevelListParams,
  InventoryLevelUpdate,
  InventoryMovement,
  InventoryMovementListParams,
  ListResponse,
  Reservation,
  ReservationCreate,
  ReservationListParams,
  StockLocation,
  StockLocationCreate,
  StockLocationListParams,
  StockLocationUpdate,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { inventoryLevels, inventoryMovements, inventoryReservations } from '../../../db/schema';
import type { BackgroundTask } from '../../../events/dispatcher';
import { recordEvent } from '../../../events/outbox';
import { notFound } from '../../../http/errors';
import { requireFeature } from '../../platform/entitlements/service';
import { bumpCatalogVersion } from '../products/store';
import {
  availableOf,
  changeLevel,
  countLocations,
  ensureLevel,
  insertLevelWithReceipt,
  insertMovement,
  inventoryLevelStore,
  inventoryMovementStore,
  itemExists,
  type LevelRow,
  levelForUpdate,
  lockLocations,
  oldestActiveLocation,
  type ReservationRow,
  refreshStockFigures,
  reservationStore,
  stockLocationStore,
  takeExpiredReservations,
  toInventoryLevel,
  toReservation,
  toStockLocation,
} from './store';

/** The name of the location made for a tenant's first stock change when it has none. */
export const DEFAULT_LOCATION_NAME = 'Default location';

/**
 * The location a change applies to: the given one (which must be the tenant's, and active when
 * stock is reserved), else the default one — the oldest active location, made on first use.
 */
async function locationFor(
  tx: Executor,
  tenantId: string,
  locationId: string | undefined,
  purpose: 'adjust' | 'reserve',
) {
  if (locationId !== undefined) {
    const location = await stockLocationStore(tx, tenantId).get(locationId);
    if (!location) throw unknownStockLocation(locationId);
    if (purpose === 'reserve' && !location.active) throw inactiveStockLocation(locationId);
    return location;
  }
  const existing = await oldestActiveLocation(tx, tenantId);
  if (existing) return existing;
  await lockLocations(tx, tenantId);
  return (
    (await oldestActiveLocation(tx, tenantId)) ??
    (await stockLocationStore(tx, tenantId).insert({
      id: newId('sloc'),
      name: DEFAULT_LOCATION_NAME,
      metadata: {},
    }))
  );
}

async function requireItem(tx: Executor, tenantId: string, itemId: string): Promise<void> {
  if (!(await itemExists(tx, tenantId, itemId))) throw unknownStockItem(itemId);
}

/**
 * Announces a level's change: `inventory_level.updated` always, `inventory_level.low_stock` when
 * this change took it from above its threshold to at or below it. A change of units (`stock`,
 * the default) first sets the derived `inventoryQuantity` of the item's product and variant and
 * bumps the catalogue version (cached product pages show it), in that order: levels, products,
 * tenant, events — the order product writes take them in too.
 */
async function announce(
  tx: Executor,
  tenantId: string,
  before: number | null,
  after: LevelRow,
  stock: 'units' | 'threshold' | 'new item' = 'units',
): Promise<InventoryLevel> {
  if (stock === 'units') {
    await refreshStockFigures(tx, tenantId, after.itemId);
    await bumpCatalogVersion(tx, tenantId);
  }
  const level = toInventoryLevel(after);
  await recordEvent(tx, tenantId, 'inventory_level.updated', level);
  if (level.lowStock && (before === null || !isLowStock(after.lowStockThreshold, before))) {
    await recordEvent(tx, tenantId, 'inventory_level.low_stock', level);
  }
  return level;
}

/**
 * Applies one movement to an item's level at a location (the given one, else the default one) and
 * records it: `409 out_of_stock` when it would take on hand below what is reserved.
 */
async function moveStock(tx: Executor, tenantId: string, input: InventoryAdjust): Promise<InventoryLevel> {
  const location = await locationFor(tx, tenantId, input.locationId, 'adjust');
  const where = { itemId: input.itemId, locationId: location.id };
  await ensureLevel(tx, { id: newId('ilvl'), tenantId, ...where });
  const before = await levelForUpdate(tx, tenantId, input.itemId, location.id);
  const after = await changeLevel(tx, tenantId, where, { onHand: input.delta });
  if (!before || !after)
    throw outOfStock(input.itemId, location.id, -input.delta, before ? availableOf(before) : 0);
  await insertMovement(tx, {
    id: newId('imov'),
    tenantId,
    levelId: after.id,
    itemId: input.itemId,
    locationId: location.id,
    delta: input.delta,
    reason: input.reason,
    note: input.note ?? null,
    onHandAfter: after.onHand,
  });
  return announce(tx, tenantId, availableOf(before), after);
}

/**
 * Receives `quantity` units of a product the caller's transaction has just inserted (its initial
 * stock) into the tenant's default location, as a `receipt` movement. The caller inserted the row
 * with `inventoryQuantity` at `quantity` — what its only level now derives — and bumped the
 * catalogue version: a new item has no level to lock or figure to refresh, so this is one read and
 * one statement beside the event.
 */
export async function receiveNewItemStock(
  tx: Executor,
  tenantId: string,
  itemId: string,
  quantity: number,
  note: string,
): Promise<InventoryLevel> {
  const location = await locationFor(tx, tenantId, undefined, 'adjust');
  const level = await insertLevelWithReceipt(tx, {
    levelId: newId('ilvl'),
    movementId: newId('imov'),
    tenantId,
    itemId,
    locationId: location.id,
    quantity,
    note,
  });
  return announce(tx, tenantId, 0, level, 'new item');
}

/** Business rules of stock locations. */
export const stockLocationService = {
  async list(db: Executor, caller: TenantPrincipal, params: StockLocationListParams) {
    return stockLocationStore(db, caller.tenant.id).page(params);
  },

  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<StockLocation> {
    const row = await stockLocationStore(db, caller.tenant.id).get(id);
    if (!row) throw notFound('stock location', id);
    return toStockLocation(row);
  },

  /** Every plan has one location; more need `commerce.advancedInventory` (Growth and up). */
  async create(tx: Executor, caller: TenantPrincipal, input: StockLocationCreate): Promise<StockLocation> {
    const tenantId = caller.tenant.id;
    await lockLocations(tx, tenantId);
    if ((await countLocations(tx, tenantId)) >= 1)
      requireFeature(caller.tenant, 'commerce.advancedInventory');
    const row = await stockLocationStore(tx, tenantId).insert({
      id: newId('sloc'),
      name: input.name,
      metadata: input.metadata ?? {},
    });
    return toStockLocation(row);
  },

  async update(
    tx: Executor,
    caller: TenantPrincipal,
    id: string,
    input: StockLocationUpdate,
  ): Promise<StockLocation> {
    const store = stockLocationStore(tx, caller.tenant.id);
    if (!(await store.getForUpdate(id))) throw notFound('stock location', id);
    const row = await store.update(id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.active !== undefined && { active: input.active }),
      ...(input.metadata !== undefined && { metadata: input.metadata }),
    });
    return toStockLocation(row);
  },
};

/** Business rules of stock levels and their history. */
export const inventoryService = {
  async listLevels(
    db: Executor,
    caller: TenantPrincipal,
    params: InventoryLevelListParams,
  ): Promise<ListResponse<InventoryLevel>> {
    const filters: SQL[] = [];
    if (params.itemId) filters.push(eq(inventoryLevels.itemId, params.itemId));
    if (params.locationId) filters.push(eq(inventoryLevels.locationId, params.locationId));
    if (params.lowStock !== undefined) {
      const low = sql`(${inventoryLevels.lowStockThreshold} is not null and ${inventoryLevels.onHand} - ${inventoryLevels.reserved} <= ${inventoryLevels.lowStockThreshold})`;
      filters.push(params.lowStock === 'true' ? low : sql`not ${low}`);
    }
    const { lowStock: _, itemId: __, locationId: ___, ...page } = params;
    return inventoryLevelStore(db, caller.tenant.id).page(page, filters.length ? and(...filters) : undefined);
  },

  async adjust(tx: Executor, caller: TenantPrincipal, input: InventoryAdjust): Promise<InventoryLevel> {
    await requireItem(tx, caller.tenant.id, input.itemId);
    return moveStock(tx, caller.tenant.id, input);
  },

  async updateLevel(tx: Executor, caller: TenantPrincipal, id: string, input: InventoryLevelUpdate) {
    const tenantId = caller.tenant.id;
    const store = inventoryLevelStore(tx, tenantId);
    const before = await store.getForUpdate(id);
    if (!before) throw notFound('inventory level', id);
    if (input.lowStockThreshold === undefined) return toInventoryLevel(before);
    const after = await store.update(id, { lowStockThreshold: input.lowStockThreshold });
    // A new threshold that makes the level low announces it, as a sale that crosses it would.
    const wasLow = isLowStock(before.lowStockThreshold, availableOf(before));
    return announce(tx, tenantId, wasLow ? availableOf(before) : null, after, 'threshold');
  },

  async listMovements(
    db: Executor,
    caller: TenantPrincipal,
    params: InventoryMovementListParams,
  ): Promise<ListResponse<InventoryMovement>> {
    const filters: SQL[] = [];
    if (params.itemId) filters.push(eq(inventoryMovements.itemId, params.itemId));
    if (params.locationId) filters.push(eq(inventoryMovements.locationId, params.locationId));
    if (params.reason) filters.push(eq(inventoryMovements.reason, params.reason));
    const { itemId: _, locationId: __, reason: ___, ...page } = params;
    return inventoryMovementStore(db, caller.tenant.id).page(
      page,
      filters.length ? and(...filters) : undefined,
    );
  },
};

/** Business rules of reservations: stock held for checkouts. */
export const reservationService = {
  async list(
    db: Executor,
    caller: TenantPrincipal,
    params: ReservationListParams,
  ): Promise<ListResponse<Reservation>> {
    const filters: SQL[] = [];
    if (params.itemId) filters.push(eq(inventoryReservations.itemId, params.itemId));
    if (params.locationId) filters.push(eq(inventoryReservations.locationId, params.locationId));
    const { itemId: _, locationId: __, ...page } = params;
    return reservationStore(db, caller.tenant.id).page(page, filters.length ? and(...filters) : undefined);
  },

  /**
   * Takes `quantity` available units in one conditional statement (see `changeLevel`): of any
   * number of concurrent reservations, on any number of instances, only those the stock covers
   * succeed; the others answer `409 out_of_stock` with what is available.
   */
  async create(tx: Executor, caller: TenantPrincipal, input: ReservationCreate): Promise<Reservation> {
    return toReservation(await reserveStock(tx, caller.tenant.id, input));
  },

  async release(tx: Executor, caller: TenantPrincipal, id: string) {
    if (!(await releaseStock(tx, caller.tenant.id, id))) throw notFound('reservation', id);
    return { id, object: 'reservation' as const, deleted: true as const };
  },
};

/**
 * Takes `quantity` available units in one conditional statement (see `changeLevel`): of any
 * number of concurrent reservations, on any number of instances, only those the stock covers
 * succeed; the others answer `409 out_of_stock` with what is available. Checkout calls it in its
 * own transaction.
 */
export async function reserveStock(
  tx: Executor,
  tenantId: string,
  input: Pick<ReservationCreate, 'itemId' | 'locationId' | 'quantity' | 'reference' | 'expiresInSeconds'>,
): Promise<ReservationRow> {
  const location = await locationFor(tx, tenantId, input.locationId, 'reserve');
  await requireItem(tx, tenantId, input.itemId);
  const where = { itemId: input.itemId, locationId: location.id };
  const after = await changeLevel(tx, tenantId, where, { reserved: input.quantity });
  if (!after) {
    const level = await levelForUpdate(tx, tenantId, input.itemId, location.id);
    throw outOfStock(input.itemId, location.id, input.quantity, level ? availableOf(level) : 0);
  }
  const [row] = await tx
    .insert(inventoryReservations)
    .values({
      id: newId('res'),
      tenantId,
      levelId: after.id,
      itemId: input.itemId,
      locationId: location.id,
      quantity: input.quantity,
      reference: input.reference ?? null,
      expiresAt:
        input.expiresInSeconds === undefined ? null : new Date(Date.now() + input.expiresInSeconds * 1000),
    })
    .returning();
  await announce(tx, tenantId, availableOf(after) + input.quantity, after);
  return row!;
}

/** Releases reservation `id`: its units are available again. False when there is no such reservation. */
export async function releaseStock(tx: Executor, tenantId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .delete(inventoryReservations)
    .where(and(eq(inventoryReservations.tenantId, tenantId), eq(inventoryReservations.id, id)))
    .returning();
  if (!row) return false;
  await returnStock(tx, row);
  return true;
}

/**
 * Turns reservation `id` into a sale: the reservation goes, its units leave the shelf
 * (`onHand` and `reserved` both fall), and a `sale` movement records it. False when there is no
 * such reservation (released or expired), in which case nothing changes.
 */
export async function sellReservedStock(
  tx: Executor,
  tenantId: string,
  id: string,
  note: string,
): Promise<boolean> {
  const [row] = await tx
    .delete(inventoryReservations)
    .where(and(eq(inventoryReservations.tenantId, tenantId), eq(inventoryReservations.id, id)))
    .returning();
  if (!row) return false;
  const quantity = Number(row.quantity);
  const after = await changeLevel(
    tx,
    tenantId,
    { levelId: row.levelId },
    { onHand: -quantity, reserved: -quantity },
  );
  if (!after) throw new Error(`reservation ${id}: its level cannot cover it`); // the database's check makes this unreachable
  await insertMovement(tx, {
    id: newId('imov'),
    tenantId,
    levelId: after.id,
    itemId: row.itemId,
    locationId: row.locationId,
    delta: -quantity,
    reason: 'sale',
    note,
    onHandAfter: after.onHand,
  });
  await announce(tx, tenantId, availableOf(after), after);
  return true;
}

/** Puts `quantity` units of `itemId` back on the shelf at `locationId` as a `return` movement. */
export async function restock(
  tx: Executor,
  tenantId: string,
  input: { itemId: string; locationId: string | null; quantity: number; note: string },
): Promise<void> {
  const location = await locationFor(tx, tenantId, input.locationId ?? undefined, 'adjust');
  const where = { itemId: input.itemId, locationId: location.id };
  await ensureLevel(tx, { id: newId('ilvl'), tenantId, ...where });
  const before = await levelForUpdate(tx, tenantId, input.itemId, location.id);
  const after = await changeLevel(tx, tenantId, where, { onHand: input.quantity });
  if (!before || !after) throw new Error(`restock of ${input.itemId} failed`);
  await insertMovement(tx, {
    id: newId('imov'),
    tenantId,
    levelId: after.id,
    itemId: input.itemId,
    locationId: location.id,
    delta: input.quantity,
    reason: 'return',
    note: input.note,
    onHandAfter: after.onHand,
  });
  await announce(tx, tenantId, availableOf(before), after);
}

/** Gives a deleted reservation's units back to its level. */
async function returnStock(
  tx: Executor,
  reservation: { tenantId: string; levelId: string; quantity: number },
): Promise<void> {
  const after = await changeLevel(
    tx,
    reservation.tenantId,
    { levelId: reservation.levelId },
    {
      reserved: -reservation.quantity,
    },
  );
  if (after) await announce(tx, reservation.tenantId, availableOf(after) - reservation.quantity, after);
}

/** How many expired reservations one run of {@link reservationExpiry} returns. */
const EXPIRY_BATCH = 100;

/**
 * Returns the stock of expired reservations (an abandoned checkout's), wherever the dispatcher
 * runs: a batch per transaction, rows claimed with `SKIP LOCKED` so several workers share it.
 */
export const reservationExpiry: BackgroundTask = {
  name: 'inventory.reservation-expiry',
  intervalMs: 5_000,
  async run(app) {
    return app.db.transaction(async (tx) => {
      const expired = await takeExpiredReservations(tx, EXPIRY_BATCH);
      for (const reservation of expired) await returnStock(tx, reservation);
      return expired.length === EXPIRY_BATCH;
    });
  },
};
