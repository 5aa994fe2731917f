import * as z from 'zod/mini';
import { safeString, Timestamp } from '../common';
import { distinct } from './variant';

/** The most custom steps a workflow has. */
export const MAX_WORKFLOW_STEPS = 8;

/** A custom step's key: lower case letters, digits and `_`, starting with a letter (`quality_check`). */
const StepKey = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be 1-40 of a-z, 0-9 and _, starting with a letter'));

/** One custom step an order passes through while `fulfilling`. */
export const OrderWorkflowStep = z.strictObject({
  /** Stable key, stored on the orders in this step. */
  key: StepKey,
  /** What the dashboard shows. */
  name: safeString(z.trim(), z.minLength(1), z.maxLength(60)),
});
export type OrderWorkflowStep = z.infer<typeof OrderWorkflowStep>;

/**
 * The tenant's order workflow: custom steps (plan feature `commerce.customWorkflows`, Enterprise)
 * that a `fulfilling` order passes through, in order, before it can be `shipped` — e.g. "Packed",
 * "Quality check". Without steps (every plan's default) an order ships straight from `fulfilling`.
 */
export const OrderWorkflow = z.strictObject({
  object: z.literal('order_workflow'),
  steps: z.array(OrderWorkflowStep),
  /** When the steps last changed; `null` if they never did. */
  updatedAt: z.nullable(Timestamp),
});
export type OrderWorkflow = z.infer<typeof OrderWorkflow>;

/**
 * Body of `PATCH /v1/commerce/order-workflow`: the whole list of steps, in order (`[]` removes
 * them). A step that orders are in cannot be removed (`409 workflow_step_in_use`).
 */
export const OrderWorkflowUpdate = z.strictObject({
  steps: z.array(OrderWorkflowStep).check(
    z.maxLength(MAX_WORKFLOW_STEPS),
    distinct((s: OrderWorkflowStep) => s.key, 'step keys'),
  ),
});
export type OrderWorkflowUpdate = z.input<typeof OrderWorkflowUpdate>;
