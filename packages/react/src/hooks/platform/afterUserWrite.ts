import type { User } from '@agentstack/sdk';
import type { QueryClient } from '@tanstack/react-query';
import { invalidateAll } from '../shared/useWriteMutation';
import { platformKeys } from './platformKeys';

/** @internal After a user write: refetch the lists and the seat usage (`platform.dashboardUsers`). */
export function afterUserWrite(queryClient: QueryClient): Promise<void> {
  return invalidateAll(queryClient, platformKeys.userLists(), platformKeys.entitlements());
}

/** @internal After a user create or update: cache the user, then {@link afterUserWrite}. */
export function afterUserSaved(queryClient: QueryClient, user: User): Promise<void> {
  queryClient.setQueryData(platformKeys.user(user.id), user);
  return afterUserWrite(queryClient);
}
