import { DeletedUser, ListParams, listOf, User, UserCreate, UserUpdate } from '@agentstack/sdk/schemas';
import type { ApiRouter } from '../../../http/route';
import { userService } from './service';

const BASE = '/v1/platform/users';

/** Registers `/v1/platform/users`: the tenant's dashboard users. */
export function userRoutes(router: ApiRouter): void {
  router.add({
    method: 'get',
    path: BASE,
    tag: 'platform',
    summary: 'List dashboard users',
    auth: 'platform:users:read',
    query: ListParams,
    response: listOf(User),
    handler: ({ db, tenant, query }) => userService.list(db, tenant(), query),
  });
  router.add({
    method: 'post',
    path: BASE,
    tag: 'platform',
    summary: 'Create a dashboard user',
    status: 201,
    auth: 'platform:users:write',
    body: UserCreate,
    response: User,
    errors: ['conflict', 'tier_limit_reached', 'idempotency_conflict', 'idempotency_in_progress'],
    handler: ({ db, tenant, body }) => userService.create(db, tenant(), body),
  });
  router.add({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Retrieve a dashboard user',
    auth: 'platform:users:read',
    response: User,
    handler: ({ db, tenant, params }) => userService.retrieve(db, tenant(), params.id!),
  });
  router.add({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Update a dashboard user',
    auth: 'platform:users:write',
    body: UserUpdate,
    response: User,
    handler: async ({ db, tenant, params, body, app, afterCommit }) => {
      const user = await userService.update(db, tenant(), params.id!, body);
      // Role and password changes must reach cached session principals at once.
      await app.auth.revokeOnCommit(db, afterCommit);
      return user;
    },
  });
  router.add({
    method: 'delete',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Delete a dashboard user',
    auth: 'platform:users:write',
    response: DeletedUser,
    handler: async ({ db, tenant, params, app, afterCommit }) => {
      const deleted = await userService.remove(db, tenant(), params.id!);
      await app.auth.revokeOnCommit(db, afterCommit);
      return deleted;
    },
  });
}
