import type { QueryClient } from '@tanstack/react-query';
import { invalidateAll } from '../shared/useWriteMutation';
import { platformKeys } from './platformKeys';

/** @internal After an agency-key write: refetch every agency-key list. */
export const afterAgencyKeyWrite = (queryClient: QueryClient) =>
  invalidateAll(queryClient, platformKeys.agencyKeys());

/** @internal After a write to another tenant's keys: refetch every such list. */
export const afterTenantApiKeyWrite = (queryClient: QueryClient) =>
  invalidateAll(queryClient, platformKeys.tenantApiKeys());
