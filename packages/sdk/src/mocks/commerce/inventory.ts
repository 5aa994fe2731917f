import {
  inventoryLevelOperations,
  inventoryMovementOperations,
  reservationOperations,
  stockLocationOperations,
} from '../../contract/commerce/inventory';
import {
  inactiveStockLocation,
  isLowStock,
  outOfStock,
  unknownStockItem,
  unknownStockLocation,
} from '../../contract/commerce/rules';
import type { InventoryAdjust, InventoryLevel, StockLocation } from '../../schemas/commerce/inventory';
import { newId } from '../../schemas/ids';
import { findById, now, orderBy, paginate } from '../collection';
import type { MockDb } from '../db';
import { mockResource } from '../pipeline';
import { recordMockEvent } from '../realtime/events';
import { requireMockFeature } from '../rules';

const LOCATION_ORDER = {
  name: (l: StockLocation) => l.name,
  createdAt: (l: StockLocation) => l.createdAt,
};

/** As the server: the given location (active to reserve), else the oldest active one, made on first use. */
function locationFor(
  db: MockDb,
  locationId: string | undefined,
  purpose: 'adjust' | 'reserve',
): StockLocation {
  if (locationId !== undefined) {
    const location = db.stockLocations.find((l) => l.id === locationId);
    if (!location) throw unknownStockLocation(locationId);
    if (purpose === 'reserve' && !location.active) throw inactiveStockLocation(locationId);
    return location;
  }
  const active = db.stockLocations.filter((l) => l.active).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (active[0]) return active[0];
  const at = now();
  const location: StockLocation = {
    id: newId('sloc'),
    object: 'stock_location',
    name: 'Default location',
    active: true,
    metadata: {},
    createdAt: at,
    updatedAt: at,
  };
  db.stockLocations.push(location);
  return location;
}

function requireItem(db: MockDb, itemId: string): void {
  const known = db.products.some((p) => p.id === itemId || p.variants.some((v) => v.id === itemId));
  if (!known) throw unknownStockItem(itemId);
}

function levelOf(db: MockDb, itemId: string, locationId: string): InventoryLevel | undefined {
  return db.inventoryLevels.find((l) => l.itemId === itemId && l.locationId === locationId);
}

/**
 * Sets the derived stock figures of the product `itemId` is, or whose variant it is, from the
 * levels, as the server does after every change of units: the variant's available units, and the
 * product's own plus all its variants'.
 */
export function refreshMockStock(db: MockDb, itemId: string): void {
  const availableOf = (id: string) =>
    db.inventoryLevels.reduce((sum, l) => (l.itemId === id ? sum + l.onHand - l.reserved : sum), 0);
  const product = db.products.find((p) => p.id === itemId || p.variants.some((v) => v.id === itemId));
  if (!product) return;
  for (const variant of product.variants) variant.inventoryQuantity = availableOf(variant.id);
  product.inventoryQuantity = product.variants.reduce(
    (sum, v) => sum + v.inventoryQuantity,
    availableOf(product.id),
  );
}

/** Applies a change to a level and announces it as the server does (`updated`, `low_stock` on crossing). */
function changeLevel(
  db: MockDb,
  level: InventoryLevel,
  change: { onHand?: number; reserved?: number },
): InventoryLevel {
  const wasLow = level.lowStock;
  level.onHand += change.onHand ?? 0;
  level.reserved += change.reserved ?? 0;
  level.available = level.onHand - level.reserved;
  level.lowStock = isLowStock(level.lowStockThreshold, level.available);
  level.updatedAt = now();
  if (change.onHand || change.reserved) refreshMockStock(db, level.itemId);
  recordMockEvent(db, 'inventory_level.updated', level);
  if (level.lowStock && !wasLow) recordMockEvent(db, 'inventory_level.low_stock', level);
  return level;
}

function byFilters<T extends { itemId: string; locationId: string }>(
  items: readonly T[],
  query: { itemId?: string; locationId?: string },
): T[] {
  return items.filter(
    (i) =>
      (query.itemId === undefined || i.itemId === query.itemId) &&
      (query.locationId === undefined || i.locationId === query.locationId),
  );
}

/** As the server: one movement into an item's level at a location (made on first use), recorded. */
function moveMockStock(db: MockDb, input: InventoryAdjust): InventoryLevel {
  const { itemId, delta, reason, note } = input;
  const location = locationFor(db, input.locationId, 'adjust');
  let level = levelOf(db, itemId, location.id);
  const available = level ? level.available : 0;
  if (delta < 0 && (!level || level.onHand + delta < level.reserved)) {
    throw outOfStock(itemId, location.id, -delta, available);
  }
  if (!level) {
    const at = now();
    level = {
      id: newId('ilvl'),
      object: 'inventory_level',
      itemId,
      locationId: location.id,
      onHand: 0,
      reserved: 0,
      available: 0,
      lowStockThreshold: null,
      lowStock: false,
      createdAt: at,
      updatedAt: at,
    };
    db.inventoryLevels.push(level);
  }
  changeLevel(db, level, { onHand: delta });
  db.inventoryMovements.push({
    id: newId('imov'),
    object: 'inventory_movement',
    itemId,
    locationId: location.id,
    delta,
    reason,
    note: note ?? null,
    onHandAfter: level.onHand,
    createdAt: now(),
  });
  return level;
}

/** A product's initial stock, received into the default location as the server's create does. */
export function receiveMockStock(db: MockDb, itemId: string, quantity: number, note: string): void {
  moveMockStock(db, { itemId, delta: quantity, reason: 'receipt', note });
}

/** `/v1/commerce/stock-locations` in memory. */
const stockLocationMocks = mockResource(stockLocationOperations, {
  list: (ctx) => {
    ctx.tenant();
    return paginate(ctx.db.stockLocations, ctx.query, orderBy(ctx.query.order ?? 'name', LOCATION_ORDER));
  },
  retrieve: (ctx) => {
    ctx.tenant();
    return findById(ctx.db.stockLocations, ctx.params.id, 'stock location');
  },
  create(ctx) {
    ctx.tenant();
    if (ctx.db.stockLocations.length >= 1) requireMockFeature(ctx.db, 'commerce.advancedInventory');
    const at = now();
    const location: StockLocation = {
      id: newId('sloc'),
      object: 'stock_location',
      name: ctx.body.name,
      active: true,
      metadata: ctx.body.metadata ?? {},
      createdAt: at,
      updatedAt: at,
    };
    ctx.db.stockLocations.push(location);
    return location;
  },
  update(ctx) {
    ctx.tenant();
    const location = findById(ctx.db.stockLocations, ctx.params.id, 'stock location');
    return Object.assign(location, ctx.body, { updatedAt: now() });
  },
});

/** `/v1/commerce/inventory-levels` in memory. */
const inventoryLevelMocks = mockResource(inventoryLevelOperations, {
  list(ctx) {
    ctx.tenant();
    const { lowStock } = ctx.query;
    const levels = byFilters(ctx.db.inventoryLevels, ctx.query).filter(
      (l) => lowStock === undefined || l.lowStock === (lowStock === 'true'),
    );
    return paginate(levels, ctx.query);
  },
  adjust(ctx) {
    ctx.tenant();
    requireItem(ctx.db, ctx.body.itemId);
    return moveMockStock(ctx.db, ctx.body);
  },
  update(ctx) {
    ctx.tenant();
    const level = findById(ctx.db.inventoryLevels, ctx.params.id, 'inventory level');
    if (ctx.body.lowStockThreshold !== undefined) {
      level.lowStockThreshold = ctx.body.lowStockThreshold;
      changeLevel(ctx.db, level, {});
    }
    return level;
  },
});

/** `/v1/commerce/inventory-movements` in memory. */
const inventoryMovementMocks = mockResource(inventoryMovementOperations, {
  list(ctx) {
    ctx.tenant();
    const { reason } = ctx.query;
    const movements = byFilters(ctx.db.inventoryMovements, ctx.query).filter(
      (m) => reason === undefined || m.reason === reason,
    );
    return paginate(movements, ctx.query);
  },
});

/** `/v1/commerce/reservations` in memory. */
const reservationMocks = mockResource(reservationOperations, {
  list(ctx) {
    ctx.tenant();
    return paginate(byFilters(ctx.db.reservations, ctx.query), ctx.query);
  },
  create(ctx) {
    ctx.tenant();
    const { itemId, quantity } = ctx.body;
    const location = locationFor(ctx.db, ctx.body.locationId, 'reserve');
    requireItem(ctx.db, itemId);
    const level = levelOf(ctx.db, itemId, location.id);
    if (!level || level.available < quantity)
      throw outOfStock(itemId, location.id, quantity, level?.available ?? 0);
    changeLevel(ctx.db, level, { reserved: quantity });
    const seconds = ctx.body.expiresInSeconds;
    const reservation = {
      id: newId('res'),
      object: 'reservation' as const,
      itemId,
      locationId: location.id,
      quantity,
      reference: ctx.body.reference ?? null,
      expiresAt: seconds === undefined ? null : new Date(Date.now() + seconds * 1000).toISOString(),
      createdAt: now(),
    };
    ctx.db.reservations.push(reservation);
    return reservation;
  },
  release(ctx) {
    ctx.tenant();
    const reservation = findById(ctx.db.reservations, ctx.params.id, 'reservation');
    ctx.db.reservations = ctx.db.reservations.filter((r) => r.id !== reservation.id);
    const level = levelOf(ctx.db, reservation.itemId, reservation.locationId);
    if (level) changeLevel(ctx.db, level, { reserved: -reservation.quantity });
    return { id: reservation.id, object: 'reservation' as const, deleted: true as const };
  },
});

/**
 * For the orders model: holds `quantity` of `itemId` at the default location as the server's
 * checkout does (`409 out_of_stock` naming what is available), and answers the reservation.
 */
export function reserveMockStock(db: MockDb, itemId: string, quantity: number, reference: string) {
  const location = locationFor(db, undefined, 'reserve');
  requireItem(db, itemId);
  const level = levelOf(db, itemId, location.id);
  if (!level || level.available < quantity)
    throw outOfStock(itemId, location.id, quantity, level?.available ?? 0);
  changeLevel(db, level, { reserved: quantity });
  const reservation = {
    id: newId('res'),
    object: 'reservation' as const,
    itemId,
    locationId: location.id,
    quantity,
    reference,
    expiresAt: null,
    createdAt: now(),
  };
  db.reservations.push(reservation);
  return reservation;
}

/** Releases (`sell: false`) or sells (`sell: true`, a `sale` movement) a reservation of the orders model. */
export function settleMockReservation(db: MockDb, reservationId: string, sell: boolean, note: string): void {
  const reservation = db.reservations.find((r) => r.id === reservationId);
  if (!reservation) return;
  db.reservations = db.reservations.filter((r) => r.id !== reservationId);
  const level = levelOf(db, reservation.itemId, reservation.locationId);
  if (!level) return;
  changeLevel(
    db,
    level,
    sell
      ? { onHand: -reservation.quantity, reserved: -reservation.quantity }
      : { reserved: -reservation.quantity },
  );
  if (sell) {
    db.inventoryMovements.push({
      id: newId('imov'),
      object: 'inventory_movement',
      itemId: reservation.itemId,
      locationId: reservation.locationId,
      delta: -reservation.quantity,
      reason: 'sale',
      note,
      onHandAfter: level.onHand,
      createdAt: now(),
    });
  }
}

/** Puts returned units back on the shelf as a `return` movement (the orders model). */
export function restockMock(
  db: MockDb,
  itemId: string,
  locationId: string | null,
  quantity: number,
  note: string,
): void {
  const location = locationFor(db, locationId ?? undefined, 'adjust');
  let level = levelOf(db, itemId, location.id);
  if (!level) {
    const at = now();
    level = {
      id: newId('ilvl'),
      object: 'inventory_level',
      itemId,
      locationId: location.id,
      onHand: 0,
      reserved: 0,
      available: 0,
      lowStockThreshold: null,
      lowStock: false,
      createdAt: at,
      updatedAt: at,
    };
    db.inventoryLevels.push(level);
  }
  changeLevel(db, level, { onHand: quantity });
  db.inventoryMovements.push({
    id: newId('imov'),
    object: 'inventory_movement',
    itemId,
    locationId: location.id,
    delta: quantity,
    reason: 'return',
    note,
    onHandAfter: level.onHand,
    createdAt: now(),
  });
}

/** Stock locations, levels, movements and reservations in memory. */
export const inventoryMocks = [
  ...stockLocationMocks,
  ...inventoryLevelMocks,
  ...inventoryMovementMocks,
  ...reservationMocks,
];
