import type { AgentStackError, ApiKey } from '@agentstack/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import { useWriteMutation } from '../shared/useWriteMutation';
import { afterTenantApiKeyWrite } from './afterAgencyKeyWrite';

/** Variables of {@link useRevokeTenantApiKey}. */
export interface RevokeTenantApiKeyVariables {
  tenantId: string;
  keyId: string;
}

/**
 * Revokes a tenant's key from an operator or agency console
 * (`POST /v1/platform/tenants/:id/api-keys/:keyId/revoke`). Idempotent.
 */
export function useRevokeTenantApiKey(): UseMutationResult<
  ApiKey,
  AgentStackError,
  RevokeTenantApiKeyVariables
> {
  return useWriteMutation(
    (client, { tenantId, keyId }: RevokeTenantApiKeyVariables) =>
      client.platform.tenants.revokeApiKey(tenantId, keyId),
    afterTenantApiKeyWrite,
  );
}
