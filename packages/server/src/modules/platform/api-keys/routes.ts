import { ApiKey, ApiKeyCreate, ApiKeyWithSecret, ListParams, listOf } from '@agentstack/sdk/schemas';
import { z } from 'zod/mini';
import type { ApiRouter } from '../../../http/route';
import { apiKeyService } from './service';

const BASE = '/v1/platform/api-keys';

/** Registers `/v1/platform/api-keys`: the caller's tenant's keys. */
export function apiKeyRoutes(router: ApiRouter): void {
  router.add({
    method: 'get',
    path: BASE,
    tag: 'platform',
    summary: 'List API keys',
    auth: 'platform:keys:read',
    query: z.strictObject(ListParams.shape),
    response: listOf(ApiKey),
    handler: ({ db, tenant, query }) => apiKeyService.list(db, tenant().tenant.id, query),
  });
  router.add({
    method: 'post',
    path: BASE,
    tag: 'platform',
    summary: 'Create an API key',
    status: 201,
    auth: 'platform:keys:write',
    body: ApiKeyCreate,
    response: ApiKeyWithSecret,
    handler: ({ db, tenant, body }) => apiKeyService.create(db, tenant().tenant.id, body, tenant()),
  });
  router.add({
    method: 'post',
    path: `${BASE}/:id/revoke`,
    tag: 'platform',
    summary: 'Revoke an API key',
    auth: 'platform:keys:write',
    response: ApiKey,
    handler: async ({ db, tenant, params, app, afterCommit }) => {
      const key = await apiKeyService.revoke(db, tenant().tenant.id, params.id!, tenant());
      await app.auth.revokeOnCommit(db, afterCommit);
      return key;
    },
  });
}
