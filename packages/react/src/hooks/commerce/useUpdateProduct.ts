import type { AgentStackError, Product, ProductUpdate } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterProductSaved } from './afterProductWrite';

/** Variables of {@link useUpdateProduct}. */
export interface UpdateProductVariables {
  id: string;
  body: ProductUpdate;
}

/** Partially updates a product (`PATCH /v1/commerce/products/:id`). */
export function useUpdateProduct(): UseMutationResult<Product, AgentStackError, UpdateProductVariables> {
  return useWriteMutation(
    (client, { id, body }: UpdateProductVariables) => client.commerce.products.update(id, body),
    afterProductSaved,
  );
}
