import type { AgentStack, AgentStackError } from '@agentstack/sdk';
import {
  type QueryClient,
  type QueryKey,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';

/**
 * @internal The body of every write hook: calls the provider's client, then runs `afterWrite`
 * (cache the answer, invalidate what it changed). The mutation settles only once `afterWrite`'s
 * promise has, so callers' `onSuccess` sees fresh lists.
 * @example
 * return useWriteMutation(
 *   (client, id: string) => client.platform.apiKeys.revoke(id),
 *   (queryClient) => invalidateAll(queryClient, platformKeys.apiKeys()),
 * );
 */
export function useWriteMutation<TData, TVariables>(
  write: (client: AgentStack, variables: TVariables) => Promise<TData>,
  afterWrite: (queryClient: QueryClient, data: TData) => Promise<unknown>,
): UseMutationResult<TData, AgentStackError, TVariables> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: TVariables) => write(client, variables),
    onSuccess: (data) => afterWrite(queryClient, data),
  });
}

/** @internal Invalidates (refetches) every query under each key, and waits for all of them. */
export async function invalidateAll(queryClient: QueryClient, ...keys: QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
