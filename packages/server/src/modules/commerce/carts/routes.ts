import { CART_TOKEN_HEADER, cartOperations as carts } from '@agentstack/sdk/contract';
import type { Context } from 'hono';
import type { AppEnv } from '../../../context';
import { registerBackgroundTask } from '../../../events/dispatcher';
import type { ApiRouter } from '../../../http/route';
import { cartService, staleCartCleanup } from './service';

registerBackgroundTask(staleCartCleanup);

/** The cart token a request carries (`AgentStack-Cart-Token`), if any. */
export function cartTokenOf(c: Context<AppEnv>): string | undefined {
  return c.req.header(CART_TOKEN_HEADER) || undefined;
}

/**
 * Serves carts. Every change of a cart is one atomic statement (see `changeCart` in the service),
 * so a storefront's calls with the publishable key run without a transaction (`atomic`).
 */
export function cartRoutes(router: ApiRouter): void {
  const atomic = { atomic: true } as const;
  router.implement(carts.list, ({ db, tenant, query }) => cartService.list(db, tenant(), query));
  router.implement(carts.create, ({ db, tenant, body }) => cartService.create(db, tenant(), body), atomic);
  router.implement(carts.retrieve, ({ db, tenant, params, c }) =>
    cartService.retrieve(db, tenant(), params.id, cartTokenOf(c)),
  );
  router.implement(
    carts.update,
    ({ db, tenant, params, body, c }) => cartService.update(db, tenant(), params.id, cartTokenOf(c), body),
    atomic,
  );
  router.implement(
    carts.addLine,
    ({ db, tenant, params, body, c }) => cartService.addLine(db, tenant(), params.id, cartTokenOf(c), body),
    atomic,
  );
  router.implement(
    carts.updateLine,
    ({ db, tenant, params, body, c }) =>
      cartService.updateLine(db, tenant(), params.id, params.lineId, cartTokenOf(c), body),
    atomic,
  );
  router.implement(
    carts.removeLine,
    ({ db, tenant, params, c }) =>
      cartService.removeLine(db, tenant(), params.id, params.lineId, cartTokenOf(c)),
    atomic,
  );
  router.implement(
    carts.applyDiscount,
    ({ db, tenant, params, body, c }) =>
      cartService.applyDiscount(db, tenant(), params.id, cartTokenOf(c), body),
    atomic,
  );
  router.implement(
    carts.removeDiscount,
    ({ db, tenant, params, c }) => cartService.removeDiscount(db, tenant(), params.id, cartTokenOf(c)),
    atomic,
  );
  router.implement(carts.shippingOptions, ({ db, tenant, params, c }) =>
    cartService.shippingOptions(db, tenant(), params.id, cartTokenOf(c)),
  );
}
