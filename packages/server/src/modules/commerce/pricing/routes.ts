import {
  discountCodeOperations as discounts,
  regionOperations as regions,
  shippingOptionOperations as shipping,
} from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { discountCodeService, regionService, shippingOptionService } from './service';

/** Serves regions, shipping options and discount codes. */
export function pricingRoutes(router: ApiRouter): void {
  router.implement(regions.list, ({ db, tenant, query }) => regionService.list(db, tenant(), query));
  router.implement(regions.create, ({ db, tenant, body }) => regionService.create(db, tenant(), body));
  router.implement(regions.retrieve, ({ db, tenant, params }) =>
    regionService.retrieve(db, tenant(), params.id),
  );
  router.implement(regions.update, ({ db, tenant, params, body }) =>
    regionService.update(db, tenant(), params.id, body),
  );
  router.implement(regions.del, ({ db, tenant, params }) => regionService.del(db, tenant(), params.id));
  router.implement(shipping.list, ({ db, tenant, query }) => shippingOptionService.list(db, tenant(), query));
  router.implement(shipping.create, ({ db, tenant, body }) =>
    shippingOptionService.create(db, tenant(), body),
  );
  router.implement(shipping.retrieve, ({ db, tenant, params }) =>
    shippingOptionService.retrieve(db, tenant(), params.id),
  );
  router.implement(shipping.update, ({ db, tenant, params, body }) =>
    shippingOptionService.update(db, tenant(), params.id, body),
  );
  router.implement(shipping.del, ({ db, tenant, params }) =>
    shippingOptionService.del(db, tenant(), params.id),
  );
  router.implement(discounts.list, ({ db, tenant, query }) => discountCodeService.list(db, tenant(), query));
  router.implement(discounts.create, ({ db, tenant, body }) =>
    discountCodeService.create(db, tenant(), body),
  );
  router.implement(discounts.retrieve, ({ db, tenant, params }) =>
    discountCodeService.retrieve(db, tenant(), params.id),
  );
  router.implement(discounts.update, ({ db, tenant, params, body }) =>
    discountCodeService.update(db, tenant(), params.id, body),
  );
  router.implement(discounts.del, ({ db, tenant, params }) =>
    discountCodeService.del(db, tenant(), params.id),
  );
}
