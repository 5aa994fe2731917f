import type { AgentStackError, Product } from '@agentstack/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { afterProductWrite } from './mutations';

/** Archives a product by id (`POST /v1/commerce/products/:id/archive`); idempotent. */
export function useArchiveProduct(): UseMutationResult<Product, AgentStackError, string> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.commerce.products.archive(id),
    onSuccess: (product) => afterProductWrite(queryClient, [product]),
  });
}

/**
 * Restores an archived product to `draft` (`POST /v1/commerce/products/:id/unarchive`). It counts
 * against the plan limit again, so this can fail with `tier_limit_reached`.
 */
export function useUnarchiveProduct(): UseMutationResult<Product, AgentStackError, string> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.commerce.products.unarchive(id),
    onSuccess: (product) => afterProductWrite(queryClient, [product]),
  });
}
