import type {
  AgentStackError,
  DeletedProductVariant,
  ListParams,
  ListResponse,
  ProductVariant,
  ProductVariantCreate,
  ProductVariantUpdate,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { variantKeys, variantQueries } from './catalogKeys';
import { productKeys } from './productKeys';

/** A product embeds its variants: after a variant write, refetch products and variant lists. */
const afterVariantWrite = (queryClient: QueryClient) =>
  invalidateAll(queryClient, productKeys.all, variantKeys.all);

/**
 * One page of a product's variants (`GET /v1/commerce/products/:id/variants`), in creation order.
 * Disabled while `productId` is empty.
 */
export function useVariants(
  productId: string | null | undefined,
  params: ListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<ProductVariant>, AgentStackError> {
  return useListQuery((client) => variantQueries.list(client, { ...params, productId: productId ?? '' }), {
    ...options,
    enabled: Boolean(productId) && (options.enabled ?? true),
  });
}

/** Variables of {@link useCreateVariant}. */
export interface CreateVariantVariables {
  productId: string;
  body: ProductVariantCreate;
}

/** Adds a variant to a product (`POST /v1/commerce/products/:id/variants`). */
export function useCreateVariant(): UseMutationResult<
  ProductVariant,
  AgentStackError,
  CreateVariantVariables
> {
  return useWriteMutation(
    (client, { productId, body }: CreateVariantVariables) => client.commerce.variants.create(productId, body),
    afterVariantWrite,
  );
}

/** Variables of {@link useUpdateVariant}. */
export interface UpdateVariantVariables {
  productId: string;
  variantId: string;
  body: ProductVariantUpdate;
}

/** Updates a variant (`PATCH /v1/commerce/products/:id/variants/:variantId`). */
export function useUpdateVariant(): UseMutationResult<
  ProductVariant,
  AgentStackError,
  UpdateVariantVariables
> {
  return useWriteMutation(
    (client, { productId, variantId, body }: UpdateVariantVariables) =>
      client.commerce.variants.update(productId, variantId, body),
    afterVariantWrite,
  );
}

/** Variables of {@link useDeleteVariant}. */
export interface DeleteVariantVariables {
  productId: string;
  variantId: string;
}

/** Deletes a variant (`DELETE /v1/commerce/products/:id/variants/:variantId`). */
export function useDeleteVariant(): UseMutationResult<
  DeletedProductVariant,
  AgentStackError,
  DeleteVariantVariables
> {
  return useWriteMutation(
    (client, { productId, variantId }: DeleteVariantVariables) =>
      client.commerce.variants.del(productId, variantId),
    afterVariantWrite,
  );
}
