import { checkoutOperations as checkout, orderOperations as ops } from '@agentstack/sdk/contract';
import { registerBackgroundTask, registerEventHandler } from '../../../events/dispatcher';
import type { ApiRouter } from '../../../http/route';
import { cartTokenOf } from '../carts/routes';
import { abandonedCheckoutExpiry, checkoutService } from './checkout';
import { FULFILMENT_HANDLER, orderMoneyService, orderService, startFulfillment } from './service';

/**
 * Fulfilment runs from the events: `order.paid` makes the order's fulfilments (one per vendor
 * with `commerce.multiVendor`) in the dispatcher's transaction — exactly once per event, retried
 * with backoff when it fails, and a no-op for an order that moved on.
 */
registerEventHandler({
  name: FULFILMENT_HANDLER,
  types: ['order.paid'],
  async handle(tx, event) {
    await startFulfillment(tx, event.tenantId, event.objectId, 'system');
  },
});

registerBackgroundTask(abandonedCheckoutExpiry);

/** Serves orders and the actions of their state machine. */
export function orderRoutes(router: ApiRouter): void {
  router.implement(ops.list, ({ db, tenant, query }) => orderService.list(db, tenant(), query));
  router.implement(ops.create, ({ db, tenant, body }) => orderService.create(db, tenant(), body));
  router.implement(ops.retrieve, ({ db, tenant, params }) => orderService.retrieve(db, tenant(), params.id));
  router.implement(ops.markPaid, ({ db, tenant, params, body }) =>
    orderService.markPaid(db, tenant(), params.id, body),
  );
  router.implement(ops.startFulfillment, ({ db, tenant, params, body }) =>
    orderService.startFulfillment(db, tenant(), params.id, body),
  );
  router.implement(ops.ship, ({ db, tenant, params, body }) =>
    orderService.ship(db, tenant(), params.id, body),
  );
  router.implement(ops.deliver, ({ db, tenant, params, body }) =>
    orderService.deliver(db, tenant(), params.id, body),
  );
  router.implement(ops.shipFulfillment, ({ db, tenant, params, body }) =>
    orderService.shipFulfillment(db, tenant(), params.id, params.fulfillmentId, body),
  );
  router.implement(ops.deliverFulfillment, ({ db, tenant, params, body }) =>
    orderService.deliverFulfillment(db, tenant(), params.id, params.fulfillmentId, body),
  );
  router.implement(ops.requestReturn, ({ db, tenant, params, body }) =>
    orderService.requestReturn(db, tenant(), params.id, body),
  );
  router.implement(ops.receiveReturn, ({ db, tenant, params, body }) =>
    orderService.receiveReturn(db, tenant(), params.id, body),
  );
  // The provider is called between two transactions of their own: never inside one.
  router.implement(
    ops.cancel,
    ({ app, tenant, params, body }) => orderMoneyService.cancel(app.db, tenant(), params.id, body),
    {
      transaction: false,
    },
  );
  router.implement(
    ops.refund,
    ({ app, tenant, params, body }) => orderMoneyService.refund(app.db, tenant(), params.id, body),
    {
      transaction: false,
    },
  );
  // Checkout: the provider is called between two transactions of its own.
  router.implement(
    checkout.complete,
    ({ app, tenant, params, body, c }) =>
      checkoutService.complete(app.db, tenant(), params.id, cartTokenOf(c), body),
    { transaction: false },
  );
  router.implement(
    checkout.confirm,
    ({ app, tenant, params, body, c }) =>
      checkoutService.confirm(app.db, tenant(), params.id, cartTokenOf(c), body),
    { transaction: false },
  );
}
