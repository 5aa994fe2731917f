import { operation } from '../operation';

const BASE = '/v1/commerce/order-workflow';

/**
 * `/v1/commerce/order-workflow`: the tenant's custom order steps. Every plan reads it (no steps
 * below Enterprise); changing it needs plan feature `commerce.customWorkflows` (Enterprise).
 */
export const orderWorkflowOperations = {
  /** The custom steps a `fulfilling` order passes through before it ships. */
  retrieve: operation({
    method: 'get',
    path: BASE,
    tag: 'commerce',
    summary: 'Retrieve the order workflow',
    permission: 'commerce:orders:read',
    response: 'OrderWorkflow',
  }),
  /**
   * Replaces the custom steps (the whole list, in order). Needs `commerce.customWorkflows`; a
   * step that orders are in cannot be removed (`409 workflow_step_in_use`).
   */
  update: operation({
    method: 'patch',
    path: BASE,
    tag: 'commerce',
    summary: 'Update the order workflow',
    permission: 'commerce:orders:write',
    body: 'OrderWorkflowUpdate',
    response: 'OrderWorkflow',
    errors: ['feature_not_in_plan', 'workflow_step_in_use'],
  }),
  /**
   * Moves a `fulfilling` order to the workflow's next custom step (recorded on its timeline).
   * An order that is not fulfilling, or has passed every step, answers `409 invalid_transition`
   * with the transitions it can take; once past the last step it can ship.
   */
  advance: operation({
    method: 'post',
    path: '/v1/commerce/orders/:id/advance-step',
    tag: 'commerce',
    summary: "Move an order to its workflow's next step",
    permission: 'commerce:orders:write',
    response: 'Order',
    errors: ['invalid_transition'],
  }),
} as const;
