import type { AgentStackError, ListResponse, Product, ProductListParams } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { productQueries } from './productKeys';

/** Options of {@link useProducts}: `keepPrevious` and `enabled`, both defaulting to `true`. */
export type UseProductsOptions = ListQueryOptions;

/**
 * One page of the tenant's products (`GET /v1/commerce/products`), newest first.
 * @example const { data } = useProducts({ limit: 20, status: 'active' });
 */
export function useProducts(
  params: ProductListParams = {},
  options: UseProductsOptions = {},
): UseQueryResult<ListResponse<Product>, AgentStackError> {
  return useListQuery((client) => productQueries.list(client, params), options);
}
