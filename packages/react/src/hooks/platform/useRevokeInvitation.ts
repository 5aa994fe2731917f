import type { AgentStackError, Invitation } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterInvitationWrite } from './afterInvitationWrite';

/** Revokes a pending invitation by id (`POST /v1/platform/invitations/:id/revoke`): its link stops working. */
export function useRevokeInvitation(): UseMutationResult<Invitation, AgentStackError, string> {
  return useWriteMutation(
    (client, id: string) => client.platform.invitations.revoke(id),
    afterInvitationWrite,
  );
}
