import { newId } from '@agentstack/sdk/schemas';
import type { Executor } from '../db/client';
import { events } from '../db/schema';

/**
 * Records a domain event in the outbox, in the caller's transaction: the event exists if and
 * only if the state change committed. Dispatch (webhooks, realtime, async work) reads from here.
 */
export async function recordEvent(
  db: Executor,
  tenantId: string,
  type: string,
  object: { id: string } & Record<string, unknown>,
): Promise<void> {
  await db.insert(events).values({ id: newId('evt'), tenantId, type, objectId: object.id, data: object });
}
