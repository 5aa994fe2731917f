import { userOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { userService } from './service';

/** Serves `/v1/platform/users`: the tenant's dashboard users. */
export function userRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, tenant, query }) => userService.list(db, tenant(), query));
  router.implement(op.create, ({ db, tenant, body }) => userService.create(db, tenant(), body));
  router.implement(op.retrieve, ({ db, tenant, params }) => userService.retrieve(db, tenant(), params.id));
  router.implement(op.update, async ({ db, tenant, params, body, app, afterCommit }) => {
    const user = await userService.update(db, tenant(), params.id, body);
    // Role and password changes must reach cached session principals at once.
    await app.auth.revokeOnCommit(db, afterCommit);
    return user;
  });
  router.implement(op.del, async ({ db, tenant, params, app, afterCommit }) => {
    const deleted = await userService.remove(db, tenant(), params.id);
    await app.auth.revokeOnCommit(db, afterCommit);
    return deleted;
  });
}
