import type { AgentStackError, Product } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterProductSaved } from './afterProductWrite';

/** Archives a product by id (`POST /v1/commerce/products/:id/archive`); idempotent. */
export function useArchiveProduct(): UseMutationResult<Product, AgentStackError, string> {
  return useWriteMutation((client, id: string) => client.commerce.products.archive(id), afterProductSaved);
}
