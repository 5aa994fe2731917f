import type { AgentStackError, Entitlements } from '@agentstack/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useAgentStack } from '../../provider/context';
import { platformQueries } from './platformKeys';

/**
 * The tenant's entitlements with usage (`GET /v1/platform/entitlements`). When the provider was
 * given `entitlements`, those are returned and nothing is fetched. `enabled: false` skips the
 * request (e.g. for a component that was told what to show).
 */
export function useEntitlements(
  options: { enabled?: boolean } = {},
): UseQueryResult<Entitlements, AgentStackError> {
  const { client, entitlements } = useAgentStack();
  return useQuery({
    ...platformQueries.entitlements(client),
    enabled: options.enabled ?? true,
    ...(entitlements
      ? { initialData: entitlements, enabled: false, staleTime: Number.POSITIVE_INFINITY }
      : {}),
  });
}
