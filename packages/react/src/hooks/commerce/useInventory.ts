import type {
  AgentStackError,
  InventoryAdjust,
  InventoryLevel,
  InventoryLevelListParams,
  InventoryLevelUpdate,
  InventoryMovement,
  InventoryMovementListParams,
  ListResponse,
  StockLocation,
  StockLocationCreate,
  StockLocationListParams,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import {
  inventoryLevelKeys,
  inventoryLevelQueries,
  inventoryMovementKeys,
  inventoryMovementQueries,
  reservationKeys,
  stockLocationKeys,
  stockLocationQueries,
} from './inventoryKeys';

// A stock change moves a level, adds a movement and may make the default location: refetch all.
const afterStockWrite = (queryClient: QueryClient) =>
  invalidateAll(
    queryClient,
    inventoryLevelKeys.all,
    inventoryMovementKeys.all,
    stockLocationKeys.all,
    reservationKeys.all,
  );

/** One page of inventory levels (`GET /v1/commerce/inventory-levels`): by item, location or `lowStock: 'true'`. */
export function useInventoryLevels(
  params: InventoryLevelListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<InventoryLevel>, AgentStackError> {
  return useListQuery((client) => inventoryLevelQueries.list(client, params), options);
}

/** One page of stock movements, newest first (`GET /v1/commerce/inventory-movements`). */
export function useInventoryMovements(
  params: InventoryMovementListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<InventoryMovement>, AgentStackError> {
  return useListQuery((client) => inventoryMovementQueries.list(client, params), options);
}

/** One page of stock locations, by name (`GET /v1/commerce/stock-locations`). */
export function useStockLocations(
  params: StockLocationListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<StockLocation>, AgentStackError> {
  return useListQuery((client) => stockLocationQueries.list(client, params), options);
}

/** Adds or removes stock with a reason (`POST /v1/commerce/inventory-levels/adjust`); `409 out_of_stock` names what is available. */
export function useAdjustInventory(): UseMutationResult<InventoryLevel, AgentStackError, InventoryAdjust> {
  return useWriteMutation(
    (client, body: InventoryAdjust) => client.commerce.inventoryLevels.adjust(body),
    afterStockWrite,
  );
}

/** Variables of {@link useUpdateInventoryLevel}. */
export interface UpdateInventoryLevelVariables {
  id: string;
  body: InventoryLevelUpdate;
}

/** Sets a level's low-stock threshold (`PATCH /v1/commerce/inventory-levels/:id`). */
export function useUpdateInventoryLevel(): UseMutationResult<
  InventoryLevel,
  AgentStackError,
  UpdateInventoryLevelVariables
> {
  return useWriteMutation(
    (client, { id, body }: UpdateInventoryLevelVariables) => client.commerce.inventoryLevels.update(id, body),
    afterStockWrite,
  );
}

/** Creates a stock location (`POST /v1/commerce/stock-locations`; a second one needs `commerce.advancedInventory`). */
export function useCreateStockLocation(): UseMutationResult<
  StockLocation,
  AgentStackError,
  StockLocationCreate
> {
  return useWriteMutation(
    (client, body: StockLocationCreate) => client.commerce.stockLocations.create(body),
    afterStockWrite,
  );
}
