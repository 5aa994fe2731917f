import type {
  AgentStackError,
  ListResponse,
  PageParams,
  Tenant,
  TenantCreate,
  TenantUpdate,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { platformKeys, platformQueries } from './platformKeys';

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

/** One tenant (`GET /v1/platform/tenants/:id`, operator credential). Disabled while `id` is empty. */
export function useTenant(id: string | null | undefined): UseQueryResult<Tenant, AgentStackError> {
  return useDetailQuery(platformQueries.tenant, id);
}

/**
 * @internal After a tenant write: cache it, refetch the lists, and the entitlements (the caller's
 * own tenant may be the one that changed plan).
 */
function afterTenantWrite(queryClient: QueryClient, tenant: Tenant): Promise<void> {
  queryClient.setQueryData(platformKeys.tenant(tenant.id), tenant);
  return invalidateAll(queryClient, platformKeys.tenantLists(), platformKeys.entitlements());
}

/** Creates a tenant with its subscription (`POST /v1/platform/tenants`, operator credential). */
export function useCreateTenant(): UseMutationResult<Tenant, AgentStackError, TenantCreate> {
  return useWriteMutation(
    (client, body: TenantCreate) => client.platform.tenants.create(body),
    afterTenantWrite,
  );
}

/** Variables of {@link useUpdateTenant}. */
export interface UpdateTenantVariables {
  id: string;
  body: TenantUpdate;
}

/**
 * Partially updates a tenant (`PATCH /v1/platform/tenants/:id`, operator credential): name,
 * agency, plans per domain (merged into the subscription), add-ons, limit overrides.
 * @example update.mutate({ id, body: { subscription: { commerce: 'commerce_enterprise' } } })
 */
export function useUpdateTenant(): UseMutationResult<Tenant, AgentStackError, UpdateTenantVariables> {
  return useWriteMutation(
    (client, { id, body }: UpdateTenantVariables) => client.platform.tenants.update(id, body),
    afterTenantWrite,
  );
}
