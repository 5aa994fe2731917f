import type { AgentStackError, Tenant, TenantCreate } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterTenantWrite } from './afterTenantWrite';

/** Creates a tenant with its subscription (`POST /v1/platform/tenants`, operator credential). */
export function useCreateTenant(): UseMutationResult<Tenant, AgentStackError, TenantCreate> {
  return useWriteMutation(
    (client, body: TenantCreate) => client.platform.tenants.create(body),
    afterTenantWrite,
  );
}
