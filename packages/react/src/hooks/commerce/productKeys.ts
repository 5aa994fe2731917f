import type { AgentStack, AgentStackError, ListResponse, Product, ProductListParams } from '@agentstack/sdk';
import { type DataTag, queryOptions } from '@tanstack/react-query';

type ProductsRoot = readonly ['agentstack', 'commerce', 'products'];
type ListKey = readonly [...ProductsRoot, 'list', ProductListParams];
type DetailKey = readonly [...ProductsRoot, 'detail', string];

/**
 * Query keys of commerce products. Keys carry their data type, so
 * `queryClient.getQueryData(productKeys.detail(id))` is a `Product | undefined`.
 */
export const productKeys = {
  /** Every product query: invalidate this after any write. */
  all: ['agentstack', 'commerce', 'products'] as ProductsRoot,
  /** Every list query. */
  lists: () => [...productKeys.all, 'list'] as const,
  /** One page of a list. */
  list: (params: ProductListParams = {}) =>
    [...productKeys.lists(), params] as unknown as DataTag<ListKey, ListResponse<Product>, AgentStackError>,
  /** Every single-product query. */
  details: () => [...productKeys.all, 'detail'] as const,
  /** One product. */
  detail: (id: string) =>
    [...productKeys.details(), id] as unknown as DataTag<DetailKey, Product, AgentStackError>,
};

/** Query options (key + fetcher) for products, for `useQuery`, `prefetchQuery` or `ensureQueryData`. */
export const productQueries = {
  /** One page of products. */
  list: (client: AgentStack, params: ProductListParams = {}) =>
    queryOptions<ListResponse<Product>, AgentStackError, ListResponse<Product>, ListKey>({
      queryKey: productKeys.list(params),
      // `list()` answers a thenable PagePromise; await it so the cache holds the plain page.
      queryFn: async ({ signal }): Promise<ListResponse<Product>> =>
        await client.commerce.products.list(params, { signal }),
    }),
  /** One product by id. */
  detail: (client: AgentStack, id: string) =>
    queryOptions<Product, AgentStackError, Product, DetailKey>({
      queryKey: productKeys.detail(id),
      queryFn: ({ signal }) => client.commerce.products.retrieve(id, { signal }),
    }),
};
