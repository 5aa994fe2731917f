import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { rowsOf } from './outbox';

/** An event as consumers receive it: the outbox row, `seq` being its place in its tenant's order. */
export interface StoredEvent {
  /** `evt_…`: unique across tenants; receivers deduplicate on it. */
  id: string;
  tenantId: string;
  /** The event's place in its tenant's sequence: gapless, in commit order, from 1. */
  seq: number;
  /** What happened, `<resource>.<verb>` (`product.created`). */
  type: string;
  objectId: string;
  /** The object as the API represents it, after the change. */
  data: Record<string, unknown>;
  createdAt: Date;
}

interface EventRow {
  id: string;
  tenant_id: string;
  seq: number | string;
  type: string;
  object_id: string;
  data: Record<string, unknown> | string;
  created_at: Date | string;
}

function toEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    seq: Number(row.seq),
    type: row.type,
    objectId: row.object_id,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
    createdAt: new Date(row.created_at),
  };
}

/** The tenant's events after `afterSeq`, in order, at most `limit`. */
export async function readEvents(
  db: Executor,
  tenantId: string,
  afterSeq: number,
  limit = 100,
): Promise<StoredEvent[]> {
  const result = await db.execute(sql`
    select id, tenant_id, seq, type, object_id, data, created_at from events
    where tenant_id = ${tenantId} and seq > ${afterSeq}
    order by seq limit ${limit}`);
  return rowsOf<EventRow>(result).map(toEvent);
}

/** The tenant's last event sequence number (0 before its first event). */
export async function headOf(db: Executor, tenantId: string): Promise<number> {
  const rows = rowsOf<{ seq: number | string }>(
    await db.execute(sql`select seq from event_heads where tenant_id = ${tenantId}`),
  );
  return rows[0] ? Number(rows[0].seq) : 0;
}

/** Gives `consumer` a cursor (at 0) on every tenant that has events and no cursor of its own yet. */
export async function openCursors(db: Executor, consumer: string): Promise<void> {
  await db.execute(sql`
    insert into event_cursors (consumer, tenant_id)
    select ${consumer}, h.tenant_id from event_heads h
    where not exists (select 1 from event_cursors c where c.consumer = ${consumer} and c.tenant_id = h.tenant_id)
    on conflict do nothing`);
}

/**
 * Locks one of `consumer`'s cursors that is behind its tenant's head and due, skipping cursors
 * another dispatcher holds: the work of many dispatchers on one database never overlaps.
 */
export async function claimCursor(
  tx: Executor,
  consumer: string,
): Promise<{ tenantId: string; seq: number; attempts: number } | undefined> {
  const rows = rowsOf<{ tenant_id: string; seq: number | string; attempts: number }>(
    await tx.execute(sql`
      select c.tenant_id, c.seq, c.attempts from event_cursors c
      join event_heads h on h.tenant_id = c.tenant_id
      where c.consumer = ${consumer} and c.seq < h.seq and c.next_attempt_at <= now()
      order by c.next_attempt_at
      limit 1
      for update of c skip locked`),
  );
  const row = rows[0];
  return row && { tenantId: row.tenant_id, seq: Number(row.seq), attempts: row.attempts };
}

/**
 * Counts the tenant's events so far as handled by `consumer`: its cursor moves to the tenant's
 * head (made there if it had none). For work that did itself what the handler would have done —
 * the demo seed, which moves its orders on by their actions.
 */
export async function markHandled(tx: Executor, consumer: string, tenantId: string): Promise<void> {
  await tx.execute(sql`
    insert into event_cursors (consumer, tenant_id, seq)
    select ${consumer}, ${tenantId}, coalesce((select seq from event_heads where tenant_id = ${tenantId}), 0)
    on conflict (consumer, tenant_id) do update set seq = excluded.seq, attempts = 0, last_error = null`);
}

/** Moves a cursor past `seq` and clears its failures. */
export async function advanceCursor(
  tx: Executor,
  consumer: string,
  tenantId: string,
  seq: number,
): Promise<void> {
  await tx.execute(sql`
    update event_cursors set seq = ${seq}, attempts = 0, last_error = null, next_attempt_at = now()
    where consumer = ${consumer} and tenant_id = ${tenantId}`);
}

/** Records a failed attempt: the cursor is retried after `delayMs`. */
export async function deferCursor(
  db: Executor,
  consumer: string,
  tenantId: string,
  delayMs: number,
  error: string,
): Promise<void> {
  await db.execute(sql`
    update event_cursors
    set attempts = attempts + 1, last_error = ${error},
        next_attempt_at = now() + make_interval(secs => ${delayMs / 1000})
    where consumer = ${consumer} and tenant_id = ${tenantId}`);
}

/** Per consumer: events not yet handled, and the age in seconds of the oldest of them. */
export async function backlog(
  db: Executor,
): Promise<Array<{ consumer: string; pending: number; oldestSeconds: number; failing: number }>> {
  const rows = rowsOf<{
    consumer: string;
    pending: string | number;
    oldest: string | number | null;
    failing: string | number;
  }>(
    await db.execute(sql`
      select c.consumer,
             coalesce(sum(h.seq - c.seq), 0) as pending,
             coalesce(extract(epoch from now() - min(e.created_at)), 0) as oldest,
             count(*) filter (where c.attempts > 0) as failing
      from event_cursors c
      join event_heads h on h.tenant_id = c.tenant_id
      left join events e on e.tenant_id = c.tenant_id and e.seq = c.seq + 1
      where c.seq < h.seq
      group by c.consumer`),
  );
  return rows.map((r) => ({
    consumer: r.consumer,
    pending: Number(r.pending),
    oldestSeconds: Number(r.oldest ?? 0),
    failing: Number(r.failing),
  }));
}

/**
 * Deletes events older than `before` that every one of `consumers` has handled (an event a
 * consumer still needs is kept whatever its age). Resolves with the number removed.
 */
export async function pruneEvents(db: Executor, before: Date, consumers: readonly string[]): Promise<number> {
  const stillNeeded = consumers.length
    ? sql`and not exists (
        select 1 from (values ${sql.join(
          consumers.map((name) => sql`(${name})`),
          sql`, `,
        )}) as k(consumer)
        where not exists (
          select 1 from event_cursors c
          where c.consumer = k.consumer and c.tenant_id = e.tenant_id and c.seq >= e.seq))`
    : sql``;
  const result = await db.execute(sql`
    with removed as (
      delete from events e where e.created_at < ${before.toISOString()}::timestamptz ${stillNeeded} returning 1
    )
    select count(*) as n from removed`);
  return Number(rowsOf<{ n: string | number }>(result)[0]?.n ?? 0);
}
