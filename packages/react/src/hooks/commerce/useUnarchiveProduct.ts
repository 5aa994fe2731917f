import type { AgentStackError, Product } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterProductSaved } from './afterProductWrite';

/**
 * Restores an archived product to `draft` (`POST /v1/commerce/products/:id/unarchive`). It counts
 * against the plan limit again, so this can fail with `tier_limit_reached`.
 */
export function useUnarchiveProduct(): UseMutationResult<Product, AgentStackError, string> {
  return useWriteMutation((client, id: string) => client.commerce.products.unarchive(id), afterProductSaved);
}
