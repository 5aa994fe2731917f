import { tenantOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { apiKeyService } from '../api-keys/service';
import { tenantService } from './service';

/** Serves `/v1/platform/tenants` (operator keys; agency keys for their own agency's tenants). */
export function tenantRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, query, principal }) => tenantService.list(db, principal!, query));
  router.implement(op.create, ({ db, body }) => tenantService.create(db, body));
  router.implement(op.retrieve, ({ db, params, principal }) =>
    tenantService.retrieve(db, principal!, params.id),
  );
  router.implement(op.update, async ({ db, params, body, principal, app, afterCommit }) => {
    const tenant = await tenantService.update(db, principal!, params.id, body);
    await app.auth.revokeOnCommit(db, afterCommit);
    return tenant;
  });
  router.implement(op.createApiKey, async ({ db, params, body, principal }) => {
    await tenantService.retrieve(db, principal!, params.id);
    return apiKeyService.create(db, params.id, body, principal!);
  });
  router.implement(op.listApiKeys, async ({ db, params, query, principal }) => {
    await tenantService.retrieve(db, principal!, params.id);
    return apiKeyService.list(db, params.id, query);
  });
  router.implement(op.revokeApiKey, async ({ db, params, principal, app, afterCommit }) => {
    await tenantService.retrieve(db, principal!, params.id);
    const key = await apiKeyService.revoke(db, params.id, params.keyId, principal!);
    await app.auth.revokeOnCommit(db, afterCommit);
    return key;
  });
}
