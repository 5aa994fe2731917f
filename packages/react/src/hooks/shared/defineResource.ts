import type { AgentStack, AgentStackError, ListResponse } from '@agentstack/sdk';
import { queryOptions } from '@tanstack/react-query';
import { dataKey } from './dataKey';

/** What a fetcher gets besides its arguments: the query's abort signal. */
export interface FetchOptions {
  signal: AbortSignal;
}

/** How a listable resource is fetched with the SDK; the item and params types are inferred from it. */
export interface ResourceFetchers<TItem, TParams extends object> {
  /** One page (`GET /v1/…`). The SDK's `PagePromise` is awaited, so the cache holds the plain page. */
  list: (
    client: AgentStack,
    params: TParams | undefined,
    options: FetchOptions,
  ) => PromiseLike<ListResponse<TItem>>;
  /** One item by id (`GET /v1/…/:id`), when the resource has one. */
  retrieve?: (client: AgentStack, id: string, options: FetchOptions) => PromiseLike<TItem>;
}

/**
 * @internal The typed query keys and `queryOptions` of one listable resource, from its root key and
 * its SDK calls. Keys nest (`all` ⊃ `lists()` ⊃ `list(params)`, `all` ⊃ `details()` ⊃ `detail(id)`),
 * so invalidating a prefix refetches what is under it, and `list`/`detail` keys carry their data
 * type for `getQueryData`.
 *
 * @example
 * const products = defineResource(['agentstack', 'commerce', 'products'], {
 *   list: (client, params?: ProductListParams, options) => client.commerce.products.list(params, options),
 *   retrieve: (client, id, options) => client.commerce.products.retrieve(id, options),
 * });
 * queryClient.getQueryData(products.keys.detail(id)); // Product | undefined
 */
export function defineResource<const TRoot extends readonly string[], TItem, TParams extends object>(
  root: TRoot,
  fetchers: ResourceFetchers<TItem, TParams>,
) {
  const keys = {
    /** Every query of the resource: invalidate this after any write. */
    all: root,
    /** Every list page. */
    lists: () => [...root, 'list'] as const,
    /** One page of the list, for these params. */
    list: (params?: TParams) => dataKey<ListResponse<TItem>>()([...root, 'list', params ?? {}]),
    /** Every single-item query. */
    details: () => [...root, 'detail'] as const,
    /** One item. */
    detail: (id: string) => dataKey<TItem>()([...root, 'detail', id]),
  };
  const queries = {
    /** One page of the list: key and fetcher, for `useQuery`, `prefetchQuery` or `ensureQueryData`. */
    list: (client: AgentStack, params?: TParams) =>
      queryOptions<ListResponse<TItem>, AgentStackError, ListResponse<TItem>, ReturnType<typeof keys.list>>({
        queryKey: keys.list(params),
        queryFn: async ({ signal }) => await fetchers.list(client, params, { signal }),
      }),
    /** One item by id. */
    detail: (client: AgentStack, id: string) =>
      queryOptions<TItem, AgentStackError, TItem, ReturnType<typeof keys.detail>>({
        queryKey: keys.detail(id),
        queryFn: async ({ signal }) => {
          if (!fetchers.retrieve) throw new TypeError(`${root.join('.')} has no retrieve`);
          return await fetchers.retrieve(client, id, { signal });
        },
      }),
  };
  return { keys, queries };
}
