import type { OrderWorkflow, OrderWorkflowStep } from '@agentstack/sdk/schemas';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { orders, orderWorkflows } from '../../../db/schema';

type Row = typeof orderWorkflows.$inferSelect;

/** The wire shape of a tenant's workflow; `null` (no row) is no steps. */
export function toOrderWorkflow(row: Row | undefined): OrderWorkflow {
  return {
    object: 'order_workflow',
    steps: row?.steps ?? [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** SQL for one tenant's order workflow. */
export function orderWorkflowStore(db: Executor, tenantId: string) {
  return {
    async get(): Promise<Row | undefined> {
      const [row] = await db.select().from(orderWorkflows).where(eq(orderWorkflows.tenantId, tenantId));
      return row;
    },

    /** The row, locked until the transaction ends (created empty first, so there is one to lock). */
    async getForUpdate(): Promise<Row> {
      await db.insert(orderWorkflows).values({ tenantId }).onConflictDoNothing();
      const [row] = await db
        .select()
        .from(orderWorkflows)
        .where(eq(orderWorkflows.tenantId, tenantId))
        .for('update');
      return row as Row;
    },

    async setSteps(steps: OrderWorkflowStep[]): Promise<Row> {
      const [row] = await db
        .update(orderWorkflows)
        .set({ steps, updatedAt: sql`now()` })
        .where(eq(orderWorkflows.tenantId, tenantId))
        .returning();
      return row as Row;
    },
  };
}

/** The keys of the tenant's custom steps, in order (none without a workflow). */
export async function workflowStepKeys(db: Executor, tenantId: string): Promise<string[]> {
  const [row] = await db
    .select({ steps: orderWorkflows.steps })
    .from(orderWorkflows)
    .where(eq(orderWorkflows.tenantId, tenantId));
  return (row?.steps ?? []).map((s) => s.key);
}

/** Which of `keys` fulfilling orders of the tenant are in. */
export async function stepsInUse(db: Executor, tenantId: string, keys: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ step: orders.workflowStep })
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, tenantId),
        eq(orders.status, 'fulfilling'),
        inArray(orders.workflowStep, [...keys]),
      ),
    );
  return rows.map((r) => r.step as string);
}
