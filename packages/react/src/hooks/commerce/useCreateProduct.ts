import type { AgentStackError, Product, ProductCreate } from '@agentstack/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { afterProductWrite } from './mutations';

/**
 * Creates a product (`POST /v1/commerce/products`). Beyond the plan's `commerce.products` limit
 * the error is a `PlanLimitError` (`code: 'tier_limit_reached'`) naming the plan that lifts it.
 */
export function useCreateProduct(): UseMutationResult<Product, AgentStackError, ProductCreate> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductCreate) => client.commerce.products.create(body),
    onSuccess: (product) => afterProductWrite(queryClient, [product]),
  });
}
