import type { AgentStackError, ApiKeyCreate, ApiKeyWithSecret } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterApiKeyWrite } from './afterApiKeyWrite';

/**
 * Creates a secret or publishable key (`POST /v1/platform/api-keys`). The answer's `secret` is the
 * only time the key is ever shown: hand it to the user, and do not keep it in any cache. The
 * react-query mutation state does hold it until `reset()`; call that once the user has it.
 */
export function useCreateApiKey(): UseMutationResult<ApiKeyWithSecret, AgentStackError, ApiKeyCreate> {
  return useWriteMutation(
    (client, body: ApiKeyCreate) => client.platform.apiKeys.create(body),
    afterApiKeyWrite,
  );
}
