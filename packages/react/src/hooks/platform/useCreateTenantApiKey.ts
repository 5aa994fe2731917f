import type { AgentStackError, ApiKeyCreate, ApiKeyWithSecret } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterTenantApiKeyWrite } from './afterAgencyKeyWrite';

/** Variables of {@link useCreateTenantApiKey} and {@link useRevokeTenantApiKey}'s tenant. */
export interface CreateTenantApiKeyVariables {
  tenantId: string;
  body: ApiKeyCreate;
}

/**
 * Creates a key for a tenant from an operator or agency console
 * (`POST /v1/platform/tenants/:id/api-keys`). The `secret` is shown this once; `reset()` after.
 */
export function useCreateTenantApiKey(): UseMutationResult<
  ApiKeyWithSecret,
  AgentStackError,
  CreateTenantApiKeyVariables
> {
  return useWriteMutation(
    (client, { tenantId, body }: CreateTenantApiKeyVariables) =>
      client.platform.tenants.createApiKey(tenantId, body),
    afterTenantApiKeyWrite,
  );
}
