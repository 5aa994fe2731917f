import type { OrderWorkflow, OrderWorkflowStep } from '@agentstack/sdk/schemas';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { orderWorkflows } from '../../../db/schema';

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
