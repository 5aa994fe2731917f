import type { AgentStackError, InvitationCreate, InvitationWithToken } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterInvitationWrite } from './afterInvitationWrite';

/**
 * Invites a dashboard user (`POST /v1/platform/invitations`). The answer carries the one-time
 * `token` and `acceptUrl`, shown only this once: hand the link to the invitee, who sets their own
 * password. The role may not exceed the caller's (`403 forbidden`, `param: 'role'`); a taken email
 * or one with a pending invitation answers `409 conflict`; without a free seat of
 * `platform.dashboardUsers`, a `PlanLimitError`. The mutation state holds the token until `reset()`.
 */
export function useCreateInvitation(): UseMutationResult<
  InvitationWithToken,
  AgentStackError,
  InvitationCreate
> {
  return useWriteMutation(
    (client, body: InvitationCreate) => client.platform.invitations.create(body),
    afterInvitationWrite,
  );
}
