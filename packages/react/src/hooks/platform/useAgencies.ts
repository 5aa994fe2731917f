import type { Agency, AgencyUpdate, AgentStackError, ListResponse, PageParams } from '@agentstack/sdk';
import {
  keepPreviousData,
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { platformKeys, platformQueries } from './platformKeys';

/**
 * One page of agencies (resellers) with their brands (`GET /v1/platform/agencies`, operator
 * credential), newest first. Keeps the previous page while the next loads.
 */
export function useAgencies(
  params: PageParams = {},
  options: { enabled?: boolean } = {},
): UseQueryResult<ListResponse<Agency>, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({
    ...platformQueries.agencyList(client, params),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** One agency and its brand (`GET /v1/platform/agencies/:id`). Disabled while `id` is empty. */
export function useAgency(id: string | null | undefined): UseQueryResult<Agency, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({ ...platformQueries.agency(client, id ?? ''), enabled: Boolean(id) });
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
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: UpdateAgencyVariables) => client.platform.agencies.update(id, body),
    onSuccess: async (agency) => {
      queryClient.setQueryData(platformKeys.agency(agency.id), agency);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: platformKeys.agencyLists() }),
        queryClient.invalidateQueries({ queryKey: platformKeys.brand() }),
      ]);
    },
  });
}
