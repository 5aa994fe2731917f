import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { stripeAccounts, stripeEvents } from '../../../db/schema';

/** A tenant's Stripe account row (secrets sealed). */
export type StripeAccountRow = typeof stripeAccounts.$inferSelect;

/** SQL of tenants' Stripe accounts and applied events. Every query names the tenant. */
export function stripeStore(db: Executor, tenantId: string) {
  return {
    async get(): Promise<StripeAccountRow | undefined> {
      const [row] = await db.select().from(stripeAccounts).where(eq(stripeAccounts.tenantId, tenantId));
      return row;
    },
    async getForUpdate(): Promise<StripeAccountRow | undefined> {
      const [row] = await db
        .select()
        .from(stripeAccounts)
        .where(eq(stripeAccounts.tenantId, tenantId))
        .for('update');
      return row;
    },
    async upsert(values: Omit<typeof stripeAccounts.$inferInsert, 'tenantId'>): Promise<StripeAccountRow> {
      const [row] = await db
        .insert(stripeAccounts)
        .values({ ...values, tenantId })
        .onConflictDoUpdate({ target: stripeAccounts.tenantId, set: { ...values, updatedAt: sql`now()` } })
        .returning();
      return row as StripeAccountRow;
    },
    async remove(): Promise<boolean> {
      const gone = await db
        .delete(stripeAccounts)
        .where(eq(stripeAccounts.tenantId, tenantId))
        .returning({ id: stripeAccounts.tenantId });
      return gone.length > 0;
    },
    /**
     * Records that event `eventId` is being applied; false when it was before (a replay, or a
     * concurrent delivery of the same event that committed first — the primary key decides).
     */
    async claimEvent(eventId: string, type: string): Promise<boolean> {
      const inserted = await db
        .insert(stripeEvents)
        .values({ tenantId, eventId, type })
        .onConflictDoNothing()
        .returning({ id: stripeEvents.eventId });
      return inserted.length > 0;
    },
  };
}
