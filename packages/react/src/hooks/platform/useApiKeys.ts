import type { AgentStackError, ApiKey, ListResponse, PageParams } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { platformQueries } from './platformKeys';

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
