import { orderWorkflowOperations } from '../../contract/commerce/orderWorkflow';
import { now } from '../collection';
import { mockResource } from '../pipeline';
import { requireMockFeature } from '../rules';

/**
 * `/v1/commerce/order-workflow` in memory, as the server: anyone with order access reads it;
 * changing it needs `commerce.customWorkflows`.
 */
export const orderWorkflowMocks = mockResource(orderWorkflowOperations, {
  retrieve: (ctx) => {
    ctx.tenant();
    return ctx.db.orderWorkflow;
  },
  update(ctx) {
    ctx.tenant();
    requireMockFeature(ctx.db, 'commerce.customWorkflows');
    ctx.db.orderWorkflow = {
      object: 'order_workflow',
      steps: ctx.body.steps.map(({ key, name }) => ({ key, name })),
      updatedAt: now(),
    };
    return ctx.db.orderWorkflow;
  },
});
