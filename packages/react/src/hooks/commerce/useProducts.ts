import type { AgentStackError, ListResponse, Product, ProductListParams } from '@agentstack/sdk';
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { productQueries } from './productKeys';

/** Options of {@link useProducts}. */
export interface UseProductsOptions {
  /** Keep showing the previous page while the next loads. Defaults to `true`. */
  keepPrevious?: boolean;
  /** Defaults to `true`. */
  enabled?: boolean;
}

/**
 * One page of the tenant's products (`GET /v1/commerce/products`), newest first.
 * @example const { data } = useProducts({ limit: 20, status: 'active' });
 */
export function useProducts(
  params: ProductListParams = {},
  options: UseProductsOptions = {},
): UseQueryResult<ListResponse<Product>, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({
    ...productQueries.list(client, params),
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
