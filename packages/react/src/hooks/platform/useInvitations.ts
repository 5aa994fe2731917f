import type { AgentStackError, Invitation, ListResponse, PageParams } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { platformQueries } from './platformKeys';

/**
 * One page of the tenant's pending invitations (`GET /v1/platform/invitations`), newest first:
 * accepted, revoked and expired ones are not listed, and tokens never are. Needs
 * `platform:users:read`; pass `enabled: false` otherwise.
 */
export function useInvitations(
  params: PageParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<Invitation>, AgentStackError> {
  return useListQuery((client) => platformQueries.invitationList(client, params), options);
}
