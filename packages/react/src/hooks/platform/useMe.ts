import type { AgentStackError, Principal } from '@agentstack/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { platformQueries } from './platformKeys';

/** Who the client's credential is (`GET /v1/platform/me`): kind, tenant, role and permissions. */
export function useMe(): UseQueryResult<Principal, AgentStackError> {
  return useQuery(platformQueries.me(useAgentStackClient()));
}
