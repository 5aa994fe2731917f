import type { AgentStackError, ApiKey } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterApiKeyWrite } from './afterApiKeyWrite';

/**
 * Revokes a key by id (`POST /v1/platform/api-keys/:id/revoke`); requests with it then answer
 * `401 invalid_api_key`. Idempotent. The revoked key stays listed with `revokedAt`.
 */
export function useRevokeApiKey(): UseMutationResult<ApiKey, AgentStackError, string> {
  return useWriteMutation((client, id: string) => client.platform.apiKeys.revoke(id), afterApiKeyWrite);
}
