import type { AgentStackError, ListResponse, User } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { platformQueries, type UserListParams } from './platformKeys';

/**
 * Options of {@link useUsers}: `keepPrevious` (defaults to `true`) and `enabled` (defaults to
 * `true`; pass `false` when the caller lacks `platform:users:read`).
 */
export type UseUsersOptions = ListQueryOptions;

/**
 * One page of the tenant's dashboard users (`GET /v1/platform/users`), newest first. Needs
 * permission `platform:users:read` (owner, admin, support); others get `403 forbidden`.
 * @example const { data } = useUsers({ limit: 50 });
 */
export function useUsers(
  params: UserListParams = {},
  options: UseUsersOptions = {},
): UseQueryResult<ListResponse<User>, AgentStackError> {
  return useListQuery((client) => platformQueries.userList(client, params), options);
}
