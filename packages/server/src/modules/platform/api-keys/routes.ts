import { apiKeyOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { apiKeyService } from './service';

/** Serves `/v1/platform/api-keys`: the caller's tenant's keys. */
export function apiKeyRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, tenant, query }) => apiKeyService.list(db, tenant().tenant.id, query));
  router.implement(op.create, ({ db, tenant, body }) =>
    apiKeyService.create(db, tenant().tenant.id, body, tenant()),
  );
  router.implement(op.revoke, async ({ db, tenant, params, app, afterCommit }) => {
    const key = await apiKeyService.revoke(db, tenant().tenant.id, params.id, tenant());
    await app.auth.revokeOnCommit(db, afterCommit);
    return key;
  });
}
