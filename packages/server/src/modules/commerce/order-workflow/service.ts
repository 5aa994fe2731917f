import { removedStepKeys, workflowStepInUse } from '@agentstack/sdk/contract';
import type { OrderWorkflow, OrderWorkflowUpdate } from '@agentstack/sdk/schemas';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { requireFeature } from '../../platform/entitlements/service';
import { orderWorkflowStore, toOrderWorkflow } from './store';

/**
 * Which of `keys` orders of the tenant are in. Orders register the answer when they land
 * (`setStepsInUse`); until then no order can be in a custom step.
 */
export type StepsInUse = (db: Executor, tenantId: string, keys: readonly string[]) => Promise<string[]>;
let stepsInUse: StepsInUse = async () => [];

/** Lets the orders module say which custom steps its orders are in. */
export function setStepsInUse(fn: StepsInUse): void {
  stepsInUse = fn;
}

/** Business rules of the order workflow (custom steps, plan feature `commerce.customWorkflows`). */
export const orderWorkflowService = {
  async retrieve(db: Executor, caller: TenantPrincipal): Promise<OrderWorkflow> {
    return toOrderWorkflow(await orderWorkflowStore(db, caller.tenant.id).get());
  },

  /** Replaces the steps; removing one that orders are in is `409 workflow_step_in_use`. */
  async update(tx: Executor, caller: TenantPrincipal, input: OrderWorkflowUpdate): Promise<OrderWorkflow> {
    requireFeature(caller.tenant, 'commerce.customWorkflows');
    const store = orderWorkflowStore(tx, caller.tenant.id);
    const current = await store.getForUpdate();
    const steps = input.steps.map(({ key, name }) => ({ key, name }));
    const removed = removedStepKeys(current.steps, steps);
    const inUse = removed.length ? await stepsInUse(tx, caller.tenant.id, removed) : [];
    if (inUse.length) throw workflowStepInUse(inUse);
    return toOrderWorkflow(await store.setSteps(steps));
  },
};
