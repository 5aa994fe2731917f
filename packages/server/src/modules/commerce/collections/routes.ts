import { collectionOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { collectionService } from './service';

/** Serves `/v1/commerce/collections`. */
export function collectionRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, tenant, query }) => collectionService.list(db, tenant(), query));
  router.implement(op.create, ({ db, tenant, body }) => collectionService.create(db, tenant(), body));
  router.implement(op.retrieve, ({ db, tenant, params }) =>
    collectionService.retrieve(db, tenant(), params.id),
  );
  router.implement(op.update, ({ db, tenant, params, body }) =>
    collectionService.update(db, tenant(), params.id, body),
  );
  router.implement(op.del, ({ db, tenant, params }) => collectionService.remove(db, tenant(), params.id));
}
