import { nextWorkflowStep, removedStepKeys, workflowStepInUse } from '@agentstack/sdk/contract';
import type { Order, OrderWorkflow, OrderWorkflowUpdate } from '@agentstack/sdk/schemas';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { ApiError } from '../../../http/errors';
import { requireFeature } from '../../platform/entitlements/service';
import { actorOf, recordOrderEvents, requireVisible, updateOrder, vendorOf } from '../orders/service';
import { orderForUpdate } from '../orders/store';
import { orderWorkflowStore, stepsInUse, toOrderWorkflow, workflowStepKeys } from './store';

/** Business rules of the order workflow (custom steps, plan feature `commerce.customWorkflows`). */
export const orderWorkflowService = {
  async retrieve(db: Executor, caller: TenantPrincipal): Promise<OrderWorkflow> {
    return toOrderWorkflow(await orderWorkflowStore(db, caller.tenant.id).get());
  },

  /** Replaces the steps; removing one that orders are in is `409 workflow_step_in_use`. */
  async update(tx: Executor, caller: TenantPrincipal, input: OrderWorkflowUpdate): Promise<OrderWorkflow> {
    if (vendorOf(caller) !== null) {
      throw new ApiError(403, 'forbidden', "A vendor's user may not change the tenant's order workflow.");
    }
    requireFeature(caller.tenant, 'commerce.customWorkflows');
    const store = orderWorkflowStore(tx, caller.tenant.id);
    const current = await store.getForUpdate();
    const steps = input.steps.map(({ key, name }) => ({ key, name }));
    const removed = removedStepKeys(current.steps, steps);
    const inUse = removed.length ? await stepsInUse(tx, caller.tenant.id, removed) : [];
    if (inUse.length) throw workflowStepInUse(inUse);
    return toOrderWorkflow(await store.setSteps(steps));
  },

  /** Moves a fulfilling order to the next custom step; `409 invalid_transition` when there is none. */
  async advance(tx: Executor, caller: TenantPrincipal, orderId: string): Promise<Order> {
    const tenantId = caller.tenant.id;
    const row = await requireVisible(tx, caller, await orderForUpdate(tx, tenantId, orderId), orderId);
    if (vendorOf(caller) !== null) {
      throw new ApiError(403, 'forbidden', "A vendor's user acts on its own fulfilment only.");
    }
    const workflow = await orderWorkflowStore(tx, tenantId).get();
    const next = nextWorkflowStep(orderId, row, await workflowStepKeys(tx, tenantId));
    const name = workflow?.steps.find((s) => s.key === next)?.name ?? next;
    const moved = await updateOrder(tx, row.id, { workflowStep: next, updatedAt: new Date() });
    return recordOrderEvents(tx, moved, actorOf(caller), [
      { type: 'order.workflow_step', message: `Step: ${name}` },
    ]);
  },
};
