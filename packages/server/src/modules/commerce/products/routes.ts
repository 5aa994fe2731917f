import { productOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { productService } from './service';

/** Serves `/v1/commerce/products`. */
export function productRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ app, tenant, query }) => productService.listCached(app, tenant(), query));
  router.implement(op.create, ({ db, tenant, body }) => productService.create(db, tenant(), body));
  router.implement(op.bulkArchive, ({ db, tenant, body }) =>
    productService.bulkArchive(db, tenant(), body.ids),
  );
  router.implement(op.retrieve, ({ db, tenant, params }) => productService.retrieve(db, tenant(), params.id));
  router.implement(op.update, ({ db, tenant, params, body }) =>
    productService.update(db, tenant(), params.id, body),
  );
  router.implement(op.archive, ({ db, tenant, params }) => productService.archive(db, tenant(), params.id));
  router.implement(op.unarchive, ({ db, tenant, params }) =>
    productService.unarchive(db, tenant(), params.id),
  );
}
