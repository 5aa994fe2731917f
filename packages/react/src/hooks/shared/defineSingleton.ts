import type { AgentStack, AgentStackError } from '@agentstack/sdk';
import { queryOptions } from '@tanstack/react-query';
import { dataKey } from './dataKey';
import type { FetchOptions } from './defineResource';

/**
 * @internal The typed key and `queryOptions` of a single document (the caller, entitlements, brand,
 * plan catalogue): no params, no pages.
 * @example const me = defineSingleton(['agentstack', 'platform', 'me'], (client, o) => client.platform.me.retrieve(o));
 */
export function defineSingleton<const TKey extends readonly string[], TData>(
  queryKey: TKey,
  fetch: (client: AgentStack, options: FetchOptions) => PromiseLike<TData>,
  staleTime?: number,
) {
  const key = () => dataKey<TData>()(queryKey);
  const query = (client: AgentStack) =>
    queryOptions<TData, AgentStackError, TData, ReturnType<typeof key>>({
      queryKey: key(),
      queryFn: async ({ signal }) => await fetch(client, { signal }),
      ...(staleTime !== undefined ? { staleTime } : {}),
    });
  return { key, query };
}
