import type { Tenant } from '@agentstack/sdk';
import type { QueryClient } from '@tanstack/react-query';
import { invalidateAll } from '../shared/useWriteMutation';
import { platformKeys } from './platformKeys';

/**
 * @internal After a tenant write: cache it, refetch the lists, and the entitlements (the caller's
 * own tenant may be the one that changed plan).
 */
export function afterTenantWrite(queryClient: QueryClient, tenant: Tenant): Promise<void> {
  queryClient.setQueryData(platformKeys.tenant(tenant.id), tenant);
  return invalidateAll(queryClient, platformKeys.tenantLists(), platformKeys.entitlements());
}
