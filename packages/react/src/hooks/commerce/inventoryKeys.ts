import type {
  InventoryLevelListParams,
  InventoryMovementListParams,
  ReservationListParams,
  StockLocationListParams,
} from '@agentstack/sdk';
import { defineResource } from '../shared/defineResource';

const levels = defineResource(['agentstack', 'commerce', 'inventoryLevels'], {
  list: (client, params: InventoryLevelListParams | undefined, options) =>
    client.commerce.inventoryLevels.list(params, options),
});
const movements = defineResource(['agentstack', 'commerce', 'inventoryMovements'], {
  list: (client, params: InventoryMovementListParams | undefined, options) =>
    client.commerce.inventoryMovements.list(params, options),
});
const locations = defineResource(['agentstack', 'commerce', 'stockLocations'], {
  list: (client, params: StockLocationListParams | undefined, options) =>
    client.commerce.stockLocations.list(params, options),
  retrieve: (client, id, options) => client.commerce.stockLocations.retrieve(id, options),
});
const reservations = defineResource(['agentstack', 'commerce', 'reservations'], {
  list: (client, params: ReservationListParams | undefined, options) =>
    client.commerce.reservations.list(params, options),
});

/** Typed query keys of inventory levels (`all` ⊃ `lists()` ⊃ `list(params)`). */
export const inventoryLevelKeys = levels.keys;
/** Query options (key + fetcher) of inventory levels. */
export const inventoryLevelQueries = levels.queries;
/** Typed query keys of stock movements. */
export const inventoryMovementKeys = movements.keys;
/** Query options (key + fetcher) of stock movements. */
export const inventoryMovementQueries = movements.queries;
/** Typed query keys of stock locations. */
export const stockLocationKeys = locations.keys;
/** Query options (key + fetcher) of stock locations. */
export const stockLocationQueries = locations.queries;
/** Typed query keys of reservations. */
export const reservationKeys = reservations.keys;
/** Query options (key + fetcher) of reservations. */
export const reservationQueries = reservations.queries;
