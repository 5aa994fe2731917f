import { newId } from '@agentstack/sdk/schemas';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';

/** The notification channel on which committed events are announced, as `<tenantId>:<seq>`. */
export const EVENTS_CHANNEL = 'agentstack_events';

/**
 * Records a domain event in the outbox, in the caller's transaction: the event exists if and
 * only if the state change committed. Dispatch (event handlers, webhooks, realtime) reads from
 * here.
 *
 * One statement: it takes the tenant's next sequence number from `event_heads` — whose row lock
 * it holds until the transaction ends, so the tenant's events commit in sequence order and a
 * reader that sees `seq` n has seen every event before it — inserts the event, and announces it
 * on {@link EVENTS_CHANNEL} (delivered when the transaction commits, never if it rolls back).
 * Resolves with the event's sequence number.
 */
export async function recordEvent(
  db: Executor,
  tenantId: string,
  type: string,
  object: { id: string } & Record<string, unknown>,
): Promise<number> {
  const result = await db.execute(sql`
    with head as (
      insert into event_heads (tenant_id, seq) values (${tenantId}, 1)
      on conflict (tenant_id) do update set seq = event_heads.seq + 1
      returning seq
    ), inserted as (
      insert into events (id, tenant_id, seq, type, object_id, data)
      select ${newId('evt')}, ${tenantId}, head.seq, ${type}, ${object.id}, ${JSON.stringify(object)}::jsonb
      from head
      returning seq
    )
    select seq, pg_notify(${EVENTS_CHANNEL}, ${tenantId} || ':' || seq) from inserted`);
  return Number(rowsOf<{ seq: number | string }>(result)[0]!.seq);
}

/** The rows of a raw `execute` result, on either driver (both put them under `rows`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
