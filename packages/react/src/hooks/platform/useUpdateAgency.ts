import type { Agency, AgencyUpdate, AgentStackError } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { platformKeys } from './platformKeys';

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
