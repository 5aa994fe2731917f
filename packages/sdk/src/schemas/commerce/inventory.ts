import * as z from 'zod/mini';
import { ListParams, listOf, Metadata, prefixedId, safeString, Timestamp } from '../common';

/**
 * Inventory: stock of each variant (`var_…`) — or of a product without variants (`prod_…`) — per
 * stock location. `onHand` is what is on the shelf; `reserved` is promised to open checkouts;
 * `available = onHand - reserved` is what can still be sold, and it never goes below zero: the
 * database holds `0 <= reserved <= onHand`, and every reservation takes stock in one conditional
 * statement, so concurrent checkouts cannot oversell.
 */

const Name = safeString(z.trim(), z.minLength(1), z.maxLength(200));
const Note = safeString(z.trim(), z.maxLength(500));
/** What a stocked item is: a variant id, or the id of a product sold without variants. */
export const StockItemId = safeString(
  z.maxLength(64),
  z.regex(/^(var|prod)_[0-9A-Za-z]{8,40}$/, 'must be a variant id (var_…) or a product id (prod_…)'),
);
/** The most units one change or reservation moves. */
export const MAX_QUANTITY = 1_000_000_000;
const Quantity = z.int().check(z.minimum(1), z.maximum(MAX_QUANTITY));

/** A place stock is kept: a warehouse, a shop, a supplier's drop-ship stock. */
export const StockLocation = z.strictObject({
  id: prefixedId('sloc'),
  object: z.literal('stock_location'),
  name: z.string(),
  /** Inactive locations keep their stock and history but take no new reservations. */
  active: z.boolean(),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type StockLocation = z.infer<typeof StockLocation>;

/** Body of `POST /v1/commerce/stock-locations`. */
export const StockLocationCreate = z.strictObject({ name: Name, metadata: z.optional(Metadata) });
export type StockLocationCreate = z.input<typeof StockLocationCreate>;

/** Body of `PATCH /v1/commerce/stock-locations/:id`. */
export const StockLocationUpdate = z.strictObject({
  name: z.optional(Name),
  active: z.optional(z.boolean()),
  metadata: z.optional(Metadata),
});
export type StockLocationUpdate = z.input<typeof StockLocationUpdate>;

/** Query of `GET /v1/commerce/stock-locations`: by name. */
export const StockLocationListParams = z.strictObject({
  ...ListParams.shape,
  order: z.optional(z.enum(['name', '-name', 'createdAt', '-createdAt'])),
});
export type StockLocationListParams = z.input<typeof StockLocationListParams>;

/** A page of stock locations. */
export const StockLocationList = listOf(StockLocation);

/** The stock of one item at one location. */
export const InventoryLevel = z.strictObject({
  id: prefixedId('ilvl'),
  object: z.literal('inventory_level'),
  itemId: z.string(),
  locationId: z.string(),
  onHand: z.int(),
  reserved: z.int(),
  /** `onHand - reserved`: what can still be sold. */
  available: z.int(),
  /** At or below this many available units the level is low (`inventory_level.low_stock`); null: never. */
  lowStockThreshold: z.nullable(z.int()),
  /** True when `available <= lowStockThreshold`. */
  lowStock: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type InventoryLevel = z.infer<typeof InventoryLevel>;

/** Why stock changed. `sale` and `return` are also recorded by orders; anyone may record them. */
export const MovementReason = z.enum(['receipt', 'sale', 'return', 'correction']);
export type MovementReason = z.infer<typeof MovementReason>;

/**
 * Body of `POST /v1/commerce/inventory-levels/adjust`: adds `delta` units (negative: removes)
 * of `itemId` at `locationId` (the default location when omitted), recording a movement. The
 * level is created by its first adjustment. `receipt` and `return` add, `sale` removes,
 * `correction` does either. Stock that is reserved cannot be removed (`409 out_of_stock`).
 */
export const InventoryAdjust = z
  .strictObject({
    itemId: StockItemId,
    locationId: z.optional(prefixedId('sloc')),
    delta: z.int().check(z.minimum(-MAX_QUANTITY), z.maximum(MAX_QUANTITY)),
    reason: MovementReason,
    note: z.optional(Note),
  })
  .check(
    z.check((ctx) => {
      const { delta, reason } = ctx.value;
      const issue = (message: string) =>
        ctx.issues.push({ code: 'custom', input: ctx.value, path: ['delta'], message, continue: true });
      if (delta === 0) issue('must not be 0');
      else if ((reason === 'receipt' || reason === 'return') && delta < 0)
        issue(`a ${reason} adds stock: delta must be positive`);
      else if (reason === 'sale' && delta > 0) issue('a sale removes stock: delta must be negative');
    }),
  );
export type InventoryAdjust = z.input<typeof InventoryAdjust>;

/** Body of `PATCH /v1/commerce/inventory-levels/:id`. */
export const InventoryLevelUpdate = z.strictObject({
  lowStockThreshold: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(MAX_QUANTITY)))),
});
export type InventoryLevelUpdate = z.input<typeof InventoryLevelUpdate>;

/** Query of `GET /v1/commerce/inventory-levels`: newest first. */
export const InventoryLevelListParams = z.strictObject({
  ...ListParams.shape,
  itemId: z.optional(StockItemId),
  locationId: z.optional(prefixedId('sloc')),
  /** `true`: only levels at or below their threshold. */
  lowStock: z.optional(z.enum(['true', 'false'])),
});
export type InventoryLevelListParams = z.input<typeof InventoryLevelListParams>;

/** A page of inventory levels. */
export const InventoryLevelList = listOf(InventoryLevel);

/** One change of stock, kept as history. */
export const InventoryMovement = z.strictObject({
  id: prefixedId('imov'),
  object: z.literal('inventory_movement'),
  itemId: z.string(),
  locationId: z.string(),
  delta: z.int(),
  reason: MovementReason,
  note: z.nullable(z.string()),
  /** `onHand` right after this change. */
  onHandAfter: z.int(),
  createdAt: Timestamp,
});
export type InventoryMovement = z.infer<typeof InventoryMovement>;

/** Query of `GET /v1/commerce/inventory-movements`: newest first. */
export const InventoryMovementListParams = z.strictObject({
  ...ListParams.shape,
  itemId: z.optional(StockItemId),
  locationId: z.optional(prefixedId('sloc')),
  reason: z.optional(MovementReason),
});
export type InventoryMovementListParams = z.input<typeof InventoryMovementListParams>;

/** A page of movements. */
export const InventoryMovementList = listOf(InventoryMovement);

/** Stock held for a checkout until it completes, is released, or expires. */
export const Reservation = z.strictObject({
  id: prefixedId('res'),
  object: z.literal('reservation'),
  itemId: z.string(),
  locationId: z.string(),
  quantity: z.int(),
  /** The caller's reference (a cart or order id). */
  reference: z.nullable(z.string()),
  /** When the stock returns by itself; null: held until released. */
  expiresAt: z.nullable(Timestamp),
  createdAt: Timestamp,
});
export type Reservation = z.infer<typeof Reservation>;

/** The longest a reservation may be held before it expires, in seconds (one week). */
export const MAX_RESERVATION_SECONDS = 7 * 24 * 3600;

/**
 * Body of `POST /v1/commerce/reservations`: holds `quantity` available units of `itemId` at
 * `locationId` (the default location when omitted), or answers `409 out_of_stock` with what is
 * available.
 */
export const ReservationCreate = z.strictObject({
  itemId: StockItemId,
  locationId: z.optional(prefixedId('sloc')),
  quantity: Quantity,
  reference: z.optional(safeString(z.minLength(1), z.maxLength(255))),
  /** Seconds until the stock returns by itself (1..604800); held until released when omitted. */
  expiresInSeconds: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_RESERVATION_SECONDS))),
});
export type ReservationCreate = z.input<typeof ReservationCreate>;

/** Query of `GET /v1/commerce/reservations`: newest first. */
export const ReservationListParams = z.strictObject({
  ...ListParams.shape,
  itemId: z.optional(StockItemId),
  locationId: z.optional(prefixedId('sloc')),
});
export type ReservationListParams = z.input<typeof ReservationListParams>;

/** A page of reservations. */
export const ReservationList = listOf(Reservation);

/** The answer of `DELETE /v1/commerce/reservations/:id`: the stock is available again. */
export const ReleasedReservation = z.strictObject({
  id: z.string(),
  object: z.literal('reservation'),
  deleted: z.literal(true),
});
