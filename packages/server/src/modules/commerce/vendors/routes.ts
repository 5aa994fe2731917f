import { vendorOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { vendorService } from './service';

/** Serves `/v1/commerce/vendors`. */
export function vendorRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, tenant, query }) => vendorService.list(db, tenant(), query));
  router.implement(op.create, ({ db, tenant, body }) => vendorService.create(db, tenant(), body));
  router.implement(op.retrieve, ({ db, tenant, params }) => vendorService.retrieve(db, tenant(), params.id));
  router.implement(op.update, ({ db, tenant, params, body }) =>
    vendorService.update(db, tenant(), params.id, body),
  );
  router.implement(op.del, ({ db, tenant, params }) => vendorService.remove(db, tenant(), params.id));
}
