import type { AgentStackError, InvitationAccept, Session } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';

/**
 * Redeems an invitation's token with the invitee's chosen password (at least 12 characters)
 * (`POST /v1/platform/invitations/accept`; no credential needed). Answers a signed-in `Session`,
 * as sign-in does. A token works once: used, revoked, expired or unknown ones answer `404 not_found`.
 */
export function useAcceptInvitation(): UseMutationResult<Session, AgentStackError, InvitationAccept> {
  return useWriteMutation(
    (client, body: InvitationAccept) => client.platform.invitations.accept(body),
    () => Promise.resolve(),
  );
}
