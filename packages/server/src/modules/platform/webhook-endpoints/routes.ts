import { webhookEndpointOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { webhookDeliveryService as deliveries } from './deliveries';
import { webhookEndpointService as service } from './service';

/** Serves `/v1/platform/webhook-endpoints`: the caller's tenant's endpoints. */
export function webhookEndpointRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, tenant, query }) => service.list(db, tenant().tenant.id, query));
  router.implement(op.create, ({ db, app, tenant, body }) =>
    service.create(db, app, tenant().tenant.id, body),
  );
  router.implement(op.retrieve, ({ db, tenant, params }) =>
    service.retrieve(db, tenant().tenant.id, params.id),
  );
  router.implement(op.update, ({ db, app, tenant, params, body }) =>
    service.update(db, app, tenant().tenant.id, params.id, body),
  );
  router.implement(op.del, ({ db, tenant, params }) => service.remove(db, tenant().tenant.id, params.id));
  router.implement(op.rotateSecret, ({ db, app, tenant, params, body }) =>
    service.rotateSecret(db, app, tenant().tenant.id, params.id, body),
  );
  router.implement(op.sendTest, ({ db, tenant, params }) =>
    deliveries.sendTest(db, tenant().tenant.id, params.id),
  );
  router.implement(op.listDeliveries, ({ db, tenant, params, query }) =>
    deliveries.list(db, tenant().tenant.id, params.id, query),
  );
  router.implement(op.replayDelivery, ({ db, tenant, params }) =>
    deliveries.replay(db, tenant().tenant.id, params.id, params.deliveryId),
  );
  router.implement(op.replayDeliveries, ({ db, tenant, params, body }) =>
    deliveries.replayMany(db, tenant().tenant.id, params.id, body),
  );
}
