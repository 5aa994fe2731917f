import type { AgencyKey, AgentStackError, ListResponse, PageParams } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { platformQueries } from './platformKeys';

/**
 * One page of an agency's keys (`GET /v1/platform/agencies/:id/api-keys`), newest first, revoked
 * ones included, each with who created it; secrets are never listed. An operator lists any
 * agency's; an agency key its own agency's (another answers `404`). Disabled while `agencyId` is empty.
 * @example const { data } = useAgencyKeys(agency.id);
 */
export function useAgencyKeys(
  agencyId: string | null | undefined,
  params: PageParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<AgencyKey>, AgentStackError> {
  return useListQuery(
    (client) => platformQueries.agencyKeyList(client, { ...params, agencyId: agencyId ?? '' }),
    {
      ...options,
      enabled: Boolean(agencyId) && options.enabled !== false,
    },
  );
}
