import type { AgentStackError } from '@agentstack/sdk';
import { type DataTag, type QueryKey, queryOptions } from '@tanstack/react-query';

/** A query key that carries the type of the data cached under it, and of the error. */
export type DataKey<TKey extends QueryKey, TData> = DataTag<TKey, TData, AgentStackError>;

/**
 * @internal Tags a query key with the data its query caches, through TanStack's `queryOptions()`
 * (no cast), so `queryClient.getQueryData(key)` and `setQueryData(key, …)` are typed. Curried so
 * the data type is given and the key's literal tuple type is inferred.
 * @example const detail = (id: string) => dataKey<Product>()(['agentstack', 'commerce', 'products', 'detail', id]);
 */
export const dataKey =
  <TData>() =>
  <const TKey extends QueryKey>(queryKey: TKey): DataKey<TKey, TData> =>
    queryOptions<TData, AgentStackError, TData, TKey>({ queryKey }).queryKey;
