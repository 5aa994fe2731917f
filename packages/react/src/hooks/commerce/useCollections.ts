import type {
  AgentStackError,
  ListResponse,
  ProductCollection,
  ProductCollectionCreate,
  ProductCollectionListParams,
  ProductCollectionUpdate,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { collectionKeys, collectionQueries } from './catalogKeys';
import { productKeys } from './productKeys';

// Deleting (or moving) one changes products and what their filters list: refetch both.
const afterWrite = (queryClient: QueryClient) =>
  invalidateAll(queryClient, collectionKeys.all, productKeys.all);

/** One page of collections (`GET /v1/commerce/collections`, by title). */
export function useCollections(
  params: ProductCollectionListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<ProductCollection>, AgentStackError> {
  return useListQuery((client) => collectionQueries.list(client, params), options);
}

/** One collection by id. Disabled while `id` is empty. */
export function useCollection(
  id: string | null | undefined,
): UseQueryResult<ProductCollection, AgentStackError> {
  return useDetailQuery(collectionQueries.detail, id);
}

/** Creates a collection (`POST /v1/commerce/collections`). */
export function useCreateCollection(): UseMutationResult<
  ProductCollection,
  AgentStackError,
  ProductCollectionCreate
> {
  return useWriteMutation(
    (client, body: ProductCollectionCreate) => client.commerce.collections.create(body),
    afterWrite,
  );
}

/** Variables of {@link useUpdateCollection}. */
export interface UpdateCollectionVariables {
  id: string;
  body: ProductCollectionUpdate;
}

/** Updates a collection (`PATCH /v1/commerce/collections/:id`). */
export function useUpdateCollection(): UseMutationResult<
  ProductCollection,
  AgentStackError,
  UpdateCollectionVariables
> {
  return useWriteMutation(
    (client, { id, body }: UpdateCollectionVariables) => client.commerce.collections.update(id, body),
    afterWrite,
  );
}

/** Deletes a collection (`DELETE /v1/commerce/collections/:id`); its products leave it. */
export function useDeleteCollection(): UseMutationResult<
  { id: string; deleted: true },
  AgentStackError,
  string
> {
  return useWriteMutation((client, id: string) => client.commerce.collections.del(id), afterWrite);
}
