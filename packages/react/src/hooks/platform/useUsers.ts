import type {
  AgentStackError,
  DeletedUser,
  ListResponse,
  PageParams,
  User,
  UserCreate,
  UserUpdate,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { platformKeys, platformQueries } from './platformKeys';

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
  params: PageParams = {},
  options: UseUsersOptions = {},
): UseQueryResult<ListResponse<User>, AgentStackError> {
  return useListQuery((client) => platformQueries.userList(client, params), options);
}

/** One dashboard user by id (`GET /v1/platform/users/:id`). Disabled while `id` is empty. */
export function useUser(id: string | null | undefined): UseQueryResult<User, AgentStackError> {
  return useDetailQuery(platformQueries.user, id);
}

/** @internal After a user write: refetch the lists and the seat usage (`platform.dashboardUsers`). */
function afterUserWrite(queryClient: QueryClient): Promise<void> {
  return invalidateAll(queryClient, platformKeys.userLists(), platformKeys.entitlements());
}

/** @internal After a user create or update: cache the user, then {@link afterUserWrite}. */
function afterUserSaved(queryClient: QueryClient, user: User): Promise<void> {
  queryClient.setQueryData(platformKeys.user(user.id), user);
  return afterUserWrite(queryClient);
}

/**
 * Invites a dashboard user (`POST /v1/platform/users`). Each user takes a seat of
 * `platform.dashboardUsers`: past it the error is a `PlanLimitError` (`tier_limit_reached`) naming
 * the plan that lifts it. A taken email answers `409 conflict` with `param: 'email'`; only an owner
 * may create an owner (`403 forbidden`).
 */
export function useCreateUser(): UseMutationResult<User, AgentStackError, UserCreate> {
  return useWriteMutation((client, body: UserCreate) => client.platform.users.create(body), afterUserSaved);
}

/** Variables of {@link useUpdateUser}. */
export interface UpdateUserVariables {
  id: string;
  body: UserUpdate;
}

/**
 * Changes a user's name, role or password (`PATCH /v1/platform/users/:id`). Only an owner may
 * promote to, or change, an owner.
 */
export function useUpdateUser(): UseMutationResult<User, AgentStackError, UpdateUserVariables> {
  return useWriteMutation(
    (client, { id, body }: UpdateUserVariables) => client.platform.users.update(id, body),
    afterUserSaved,
  );
}

/**
 * Removes a dashboard user by id (`DELETE /v1/platform/users/:id`), freeing a seat. Nobody can
 * delete themself, and only an owner may delete an owner.
 */
export function useDeleteUser(): UseMutationResult<DeletedUser, AgentStackError, string> {
  return useWriteMutation(
    (client, id: string) => client.platform.users.del(id),
    (queryClient, deleted) => {
      queryClient.removeQueries({ queryKey: platformKeys.user(deleted.id) });
      return afterUserWrite(queryClient);
    },
  );
}
