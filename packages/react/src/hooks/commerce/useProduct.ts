import type { AgentStackError, Product } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { productQueries } from './productKeys';

/** One product by id (`GET /v1/commerce/products/:id`). Disabled while `id` is empty. */
export function useProduct(id: string | null | undefined): UseQueryResult<Product, AgentStackError> {
  return useDetailQuery(productQueries.detail, id);
}
