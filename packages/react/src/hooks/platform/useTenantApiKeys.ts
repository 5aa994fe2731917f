import type { AgentStackError, ApiKey, ListResponse, PageParams } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { platformQueries } from './platformKeys';

/**
 * One page of a tenant's API keys as an operator or agency console sees them
 * (`GET /v1/platform/tenants/:id/api-keys`), newest first, revoked ones included. An agency key
 * reaches its own agency's tenants only. Disabled while `tenantId` is empty.
 */
export function useTenantApiKeys(
  tenantId: string | null | undefined,
  params: PageParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<ApiKey>, AgentStackError> {
  return useListQuery(
    (client) => platformQueries.tenantApiKeyList(client, { ...params, tenantId: tenantId ?? '' }),
    {
      ...options,
      enabled: Boolean(tenantId) && options.enabled !== false,
    },
  );
}
