import type { AgentStackError, Plan } from '@agentstack/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { platformQueries } from './platformKeys';

/**
 * The plan catalogue as the API serves it (`GET /v1/platform/plans`): every tier of every domain
 * (`kind: 'plan'`, lowest rank first), then every add-on (`kind: 'addon'`). Readable with any
 * credential, publishable keys included. Cached for an hour.
 * @example const { data: plans } = usePlans(); const addons = plans?.filter((p) => p.kind === 'addon');
 */
export function usePlans(): UseQueryResult<Plan[], AgentStackError> {
  return useQuery(platformQueries.plans(useAgentStackClient()));
}
