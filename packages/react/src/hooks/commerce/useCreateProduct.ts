import type { AgentStackError, Product, ProductCreate } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterProductSaved } from './afterProductWrite';

/**
 * Creates a product (`POST /v1/commerce/products`). Beyond the plan's `commerce.products` limit
 * the error is a `PlanLimitError` (`code: 'tier_limit_reached'`) naming the plan that lifts it.
 */
export function useCreateProduct(): UseMutationResult<Product, AgentStackError, ProductCreate> {
  return useWriteMutation(
    (client, body: ProductCreate) => client.commerce.products.create(body),
    afterProductSaved,
  );
}
