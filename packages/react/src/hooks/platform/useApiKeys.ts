import type {
  AgentStackError,
  ApiKey,
  ApiKeyCreate,
  ApiKeyWithSecret,
  ListResponse,
  PageParams,
} from '@agentstack/sdk';
import {
  keepPreviousData,
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { platformKeys, platformQueries } from './platformKeys';

/** Options of {@link useApiKeys}. */
export interface UseApiKeysOptions {
  /** Keep showing the previous page while the next loads. Defaults to `true`. */
  keepPrevious?: boolean;
  /** Defaults to `true`; pass `false` when the caller lacks `platform:keys:read`. */
  enabled?: boolean;
}

/**
 * One page of the tenant's API keys (`GET /v1/platform/api-keys`), newest first, revoked ones
 * included. Secrets are never listed: only each key's `prefix`. Needs `platform:keys:read`.
 */
export function useApiKeys(
  params: PageParams = {},
  options: UseApiKeysOptions = {},
): UseQueryResult<ListResponse<ApiKey>, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({
    ...platformQueries.apiKeyList(client, params),
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/**
 * Creates a secret or publishable key (`POST /v1/platform/api-keys`). The answer's `secret` is the
 * only time the key is ever shown: hand it to the user, and do not keep it in any cache. The
 * react-query mutation state does hold it until `reset()`; call that once the user has it.
 */
export function useCreateApiKey(): UseMutationResult<ApiKeyWithSecret, AgentStackError, ApiKeyCreate> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyCreate) => client.platform.apiKeys.create(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.apiKeys() }),
  });
}

/**
 * Revokes a key by id (`POST /v1/platform/api-keys/:id/revoke`); requests with it then answer
 * `401 invalid_api_key`. Idempotent. The revoked key stays listed with `revokedAt`.
 */
export function useRevokeApiKey(): UseMutationResult<ApiKey, AgentStackError, string> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.platform.apiKeys.revoke(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.apiKeys() }),
  });
}
