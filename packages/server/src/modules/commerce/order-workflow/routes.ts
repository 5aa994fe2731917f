import { orderWorkflowOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { orderWorkflowService } from './service';

/** Serves `/v1/commerce/order-workflow`. */
export function orderWorkflowRoutes(router: ApiRouter): void {
  router.implement(op.retrieve, ({ db, tenant }) => orderWorkflowService.retrieve(db, tenant()));
  router.implement(op.update, ({ db, tenant, body }) => orderWorkflowService.update(db, tenant(), body));
  router.implement(op.advance, ({ db, tenant, params }) =>
    orderWorkflowService.advance(db, tenant(), params.id),
  );
}
