import type { AgentStackError, User, UserCreate } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterUserSaved } from './afterUserWrite';

/**
 * Invites a dashboard user (`POST /v1/platform/users`). Each user takes a seat of
 * `platform.dashboardUsers`: past it the error is a `PlanLimitError` (`tier_limit_reached`) naming
 * the plan that lifts it. A taken email answers `409 conflict` with `param: 'email'`; only an owner
 * may create an owner (`403 forbidden`).
 */
export function useCreateUser(): UseMutationResult<User, AgentStackError, UserCreate> {
  return useWriteMutation((client, body: UserCreate) => client.platform.users.create(body), afterUserSaved);
}
