import type { AgentStackError, ListResponse, Product } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterProductWrite } from './afterProductWrite';

/**
 * Archives up to 100 products at once (`POST /v1/commerce/products/bulk-archive`). Needs plan
 * feature `commerce.bulkOperations` (commerce Growth); otherwise fails with `feature_not_in_plan`.
 */
export function useBulkArchiveProducts(): UseMutationResult<
  ListResponse<Product>,
  AgentStackError,
  string[]
> {
  return useWriteMutation(
    (client, ids: string[]) => client.commerce.products.bulkArchive({ ids }),
    (queryClient, page) => afterProductWrite(queryClient, page.data),
  );
}
