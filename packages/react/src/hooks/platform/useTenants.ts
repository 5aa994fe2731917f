import type { AgentStackError, ListResponse, PageParams, Tenant } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { platformQueries } from './platformKeys';

/** Options of {@link useTenants}: `keepPrevious` and `enabled`, both defaulting to `true`. */
export type UseTenantsOptions = ListQueryOptions;

/**
 * One page of the installation's tenants (`GET /v1/platform/tenants`), newest first. Needs an
 * operator credential; a tenant key answers `403 forbidden`.
 * @example const { data } = useTenants({ limit: 25 });
 */
export function useTenants(
  params: PageParams = {},
  options: UseTenantsOptions = {},
): UseQueryResult<ListResponse<Tenant>, AgentStackError> {
  return useListQuery((client) => platformQueries.tenantList(client, params), options);
}
