import type { AgentStackError, User, UserUpdate } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterUserSaved } from './afterUserWrite';

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
