import type { AgentStackError, DeletedUser } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterUserWrite } from './afterUserWrite';
import { platformKeys } from './platformKeys';

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
