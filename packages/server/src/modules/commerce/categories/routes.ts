import { categoryOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { categoryService } from './service';

/** Serves `/v1/commerce/categories`. */
export function categoryRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, tenant, query }) => categoryService.list(db, tenant(), query));
  router.implement(op.create, ({ db, tenant, body }) => categoryService.create(db, tenant(), body));
  router.implement(op.retrieve, ({ db, tenant, params }) =>
    categoryService.retrieve(db, tenant(), params.id),
  );
  router.implement(op.update, ({ db, tenant, params, body }) =>
    categoryService.update(db, tenant(), params.id, body),
  );
  router.implement(op.del, ({ db, tenant, params }) => categoryService.remove(db, tenant(), params.id));
}
