import type { AgentStackError, User } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { platformQueries } from './platformKeys';

/** One dashboard user by id (`GET /v1/platform/users/:id`). Disabled while `id` is empty. */
export function useUser(id: string | null | undefined): UseQueryResult<User, AgentStackError> {
  return useDetailQuery(platformQueries.user, id);
}
