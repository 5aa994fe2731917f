import type { AgentStack, AgentStackError } from '@agentstack/sdk';
import { type QueryKey, type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';

/**
 * @internal The body of every "one resource by id" hook: the query options for the provider's
 * client, disabled while `id` is empty (`null`, `undefined` or `''`).
 * @example return useDetailQuery((client, id) => productQueries.detail(client, id), id);
 */
export function useDetailQuery<TData, TKey extends QueryKey>(
  queryFor: (client: AgentStack, id: string) => UseQueryOptions<TData, AgentStackError, TData, TKey>,
  id: string | null | undefined,
): UseQueryResult<TData, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({ ...queryFor(client, id ?? ''), enabled: Boolean(id) });
}
