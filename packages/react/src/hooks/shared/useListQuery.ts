import type { AgentStack, AgentStackError } from '@agentstack/sdk';
import {
  keepPreviousData,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';

/** Options shared by the kit's paged list hooks (`useProducts`, `useUsers`, `useTenants`…). */
export interface ListQueryOptions {
  /** Keep showing the previous page while the next loads. Defaults to `true`. */
  keepPrevious?: boolean;
  /** Defaults to `true`; pass `false` to skip the request (e.g. the caller may not read the list). */
  enabled?: boolean;
}

/**
 * @internal The body of every list hook: the query options built for the provider's client, the
 * previous page kept as placeholder while the next loads (unless `keepPrevious: false`), and
 * `enabled` (default `true`).
 * @example return useListQuery((client) => platformQueries.userList(client, params), options);
 */
export function useListQuery<TData, TKey extends QueryKey>(
  queryFor: (client: AgentStack) => UseQueryOptions<TData, AgentStackError, TData, TKey>,
  options: ListQueryOptions = {},
): UseQueryResult<TData, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({
    ...queryFor(client),
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
