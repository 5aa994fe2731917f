import type { AgentStackError, Product, ProductUpdate } from '@agentstack/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { afterProductWrite } from './mutations';

/** Variables of {@link useUpdateProduct}. */
export interface UpdateProductVariables {
  id: string;
  body: ProductUpdate;
}

/** Partially updates a product (`PATCH /v1/commerce/products/:id`). */
export function useUpdateProduct(): UseMutationResult<Product, AgentStackError, UpdateProductVariables> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: UpdateProductVariables) => client.commerce.products.update(id, body),
    onSuccess: (product) => afterProductWrite(queryClient, [product]),
  });
}
