import type {
  AgentStackError,
  ListResponse,
  PageParams,
  Tenant,
  TenantCreate,
  TenantUpdate,
} from '@agentstack/sdk';
import {
  keepPreviousData,
  type QueryClient,
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { platformKeys, platformQueries } from './platformKeys';

/** Options of {@link useTenants}. */
export interface UseTenantsOptions {
  /** Keep showing the previous page while the next loads. Defaults to `true`. */
  keepPrevious?: boolean;
  /** Defaults to `true`. */
  enabled?: boolean;
}

/**
 * One page of the installation's tenants (`GET /v1/platform/tenants`), newest first. Needs an
 * operator credential; a tenant key answers `403 forbidden`.
 * @example const { data } = useTenants({ limit: 25 });
 */
export function useTenants(
  params: PageParams = {},
  options: UseTenantsOptions = {},
): UseQueryResult<ListResponse<Tenant>, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({
    ...platformQueries.tenantList(client, params),
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** One tenant (`GET /v1/platform/tenants/:id`, operator credential). Disabled while `id` is empty. */
export function useTenant(id: string | null | undefined): UseQueryResult<Tenant, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({ ...platformQueries.tenant(client, id ?? ''), enabled: Boolean(id) });
}

/**
 * @internal After a tenant write: cache it, refetch the lists, and the entitlements (the caller's
 * own tenant may be the one that changed plan).
 */
async function afterTenantWrite(queryClient: QueryClient, tenant: Tenant): Promise<void> {
  queryClient.setQueryData(platformKeys.tenant(tenant.id), tenant);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: platformKeys.tenantLists() }),
    queryClient.invalidateQueries({ queryKey: platformKeys.entitlements() }),
  ]);
}

/** Creates a tenant with its subscription (`POST /v1/platform/tenants`, operator credential). */
export function useCreateTenant(): UseMutationResult<Tenant, AgentStackError, TenantCreate> {
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantCreate) => client.platform.tenants.create(body),
    onSuccess: (tenant) => afterTenantWrite(queryClient, tenant),
  });
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
  const client = useAgentStackClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: UpdateTenantVariables) => client.platform.tenants.update(id, body),
    onSuccess: (tenant) => afterTenantWrite(queryClient, tenant),
  });
}
