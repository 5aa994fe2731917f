import type { Agency, AgentStackError, ListResponse, PageParams } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { useListQuery } from '../shared/useListQuery';
import { platformQueries } from './platformKeys';

/**
 * One page of agencies (resellers) with their brands (`GET /v1/platform/agencies`, operator
 * credential), newest first. Keeps the previous page while the next loads.
 */
export function useAgencies(
  params: PageParams = {},
  options: { enabled?: boolean } = {},
): UseQueryResult<ListResponse<Agency>, AgentStackError> {
  return useListQuery((client) => platformQueries.agencyList(client, params), { enabled: options.enabled });
}
