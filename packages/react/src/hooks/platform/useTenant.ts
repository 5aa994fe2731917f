import type { AgentStackError, Tenant } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { platformQueries } from './platformKeys';

/** One tenant (`GET /v1/platform/tenants/:id`, operator credential). Disabled while `id` is empty. */
export function useTenant(id: string | null | undefined): UseQueryResult<Tenant, AgentStackError> {
  return useDetailQuery(platformQueries.tenant, id);
}
