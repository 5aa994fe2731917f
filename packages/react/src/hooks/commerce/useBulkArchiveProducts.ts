import type { AgentStackError, ListResponse, Product } from '@agentstack/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { afterProductWrite } from './mutations';

/**
 * Archives up to 100 products at once (`POST /v1/commerce/products/bulk-archive`). Needs plan
 * feature `commerce.bulkOperations` (commerce Growth); otherwise fails with `feature_not_in_plan`.
 */
export function useBulkArchiveProducts(): UseMutationResult<
  ListResponse<Product>,
  AgentStackError,
  string[]
> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => client.commerce.products.bulkArchive({ ids }),
    onSuccess: (page) => afterProductWrite(queryClient, page.data),
  });
}
