import {
  ApiKeyCreate,
  ApiKeyWithSecret,
  ListParams,
  listOf,
  Tenant,
  TenantCreate,
  TenantUpdate,
} from '@agentstack/sdk/schemas';
import { z } from 'zod/mini';
import type { ApiRouter } from '../../../http/route';
import { apiKeyService } from '../api-keys/service';
import { tenantService } from './service';

const BASE = '/v1/platform/tenants';

/** Registers `/v1/platform/tenants` (operator keys only). */
export function tenantRoutes(router: ApiRouter): void {
  router.add({
    method: 'get',
    path: BASE,
    tag: 'platform',
    summary: 'List tenants',
    auth: 'operator',
    query: z.strictObject(ListParams.shape),
    response: listOf(Tenant),
    handler: ({ db, query }) => tenantService.list(db, query),
  });
  router.add({
    method: 'post',
    path: BASE,
    tag: 'platform',
    summary: 'Create a tenant',
    status: 201,
    auth: 'operator',
    body: TenantCreate,
    response: Tenant,
    handler: ({ db, body }) => tenantService.create(db, body),
  });
  router.add({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Retrieve a tenant',
    auth: 'operator',
    response: Tenant,
    handler: ({ db, params }) => tenantService.retrieve(db, params.id!),
  });
  router.add({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Update a tenant',
    auth: 'operator',
    body: TenantUpdate,
    response: Tenant,
    handler: async ({ db, params, body, app, afterCommit }) => {
      const tenant = await tenantService.update(db, params.id!, body);
      await app.auth.revokeOnCommit(db, afterCommit); // cached principals carry the old plan
      return tenant;
    },
  });
  router.add({
    method: 'post',
    path: `${BASE}/:id/api-keys`,
    tag: 'platform',
    summary: "Create a tenant's API key",
    status: 201,
    auth: 'operator',
    body: ApiKeyCreate,
    response: ApiKeyWithSecret,
    handler: async ({ db, params, body, principal }) => {
      await tenantService.retrieve(db, params.id!);
      return apiKeyService.create(db, params.id!, body, principal!);
    },
  });
}
