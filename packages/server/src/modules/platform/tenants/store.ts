import type { Tenant } from '@agentstack/sdk/schemas';
import { desc, eq, lt } from 'drizzle-orm';
import type { TenantRow } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { agencies, tenants } from '../../../db/schema';

type Insert = typeof tenants.$inferInsert;

/** The wire shape of a tenant row. */
export function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    object: 'tenant',
    name: row.name,
    agencyId: row.agencyId,
    subscription: row.subscription as Tenant['subscription'],
    addons: row.addons as string[],
    limitOverrides: row.limitOverrides as Tenant['limitOverrides'],
    metadata: row.metadata as Record<string, string>,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** SQL for tenants. Only operator routes reach it: tenants are the unit of isolation itself. */
export function tenantStore(db: Executor) {
  return {
    list: (limit: number, startingAfter?: string) =>
      db
        .select()
        .from(tenants)
        .where(startingAfter ? lt(tenants.id, startingAfter) : undefined)
        .orderBy(desc(tenants.id))
        .limit(limit + 1),
    async get(id: string, forUpdate = false): Promise<TenantRow | undefined> {
      const q = db.select().from(tenants).where(eq(tenants.id, id));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async insert(values: Insert): Promise<TenantRow> {
      const [row] = await db.insert(tenants).values(values).returning();
      return row!;
    },
    async update(id: string, patch: Partial<Omit<Insert, 'id'>>): Promise<TenantRow> {
      const [row] = await db
        .update(tenants)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(tenants.id, id))
        .returning();
      return row!;
    },
    async agencyExists(id: string): Promise<boolean> {
      const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
      return Boolean(row);
    },
  };
}
