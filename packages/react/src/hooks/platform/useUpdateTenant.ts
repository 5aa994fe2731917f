import type { AgentStackError, Tenant, TenantUpdate } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterTenantWrite } from './afterTenantWrite';

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
