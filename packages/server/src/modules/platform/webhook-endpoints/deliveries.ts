import { MAX_REPLAY, requireReplayable } from '@agentstack/sdk/contract';
import type {
  ListResponse,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryListParams,
  WebhookReplay,
  WebhookReplayResult,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { webhookDeliveries } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';
import { rowsOf } from '../../../events/outbox';
import { notFound } from '../../../http/errors';
import { announceDeliveries, webhookPayload } from '../../../webhooks/deliveries';
import { toWebhookEndpoint, webhookEndpointStore } from './store';

/** Attempts shown with each delivery, newest first. */
const ATTEMPTS_SHOWN = 10;

type DeliveryRow = typeof webhookDeliveries.$inferSelect;

function toDeliveryWire(row: DeliveryRow): Omit<WebhookDelivery, 'attempts'> {
  const wire = wireOf(row, 'webhook_delivery', [
    'endpointId',
    'eventId',
    'eventType',
    'status',
    'attemptCount',
    'nextAttemptAt',
    'createdAt',
    'updatedAt',
  ]);
  if (row.status !== 'pending') wire.nextAttemptAt = null;
  return wire;
}

const deliveryStore = defineStore({
  table: webhookDeliveries,
  scope: 'tenantId',
  toWire: toDeliveryWire,
  orders: { createdAt: webhookDeliveries.id },
  defaultOrder: '-createdAt',
});

/** The latest attempts of each delivery (one statement, at most {@link ATTEMPTS_SHOWN} each). */
async function attemptsOf(db: Executor, deliveryIds: string[]): Promise<Map<string, WebhookAttempt[]>> {
  const out = new Map<string, WebhookAttempt[]>(deliveryIds.map((id) => [id, []]));
  if (deliveryIds.length === 0) return out;
  const rows = rowsOf<{
    delivery_id: string;
    attempted_at: Date | string;
    status_code: number | null;
    duration_ms: number;
    response_excerpt: string | null;
    error: string | null;
    succeeded: boolean;
  }>(
    await db.execute(sql`
      select delivery_id, attempted_at, status_code, duration_ms, response_excerpt, error, succeeded from (
        select a.*, row_number() over (partition by delivery_id order by id desc) as n
        from webhook_attempts a
        where delivery_id in (${sql.join(
          deliveryIds.map((id) => sql`${id}`),
          sql`, `,
        )})
      ) ranked where n <= ${ATTEMPTS_SHOWN} order by delivery_id, n`),
  );
  for (const r of rows) {
    out.get(r.delivery_id)?.push({
      attemptedAt: new Date(r.attempted_at).toISOString(),
      statusCode: r.status_code,
      durationMs: r.duration_ms,
      responseExcerpt: r.response_excerpt,
      error: r.error,
      succeeded: r.succeeded,
    });
  }
  return out;
}

async function withAttempts(
  db: Executor,
  deliveries: Omit<WebhookDelivery, 'attempts'>[],
): Promise<WebhookDelivery[]> {
  const attempts = await attemptsOf(
    db,
    deliveries.map((d) => d.id),
  );
  return deliveries.map((d) => ({ ...d, attempts: attempts.get(d.id) ?? [] }));
}

async function endpointFor(db: Executor, tenantId: string, id: string, forUpdate = false) {
  const store = webhookEndpointStore(db, tenantId);
  const endpoint = forUpdate ? await store.getForUpdate(id) : await store.get(id);
  if (!endpoint) throw notFound('webhook endpoint', id);
  return endpoint;
}

/** Deliveries of an endpoint: listing, test events and replays. */
export const webhookDeliveryService = {
  async list(
    db: Executor,
    tenantId: string,
    endpointId: string,
    params: WebhookDeliveryListParams,
  ): Promise<ListResponse<WebhookDelivery>> {
    await endpointFor(db, tenantId, endpointId);
    const { status, ...page } = params;
    const result = await deliveryStore(db, tenantId).page(
      page,
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        status ? eq(webhookDeliveries.status, status) : undefined,
      ),
    );
    return { ...result, data: await withAttempts(db, result.data) };
  },

  /** A `webhook_endpoint.test` event for this endpoint alone, pending at once. */
  async sendTest(tx: Executor, tenantId: string, endpointId: string): Promise<WebhookDelivery> {
    const endpoint = await endpointFor(tx, tenantId, endpointId, true);
    requireReplayable(endpoint.status);
    const event = {
      id: newId('evt'),
      type: 'webhook_endpoint.test',
      seq: 0,
      createdAt: new Date(),
      data: toWebhookEndpoint(endpoint) as unknown as Record<string, unknown>,
    };
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({
        id: newId('whd'),
        tenantId,
        endpointId,
        eventId: event.id,
        eventType: event.type,
        payload: webhookPayload(event),
        nextAttemptAt: sql`now()`,
      })
      .returning();
    await announceDeliveries(tx);
    return { ...toDeliveryWire(row!), attempts: [] };
  },

  async replay(
    tx: Executor,
    tenantId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDelivery> {
    const endpoint = await endpointFor(tx, tenantId, endpointId, true);
    const store = deliveryStore(tx, tenantId);
    const delivery = await store.getForUpdate(deliveryId);
    if (!delivery || delivery.endpointId !== endpointId) throw notFound('webhook delivery', deliveryId);
    requireReplayable(endpoint.status, delivery.status);
    const row = await store.update(deliveryId, { status: 'pending', nextAttemptAt: sql`now()` as never });
    await announceDeliveries(tx);
    return (await withAttempts(tx, [toDeliveryWire(row)]))[0]!;
  },

  async replayMany(
    tx: Executor,
    tenantId: string,
    endpointId: string,
    input: WebhookReplay,
  ): Promise<WebhookReplayResult> {
    const endpoint = await endpointFor(tx, tenantId, endpointId, true);
    requireReplayable(endpoint.status);
    const which = input.status ?? 'failed';
    const result = await tx.execute(sql`
      update webhook_deliveries set status = 'pending', next_attempt_at = now(), updated_at = now()
      where id in (
        select id from webhook_deliveries
        where tenant_id = ${tenantId} and endpoint_id = ${endpointId} and created_at >= ${new Date(input.since).toISOString()}::timestamptz
          and ${which === 'all' ? sql`status <> 'pending'` : sql`status = 'failed'`}
        order by id limit ${MAX_REPLAY}
        for update
      )
      returning id`);
    const replayed = rowsOf<{ id: string }>(result).length;
    if (replayed) await announceDeliveries(tx);
    return { object: 'webhook_replay', replayed };
  },
};
