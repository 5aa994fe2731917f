import type { Agency, AgencyUpdate, AgentStackError, ListResponse, PageParams } from '@agentstack/sdk';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { platformKeys, platformQueries } from './platformKeys';

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

/** One agency and its brand (`GET /v1/platform/agencies/:id`). Disabled while `id` is empty. */
export function useAgency(id: string | null | undefined): UseQueryResult<Agency, AgentStackError> {
  return useDetailQuery(platformQueries.agency, id);
}

/** Variables of {@link useUpdateAgency}. */
export interface UpdateAgencyVariables {
  id: string;
  /** `brand` is merged field by field into the stored brand. */
  body: AgencyUpdate;
}

/**
 * Partially updates an agency's name or brand (`PATCH /v1/platform/agencies/:id`). Refetches the
 * agency lists and the brand the dashboards read, so a re-branded dashboard repaints.
 * @example update.mutate({ id, body: { brand: { primaryColor: '#0f766e' } } })
 */
export function useUpdateAgency(): UseMutationResult<Agency, AgentStackError, UpdateAgencyVariables> {
  return useWriteMutation(
    (client, { id, body }: UpdateAgencyVariables) => client.platform.agencies.update(id, body),
    (queryClient, agency) => {
      queryClient.setQueryData(platformKeys.agency(agency.id), agency);
      return invalidateAll(queryClient, platformKeys.agencyLists(), platformKeys.brand());
    },
  );
}
