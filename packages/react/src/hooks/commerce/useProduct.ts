import type { AgentStackError, Product } from '@agentstack/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { productQueries } from './productKeys';

/** One product by id (`GET /v1/commerce/products/:id`). Disabled while `id` is empty. */
export function useProduct(id: string | null | undefined): UseQueryResult<Product, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({ ...productQueries.detail(client, id ?? ''), enabled: Boolean(id) });
}
