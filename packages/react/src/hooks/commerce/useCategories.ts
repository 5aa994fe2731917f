import type {
  AgentStackError,
  ListResponse,
  ProductCategory,
  ProductCategoryCreate,
  ProductCategoryListParams,
  ProductCategoryUpdate,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { categoryKeys, categoryQueries } from './catalogKeys';
import { productKeys } from './productKeys';

// Deleting (or moving) one changes products and what their filters list: refetch both.
const afterWrite = (queryClient: QueryClient) =>
  invalidateAll(queryClient, categoryKeys.all, productKeys.all);

/** One page of categories (`GET /v1/commerce/categories`, by name; build the tree from `parentId`). */
export function useCategories(
  params: ProductCategoryListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<ProductCategory>, AgentStackError> {
  return useListQuery((client) => categoryQueries.list(client, params), options);
}

/** One category by id. Disabled while `id` is empty. */
export function useCategory(id: string | null | undefined): UseQueryResult<ProductCategory, AgentStackError> {
  return useDetailQuery(categoryQueries.detail, id);
}

/** Creates a category (`POST /v1/commerce/categories`). */
export function useCreateCategory(): UseMutationResult<
  ProductCategory,
  AgentStackError,
  ProductCategoryCreate
> {
  return useWriteMutation(
    (client, body: ProductCategoryCreate) => client.commerce.categories.create(body),
    afterWrite,
  );
}

/** Variables of {@link useUpdateCategory}. */
export interface UpdateCategoryVariables {
  id: string;
  body: ProductCategoryUpdate;
}

/** Updates a category (`PATCH /v1/commerce/categories/:id`). */
export function useUpdateCategory(): UseMutationResult<
  ProductCategory,
  AgentStackError,
  UpdateCategoryVariables
> {
  return useWriteMutation(
    (client, { id, body }: UpdateCategoryVariables) => client.commerce.categories.update(id, body),
    afterWrite,
  );
}

/** Deletes a category (`DELETE /v1/commerce/categories/:id`); its products leave it. */
export function useDeleteCategory(): UseMutationResult<
  { id: string; deleted: true },
  AgentStackError,
  string
> {
  return useWriteMutation((client, id: string) => client.commerce.categories.del(id), afterWrite);
}
