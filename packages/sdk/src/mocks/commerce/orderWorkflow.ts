import { orderWorkflowOperations } from '../../contract/commerce/orderWorkflow';
import { removedStepKeys, workflowStepInUse } from '../../contract/commerce/rules';
import { ProblemError } from '../../contract/problem';
import { now } from '../collection';
import { mockResource } from '../pipeline';
import { requireMockFeature } from '../rules';
import { advanceMockWorkflow, requireMockStaff } from './orders';

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
    if (ctx.tenant().vendorId !== undefined) {
      throw new ProblemError(403, 'forbidden', "A vendor's user may not change the tenant's order workflow.");
    }
    requireMockFeature(ctx.db, 'commerce.customWorkflows');
    const removed = removedStepKeys(ctx.db.orderWorkflow.steps, ctx.body.steps);
    const inUse = removed.filter((key) =>
      ctx.db.orders.some((o) => o.status === 'fulfilling' && o.workflowStep === key),
    );
    if (inUse.length) throw workflowStepInUse(inUse);
    ctx.db.orderWorkflow = {
      object: 'order_workflow',
      steps: ctx.body.steps.map(({ key, name }) => ({ key, name })),
      updatedAt: now(),
    };
    return ctx.db.orderWorkflow;
  },
  advance(ctx) {
    requireMockStaff(ctx.db, ctx.tenant(), ctx.params.id);
    return advanceMockWorkflow(ctx.db, ctx.params.id);
  },
});
