import { variantOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { variantService } from './service';

/** Serves `/v1/commerce/products/:id/variants`. */
export function variantRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, tenant, params, query }) =>
    variantService.list(db, tenant(), params.id, query),
  );
  router.implement(op.create, ({ db, tenant, params, body }) =>
    variantService.create(db, tenant(), params.id, body),
  );
  router.implement(op.retrieve, ({ db, tenant, params }) =>
    variantService.retrieve(db, tenant(), params.id, params.variantId),
  );
  router.implement(op.update, ({ db, tenant, params, body }) =>
    variantService.update(db, tenant(), params.id, params.variantId, body),
  );
  router.implement(op.del, ({ db, tenant, params }) =>
    variantService.remove(db, tenant(), params.id, params.variantId),
  );
}
