import { operation } from '../operation';

const LOCATIONS = '/v1/commerce/stock-locations';
const LEVELS = '/v1/commerce/inventory-levels';
const MOVEMENTS = '/v1/commerce/inventory-movements';
const RESERVATIONS = '/v1/commerce/reservations';

/**
 * `/v1/commerce/stock-locations`: where stock is kept. Every plan has one location (the first one
 * created is the default); more need plan feature `commerce.advancedInventory` (Growth and up).
 */
export const stockLocationOperations = {
  /** Lists stock locations by name. */
  list: operation({
    method: 'get',
    path: LOCATIONS,
    tag: 'commerce',
    summary: 'List stock locations',
    permission: 'commerce:inventory:read',
    query: 'StockLocationListParams',
    response: 'StockLocationList',
    list: true,
  }),
  /** Creates a stock location; a second one needs `commerce.advancedInventory`. */
  create: operation({
    method: 'post',
    path: LOCATIONS,
    tag: 'commerce',
    summary: 'Create a stock location',
    permission: 'commerce:inventory:write',
    body: 'StockLocationCreate',
    response: 'StockLocation',
    status: 201,
    errors: ['feature_not_in_plan'],
  }),
  /** Retrieves a stock location. */
  retrieve: operation({
    method: 'get',
    path: `${LOCATIONS}/:id`,
    tag: 'commerce',
    summary: 'Retrieve a stock location',
    permission: 'commerce:inventory:read',
    response: 'StockLocation',
  }),
  /** Renames, activates or deactivates a stock location. */
  update: operation({
    method: 'patch',
    path: `${LOCATIONS}/:id`,
    tag: 'commerce',
    summary: 'Update a stock location',
    permission: 'commerce:inventory:write',
    body: 'StockLocationUpdate',
    response: 'StockLocation',
  }),
} as const;

/** `/v1/commerce/inventory-levels`: stock per item per location. */
export const inventoryLevelOperations = {
  /** Lists levels, newest first, by item, location or low stock. */
  list: operation({
    method: 'get',
    path: LEVELS,
    tag: 'commerce',
    summary: 'List inventory levels',
    permission: 'commerce:inventory:read',
    query: 'InventoryLevelListParams',
    response: 'InventoryLevelList',
    list: true,
  }),
  /**
   * Adds or removes stock of an item at a location, recording a movement with its reason; the
   * level is created by its first adjustment. Removing stock that is reserved or not there
   * answers `409 out_of_stock` with what is available.
   */
  adjust: operation({
    method: 'post',
    path: `${LEVELS}/adjust`,
    tag: 'commerce',
    summary: 'Adjust stock',
    permission: 'commerce:inventory:write',
    body: 'InventoryAdjust',
    response: 'InventoryLevel',
    errors: ['out_of_stock'],
  }),
  /** Sets the low-stock threshold of a level. */
  update: operation({
    method: 'patch',
    path: `${LEVELS}/:id`,
    tag: 'commerce',
    summary: 'Update an inventory level',
    permission: 'commerce:inventory:write',
    body: 'InventoryLevelUpdate',
    response: 'InventoryLevel',
  }),
} as const;

/** `/v1/commerce/inventory-movements`: the history of every stock change. */
export const inventoryMovementOperations = {
  /** Lists movements, newest first, by item, location or reason. */
  list: operation({
    method: 'get',
    path: MOVEMENTS,
    tag: 'commerce',
    summary: 'List inventory movements',
    permission: 'commerce:inventory:read',
    query: 'InventoryMovementListParams',
    response: 'InventoryMovementList',
    list: true,
  }),
} as const;

/**
 * `/v1/commerce/reservations`: stock held for checkouts. A reservation takes available stock in
 * one conditional statement, so concurrent checkouts never oversell; it returns by itself when it
 * expires, or when released.
 */
export const reservationOperations = {
  /** Lists open reservations, newest first. */
  list: operation({
    method: 'get',
    path: RESERVATIONS,
    tag: 'commerce',
    summary: 'List reservations',
    permission: 'commerce:inventory:read',
    query: 'ReservationListParams',
    response: 'ReservationList',
    list: true,
  }),
  /** Holds available stock, or answers `409 out_of_stock` naming the item and what is available. */
  create: operation({
    method: 'post',
    path: RESERVATIONS,
    tag: 'commerce',
    summary: 'Reserve stock',
    permission: 'commerce:inventory:write',
    body: 'ReservationCreate',
    response: 'Reservation',
    status: 201,
    errors: ['out_of_stock'],
  }),
  /** Releases a reservation: its stock is available again. */
  release: operation({
    method: 'delete',
    path: `${RESERVATIONS}/:id`,
    tag: 'commerce',
    summary: 'Release a reservation',
    permission: 'commerce:inventory:write',
    response: 'ReleasedReservation',
  }),
} as const;
