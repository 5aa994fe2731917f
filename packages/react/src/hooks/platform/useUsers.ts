import type {
  AgentStackError,
  DeletedUser,
  ListResponse,
  PageParams,
  User,
  UserCreate,
  UserUpdate,
} from '@agentstack/sdk';
import {
  keepPreviousData,
  type QueryClient,
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { platformKeys, platformQueries } from './platformKeys';

/** Options of {@link useUsers}. */
export interface UseUsersOptions {
  /** Keep showing the previous page while the next loads. Defaults to `true`. */
  keepPrevious?: boolean;
  /** Defaults to `true`; pass `false` when the caller lacks `platform:users:read`. */
  enabled?: boolean;
}

/**
 * One page of the tenant's dashboard users (`GET /v1/platform/users`), newest first. Needs
 * permission `platform:users:read` (owner, admin, support); others get `403 forbidden`.
 * @example const { data } = useUsers({ limit: 50 });
 */
export function useUsers(
  params: PageParams = {},
  options: UseUsersOptions = {},
): UseQueryResult<ListResponse<User>, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({
    ...platformQueries.userList(client, params),
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** One dashboard user by id (`GET /v1/platform/users/:id`). Disabled while `id` is empty. */
export function useUser(id: string | null | undefined): UseQueryResult<User, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({ ...platformQueries.user(client, id ?? ''), enabled: Boolean(id) });
}

/** @internal After a user write: refetch the lists and the seat usage (`platform.dashboardUsers`). */
async function afterUserWrite(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: platformKeys.userLists() }),
    queryClient.invalidateQueries({ queryKey: platformKeys.entitlements() }),
  ]);
}

/**
 * Invites a dashboard user (`POST /v1/platform/users`). Each user takes a seat of
 * `platform.dashboardUsers`: past it the error is a `PlanLimitError` (`tier_limit_reached`) naming
 * the plan that lifts it. A taken email answers `409 conflict` with `param: 'email'`; only an owner
 * may create an owner (`403 forbidden`).
 */
export function useCreateUser(): UseMutationResult<User, AgentStackError, UserCreate> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => client.platform.users.create(body),
    onSuccess: async (user) => {
      queryClient.setQueryData(platformKeys.user(user.id), user);
      await afterUserWrite(queryClient);
    },
  });
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
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: UpdateUserVariables) => client.platform.users.update(id, body),
    onSuccess: async (user) => {
      queryClient.setQueryData(platformKeys.user(user.id), user);
      await afterUserWrite(queryClient);
    },
  });
}

/**
 * Removes a dashboard user by id (`DELETE /v1/platform/users/:id`), freeing a seat. Nobody can
 * delete themself, and only an owner may delete an owner.
 */
export function useDeleteUser(): UseMutationResult<DeletedUser, AgentStackError, string> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.platform.users.del(id),
    onSuccess: async (deleted) => {
      queryClient.removeQueries({ queryKey: platformKeys.user(deleted.id) });
      await afterUserWrite(queryClient);
    },
  });
}
