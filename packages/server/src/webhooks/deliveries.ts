import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { webhookDeliveries } from '../db/schema';

/** Gives up the endpoint's pending deliveries (it was disabled): they can be replayed later. */
export async function failPendingDeliveries(tx: Executor, endpointId: string): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({ status: 'failed', nextAttemptAt: null, updatedAt: sql`now()` })
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')));
}
