import type { Agency, Brand } from '@agentstack/sdk/schemas';
import { desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { agencies } from '../../../db/schema';

/** An agency row. */
export type AgencyRow = typeof agencies.$inferSelect;
type Insert = typeof agencies.$inferInsert;

/** The wire shape of an agency row. */
export function toAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    object: 'agency',
    name: row.name,
    brand: row.brand as Brand,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * SQL for agencies. Agencies sit above tenants (an agency owns many), so this store is not
 * tenant-scoped: only operator routes reach it.
 */
export function agencyStore(db: Executor) {
  return {
    async list(opts: { limit: number; startingAfter?: string }): Promise<AgencyRow[]> {
      return db
        .select()
        .from(agencies)
        .where(opts.startingAfter ? lt(agencies.id, opts.startingAfter) : undefined)
        .orderBy(desc(agencies.id))
        .limit(opts.limit + 1);
    },

    async get(id: string, forUpdate = false): Promise<AgencyRow | undefined> {
      const q = db.select().from(agencies).where(eq(agencies.id, id));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },

    async insert(values: Insert): Promise<AgencyRow> {
      const [row] = await db.insert(agencies).values(values).returning();
      return row!;
    },

    async update(id: string, patch: Partial<Omit<Insert, 'id'>>): Promise<AgencyRow> {
      const [row] = await db
        .update(agencies)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(agencies.id, id))
        .returning();
      return row!;
    },
  };
}
