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
  const [seq] = await recordEvents(db, tenantId, [{ type, object }]);
  return seq!;
}

/**
 * Records several domain events of one tenant in the outbox, in the given order, in one
 * statement — as {@link recordEvent} does one: the head moves by their number, each event takes
 * the next sequence number and is announced. Resolves with their sequence numbers, in order.
 */
export async function recordEvents(
  db: Executor,
  tenantId: string,
  events: readonly { type: string; object: { id: string } & Record<string, unknown> }[],
): Promise<number[]> {
  if (events.length === 0) return [];
  const n = events.length;
  const rows = events.map((e, i) => ({
    n: i + 1,
    id: newId('evt'),
    type: e.type,
    object_id: e.object.id,
    data: e.object,
  }));
  const result = await db.execute(sql`
    with head as (
      insert into event_heads (tenant_id, seq) values (${tenantId}, ${n})
      on conflict (tenant_id) do update set seq = event_heads.seq + ${n}
      returning seq
    ), inserted as (
      insert into events (id, tenant_id, seq, type, object_id, data)
      select e.id, ${tenantId}, head.seq - ${n} + e.n, e.type, e.object_id, e.data
      from head, jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as e(n int, id text, type text, object_id text, data jsonb)
      returning seq
    )
    select seq, pg_notify(${EVENTS_CHANNEL}, ${tenantId} || ':' || seq) from inserted`);
  return rowsOf<{ seq: number | string }>(result)
    .map((r) => Number(r.seq))
    .sort((a, b) => a - b);
}

/** The rows of a raw `execute` result, on either driver (both put them under `rows`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
