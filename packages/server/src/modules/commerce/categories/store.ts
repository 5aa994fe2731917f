import type { ProductCategory } from '@agentstack/sdk/schemas';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { productCategories } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

type Row = typeof productCategories.$inferSelect;

/** The wire shape of a category row. */
export function toCategory(row: Row): ProductCategory {
  return wireOf(row, 'product_category', [
    'name',
    'description',
    'parentId',
    'metadata',
    'createdAt',
    'updatedAt',
  ]);
}

/** SQL for one tenant's categories: `categoryStore(db, tenantId)`. */
export const categoryStore = defineStore({
  table: productCategories,
  scope: 'tenantId',
  toWire: toCategory,
  orders: { createdAt: productCategories.id, name: productCategories.name },
  defaultOrder: 'name',
});

/** The ids from `id` up to the root: `[id, its parent, …]` (the tree is at most 5 deep). */
export async function chainOf(db: Executor, tenantId: string, id: string): Promise<string[]> {
  const c = productCategories;
  const rows = await db.execute<{ id: string }>(sql`with recursive up(id, parent_id, n) as (
      select ${c.id}, ${c.parentId}, 1 from ${c} where ${c.tenantId} = ${tenantId} and ${c.id} = ${id}
      union all
      select ${c.id}, ${c.parentId}, up.n + 1 from ${c} join up on ${c.id} = up.parent_id
       where ${c.tenantId} = ${tenantId} and up.n < 64
    ) select id from up order by n`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/** How many levels the subtree of `id` spans (1 for a leaf). */
export async function heightOf(db: Executor, tenantId: string, id: string): Promise<number> {
  const c = productCategories;
  const rows = await db.execute<{ h: number }>(sql`with recursive down(id, n) as (
      select ${c.id}, 1 from ${c} where ${c.tenantId} = ${tenantId} and ${c.id} = ${id}
      union all
      select ${c.id}, down.n + 1 from ${c} join down on ${c.parentId} = down.id
       where ${c.tenantId} = ${tenantId} and down.n < 64
    ) select coalesce(max(n), 0)::int as h from down`);
  return Number(rowsOf<{ h: number }>(rows)[0]?.h ?? 0);
}

/** Whether category `id` has a child. */
export async function hasChildren(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: productCategories.id })
    .from(productCategories)
    .where(and(eq(productCategories.tenantId, tenantId), eq(productCategories.parentId, id)))
    .limit(1);
  return rows.length > 0;
}

// drizzle's `execute` answers rows on node-postgres inside `{ rows }`, and on PGlite too.
function rowsOf<R>(result: unknown): R[] {
  return Array.isArray(result) ? (result as R[]) : ((result as { rows: R[] }).rows ?? []);
}
