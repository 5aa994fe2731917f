import type {
  AgentStackError,
  ApiKey,
  ApiKeyCreate,
  ApiKeyWithSecret,
  ListResponse,
  PageParams,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { platformKeys, platformQueries } from './platformKeys';

/**
 * Options of {@link useApiKeys}: `keepPrevious` (defaults to `true`) and `enabled` (defaults to
 * `true`; pass `false` when the caller lacks `platform:keys:read`).
 */
export type UseApiKeysOptions = ListQueryOptions;

/**
 * One page of the tenant's API keys (`GET /v1/platform/api-keys`), newest first, revoked ones
 * included. Secrets are never listed: only each key's `prefix`. Needs `platform:keys:read`.
 */
export function useApiKeys(
  params: PageParams = {},
  options: UseApiKeysOptions = {},
): UseQueryResult<ListResponse<ApiKey>, AgentStackError> {
  return useListQuery((client) => platformQueries.apiKeyList(client, params), options);
}

/** @internal After a key write: refetch every key query. */
const afterKeyWrite = (queryClient: QueryClient) => invalidateAll(queryClient, platformKeys.apiKeys());

/**
 * Creates a secret or publishable key (`POST /v1/platform/api-keys`). The answer's `secret` is the
 * only time the key is ever shown: hand it to the user, and do not keep it in any cache. The
 * react-query mutation state does hold it until `reset()`; call that once the user has it.
 */
export function useCreateApiKey(): UseMutationResult<ApiKeyWithSecret, AgentStackError, ApiKeyCreate> {
  return useWriteMutation(
    (client, body: ApiKeyCreate) => client.platform.apiKeys.create(body),
    afterKeyWrite,
  );
}

/**
 * Revokes a key by id (`POST /v1/platform/api-keys/:id/revoke`); requests with it then answer
 * `401 invalid_api_key`. Idempotent. The revoked key stays listed with `revokedAt`.
 */
export function useRevokeApiKey(): UseMutationResult<ApiKey, AgentStackError, string> {
  return useWriteMutation((client, id: string) => client.platform.apiKeys.revoke(id), afterKeyWrite);
}
