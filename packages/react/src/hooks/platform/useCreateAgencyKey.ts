import type { AgencyKeyCreate, AgencyKeyWithSecret, AgentStackError } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterAgencyKeyWrite } from './afterAgencyKeyWrite';

/** Variables of {@link useCreateAgencyKey}. */
export interface CreateAgencyKeyVariables {
  agencyId: string;
  body: AgencyKeyCreate;
}

/**
 * Creates an agency key (`POST /v1/platform/agencies/:id/api-keys`, operator credential). The
 * answer's `secret` is the only time the key is shown: hand it over, then `reset()` the mutation.
 */
export function useCreateAgencyKey(): UseMutationResult<
  AgencyKeyWithSecret,
  AgentStackError,
  CreateAgencyKeyVariables
> {
  return useWriteMutation(
    (client, { agencyId, body }: CreateAgencyKeyVariables) =>
      client.platform.agencies.createKey(agencyId, body),
    afterAgencyKeyWrite,
  );
}
