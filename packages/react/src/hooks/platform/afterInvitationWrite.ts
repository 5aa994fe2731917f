import type { QueryClient } from '@tanstack/react-query';
import { invalidateAll } from '../shared/useWriteMutation';
import { platformKeys } from './platformKeys';

/** @internal After an invitation write: refetch the pending invitations, the team and the seat usage. */
export const afterInvitationWrite = (queryClient: QueryClient) =>
  invalidateAll(
    queryClient,
    platformKeys.invitations(),
    platformKeys.userLists(),
    platformKeys.entitlements(),
  );
