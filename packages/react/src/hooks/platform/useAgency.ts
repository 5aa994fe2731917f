import type { Agency, AgentStackError } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { platformQueries } from './platformKeys';

/** One agency and its brand (`GET /v1/platform/agencies/:id`). Disabled while `id` is empty. */
export function useAgency(id: string | null | undefined): UseQueryResult<Agency, AgentStackError> {
  return useDetailQuery(platformQueries.agency, id);
}
