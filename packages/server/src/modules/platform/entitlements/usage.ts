import type { LimitKey } from '@agentstack/sdk/catalog';
import { and, count, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { products, users } from '../../../db/schema';

/** How each countable limit is measured. Limits with no counter yet report 0 used. */
const COUNTERS: Partial<Record<LimitKey, (db: Executor, tenantId: string) => Promise<number>>> = {
  'commerce.products': async (db, tenantId) => {
    const [row] = await db
      .select({ n: count() })
      .from(products)
      .where(and(eq(products.tenantId, tenantId), ne(products.status, 'archived')));
    return row?.n ?? 0;
  },
  'platform.dashboardUsers': async (db, tenantId) => {
    const [row] = await db.select({ n: count() }).from(users).where(eq(users.tenantId, tenantId));
    return row?.n ?? 0;
  },
};

/** Current usage of one limit. */
export function usageOf(db: Executor, tenantId: string, key: LimitKey): Promise<number> {
  return COUNTERS[key]?.(db, tenantId) ?? Promise.resolve(0);
}

/** Current usage of every counted limit. */
export async function countUsage(db: Executor, tenantId: string): Promise<Partial<Record<LimitKey, number>>> {
  const entries = await Promise.all(
    Object.keys(COUNTERS).map(async (k) => [k, await usageOf(db, tenantId, k as LimitKey)] as const),
  );
  return Object.fromEntries(entries);
}
