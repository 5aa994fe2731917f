import type { AgencyKey, AgentStackError } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterAgencyKeyWrite } from './afterAgencyKeyWrite';

/** Variables of {@link useRevokeAgencyKey}. */
export interface RevokeAgencyKeyVariables {
  agencyId: string;
  keyId: string;
}

/**
 * Revokes an agency key (`POST /v1/platform/agencies/:id/api-keys/:keyId/revoke`); requests with
 * it then answer `401 invalid_api_key`. Idempotent. An operator revokes any agency's keys, an
 * agency key its own agency's — itself included, which ends the console's session.
 */
export function useRevokeAgencyKey(): UseMutationResult<
  AgencyKey,
  AgentStackError,
  RevokeAgencyKeyVariables
> {
  return useWriteMutation(
    (client, { agencyId, keyId }: RevokeAgencyKeyVariables) =>
      client.platform.agencies.revokeKey(agencyId, keyId),
    afterAgencyKeyWrite,
  );
}
