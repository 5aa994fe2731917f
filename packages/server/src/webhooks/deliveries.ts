import { webhookFilterMatches } from '@agentstack/sdk/contract';
import { newId } from '@agentstack/sdk/schemas';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Executor } from '../db/client';
import { isRetryableConflict } from '../db/errors';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../db/schema';
import { registerBackgroundTask, registerEventHandler } from '../events/dispatcher';
import { recordEvent, rowsOf } from '../events/outbox';
import type { StoredEvent } from '../events/store';
import { toWebhookEndpoint } from '../modules/platform/webhook-endpoints/store';
import { errorFields } from '../observability/errorFields';
import { type AttemptResult, postWebhook, signatureHeader } from './sender';

/** Announces, at commit, that deliveries are due: every instance's sending task wakes. */
export const WEBHOOKS_CHANNEL = 'agentstack_webhooks';
/** The background task that sends due deliveries. */
export const WEBHOOK_TASK = 'webhooks.send';
/** The event handler that records deliveries. */
export const WEBHOOK_FANOUT = 'webhooks.fanout';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** The JSON body of a delivery: the event as the realtime stream and the SDK's `WebhookEvent` show it. */
export function webhookPayload(
  event: Pick<StoredEvent, 'id' | 'type' | 'seq' | 'createdAt' | 'data'>,
): string {
  return JSON.stringify({
    id: event.id,
    object: 'event',
    type: event.type,
    seq: event.seq,
    createdAt: event.createdAt.toISOString(),
    data: event.data,
  });
}

/** Wakes the sending task of every instance when the caller's transaction commits. */
export async function announceDeliveries(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_notify(${WEBHOOKS_CHANNEL}, '')`);
}

/**
 * Records one delivery of each of `events` (one tenant's) per enabled endpoint of the tenant whose
 * filters take it and that existed when the event happened, with one read of the endpoints and
 * one insert for the whole batch. Idempotent: a delivery is unique per endpoint and event, so a
 * batch handled twice records nothing new.
 */
export async function fanOut(tx: Executor, events: readonly StoredEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const latest = new Date(Math.max(...events.map((e) => e.createdAt.getTime())));
  const endpoints = await tx
    .select({
      id: webhookEndpoints.id,
      enabledEvents: webhookEndpoints.enabledEvents,
      // Its creation time rounded up to the millisecond: `since <= t` for an event's time `t`
      // (whole milliseconds) exactly when PostgreSQL finds `created_at <= t`.
      since: sql<number>`ceil(extract(epoch from ${webhookEndpoints.createdAt}) * 1000)`.mapWith(Number),
    })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.tenantId, events[0]!.tenantId),
        eq(webhookEndpoints.status, 'enabled'),
        lte(webhookEndpoints.createdAt, latest),
      ),
    );
  const deliveries = events.flatMap((event) => {
    const matching = endpoints.filter(
      (e) => e.since <= event.createdAt.getTime() && webhookFilterMatches(e.enabledEvents, event.type),
    );
    if (matching.length === 0) return [];
    const payload = webhookPayload(event);
    return matching.map((e) => ({
      id: newId('whd'),
      tenantId: event.tenantId,
      endpointId: e.id,
      eventId: event.id,
      eventType: event.type,
      payload,
      nextAttemptAt: sql`now()`,
    }));
  });
  if (deliveries.length === 0) return 0;
  const inserted = await tx
    .insert(webhookDeliveries)
    .values(deliveries)
    .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] })
    .returning({ id: webhookDeliveries.id });
  if (inserted.length) await announceDeliveries(tx);
  return inserted.length;
}

/** Gives up the endpoint's pending deliveries (it was disabled): they can be replayed later. */
export async function failPendingDeliveries(tx: Executor, endpointId: string): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({ status: 'failed', nextAttemptAt: null, updatedAt: sql`now()` })
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')));
}

/**
 * Claims up to `limit` due deliveries of enabled endpoints, skipping rows another sender holds
 * (`FOR UPDATE SKIP LOCKED`): each claim counts the attempt and leases the row until
 * `leaseMs` from now, so no other sender takes it while this attempt runs. A sender that dies
 * mid-attempt leaves the row to be taken again when the lease ends (at least once).
 */
async function claimDue(app: AppContext, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
  const result = await app.db.execute(sql`
    with due as (
      select d.id from webhook_deliveries d
      where d.status = 'pending' and d.next_attempt_at <= now()
      order by d.next_attempt_at
      limit ${limit}
      for update of d skip locked
    )
    update webhook_deliveries d
       set attempt_count = d.attempt_count + 1,
           next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000}),
           updated_at = now()
      from due where d.id = due.id
    returning d.id`);
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  return app.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));
}

/** The secrets that sign now: the current one, and the replaced one while its window lasts. */
function signingSecrets(app: AppContext, endpoint: EndpointRow): string[] {
  const box = app.webhooks.box;
  if (!box) throw new Error('no server key: webhook secrets cannot be read');
  const secrets = [box.open(endpoint.secretSealed, endpoint.id)];
  if (endpoint.previousSecretSealed && (endpoint.previousSecretExpiresAt?.getTime() ?? 0) > Date.now()) {
    secrets.push(box.open(endpoint.previousSecretSealed, endpoint.id));
  }
  return secrets;
}

/** Sends one claimed delivery and records the attempt. */
async function attempt(
  app: AppContext,
  delivery: DeliveryRow,
  endpoint: EndpointRow | undefined,
): Promise<void> {
  if (endpoint?.status !== 'enabled') {
    // Disabled (or deleted) since the claim: no attempt, the delivery waits for a replay.
    await app.db
      .update(webhookDeliveries)
      .set({ status: 'failed', nextAttemptAt: null, updatedAt: sql`now()` })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'pending')));
    return;
  }
  const attemptedAt = new Date();
  let secrets: string[] | undefined;
  try {
    secrets = signingSecrets(app, endpoint);
  } catch {
    // Sealed under another server key (it was changed): say so on the attempt, send nothing unsigned.
  }
  const result: AttemptResult = secrets
    ? await postWebhook({
        url: endpoint.url,
        body: delivery.payload,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'AgentStack-Webhooks/1.0',
          'agentstack-signature': signatureHeader(delivery.payload, secrets, Math.floor(Date.now() / 1000)),
          'agentstack-event-id': delivery.eventId,
          'agentstack-event-type': delivery.eventType,
          'agentstack-delivery-id': delivery.id,
        },
        timeoutMs: app.webhooks.timeoutMs,
        allowPrivate: app.webhooks.allowPrivate,
        resolve: app.webhooks.resolve,
      })
    : {
        statusCode: null,
        durationMs: 0,
        responseExcerpt: null,
        error:
          'the endpoint secret cannot be decrypted with this server key (was AGENTSTACK_SECRET_KEY changed?)',
        succeeded: false,
      };
  countAttempt(app, result.succeeded);
  for (let tries = 1; ; tries++) {
    try {
      await app.db.transaction((tx) => recordAttempt(tx, app, delivery, endpoint.id, attemptedAt, result));
      return;
    } catch (error) {
      if (tries >= 3 || !isRetryableConflict(error)) throw error;
    }
  }
}

/**
 * Records an attempt: the attempt row; the delivery succeeded, rescheduled (the retry delay of
 * its attempt count) or failed for good (past `maxAgeMs` from its creation); and the endpoint's
 * failure streak — which, once `disableAfterFailures` attempts in a row have failed over at least
 * `disableAfterMs`, disables the endpoint with its reason and records `webhook_endpoint.disabled`.
 */
async function recordAttempt(
  tx: Executor,
  app: AppContext,
  delivery: DeliveryRow,
  endpointId: string,
  attemptedAt: Date,
  result: AttemptResult,
): Promise<void> {
  const options = app.webhooks;
  await tx.insert(webhookAttempts).values({
    id: newId('wha'),
    tenantId: delivery.tenantId,
    deliveryId: delivery.id,
    attemptedAt,
    ...result,
  });
  // Locks in the order every writer of an endpoint's deliveries uses — the endpoint, then its
  // deliveries (disabling fails them while holding the endpoint) — so two never deadlock.
  let endpoint: EndpointRow | undefined;
  if (result.succeeded) {
    // The common case takes no endpoint lock unless there is a failure streak to end.
    await tx
      .update(webhookEndpoints)
      .set({ failureStreak: 0, failingSince: null })
      .where(and(eq(webhookEndpoints.id, endpointId), sql`${webhookEndpoints.failureStreak} > 0`));
  } else {
    [endpoint] = await tx
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId))
      .for('update');
  }
  const retryAt = new Date(Date.now() + Math.max(0, options.retryDelayMs(delivery.attemptCount)));
  const expired = retryAt.getTime() > delivery.createdAt.getTime() + options.maxAgeMs;
  // Only the claim this attempt made: a replay or another sender's later claim is left alone.
  await tx
    .update(webhookDeliveries)
    .set(
      result.succeeded
        ? { status: 'succeeded', nextAttemptAt: null, updatedAt: sql`now()` }
        : expired
          ? { status: 'failed', nextAttemptAt: null, updatedAt: sql`now()` }
          : { nextAttemptAt: retryAt, updatedAt: sql`now()` },
    )
    .where(
      and(
        eq(webhookDeliveries.id, delivery.id),
        eq(webhookDeliveries.status, 'pending'),
        eq(webhookDeliveries.attemptCount, delivery.attemptCount),
      ),
    );
  if (!endpoint) return;
  const streak = endpoint.failureStreak + 1;
  const since = endpoint.failingSince ?? attemptedAt;
  const disable =
    endpoint.status === 'enabled' &&
    streak >= options.disableAfterFailures &&
    attemptedAt.getTime() - since.getTime() >= options.disableAfterMs;
  const last = result.statusCode === null ? (result.error ?? 'no response') : `HTTP ${result.statusCode}`;
  const [updated] = await tx
    .update(webhookEndpoints)
    .set({
      failureStreak: streak,
      failingSince: since,
      ...(disable && {
        status: 'disabled' as const,
        disabledReason:
          `Disabled automatically: ${streak} delivery attempts in a row failed over ${describeSpan(
            attemptedAt.getTime() - since.getTime(),
          )} (last: ${last}).`.slice(0, 1000),
        updatedAt: sql`now()`,
      }),
    })
    .where(eq(webhookEndpoints.id, endpointId))
    .returning();
  if (disable && updated) {
    await failPendingDeliveries(tx, endpointId);
    await recordEvent(tx, updated.tenantId, 'webhook_endpoint.disabled', toWebhookEndpoint(updated));
    app.log.warn('webhook endpoint disabled after repeated failure', {
      tenantId: updated.tenantId,
      endpointId,
      failures: streak,
    });
  }
}

function describeSpan(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 48) return `${Math.round(hours / 24)} days`;
  if (hours >= 1) return `${Math.round(hours)} hours`;
  return `${Math.max(0, Math.round(ms / 60_000))} minutes`;
}

const inFlight = new WeakMap<AppContext, number>();
const attempts = new WeakMap<AppContext, { succeeded: number; failed: number }>();

function countAttempt(app: AppContext, succeeded: boolean): void {
  const counts = attempts.get(app) ?? { succeeded: 0, failed: 0 };
  counts[succeeded ? 'succeeded' : 'failed']++;
  attempts.set(app, counts);
}

/**
 * Lines for `/metrics`: this instance's attempts by outcome, and — read from the database, so the
 * same on every instance — the deliveries waiting for an attempt and how late the oldest due one is.
 */
export async function webhookMetrics(app: AppContext): Promise<string[]> {
  const counts = attempts.get(app) ?? { succeeded: 0, failed: 0 };
  const [row] = rowsOf<{ pending: number | string; lag: number | string | null }>(
    await app.db.execute(sql`
      select count(*) as pending,
        extract(epoch from now() - min(next_attempt_at) filter (where next_attempt_at <= now())) as lag
      from webhook_deliveries where status = 'pending'`),
  );
  return [
    '# HELP agentstack_webhook_attempts_total Webhook delivery attempts made by this instance, by outcome.',
    '# TYPE agentstack_webhook_attempts_total counter',
    `agentstack_webhook_attempts_total{outcome="succeeded"} ${counts.succeeded}`,
    `agentstack_webhook_attempts_total{outcome="failed"} ${counts.failed}`,
    '# HELP agentstack_webhook_deliveries_pending Webhook deliveries waiting for an attempt (all tenants).',
    '# TYPE agentstack_webhook_deliveries_pending gauge',
    `agentstack_webhook_deliveries_pending ${Number(row?.pending ?? 0)}`,
    '# HELP agentstack_webhook_delivery_lag_seconds How long the most overdue pending delivery has been due.',
    '# TYPE agentstack_webhook_delivery_lag_seconds gauge',
    `agentstack_webhook_delivery_lag_seconds ${Math.max(0, Number(row?.lag ?? 0))}`,
  ];
}

/** Sending rounds running on this instance: claimed attempts not yet all recorded (tests wait for 0). */
export function webhookSendsInFlight(app: AppContext): number {
  return inFlight.get(app) ?? 0;
}

/**
 * One round of sending: claims due deliveries (at most `batchSize`) and sends them, at most
 * `concurrency` at once. Resolves with the number claimed (the task runs again at once while
 * there were some).
 */
export async function sendDueWebhooks(app: AppContext): Promise<number> {
  const options = app.webhooks;
  if (!options.box) return 0;
  inFlight.set(app, webhookSendsInFlight(app) + 1);
  try {
    return await sendRound(app);
  } finally {
    inFlight.set(app, webhookSendsInFlight(app) - 1);
  }
}

async function sendRound(app: AppContext): Promise<number> {
  const options = app.webhooks;
  const claimed = await claimDue(app, options.batchSize, options.timeoutMs + 30_000);
  if (claimed.length === 0) return 0;
  const endpointIds = [...new Set(claimed.map((d) => d.endpointId))];
  const endpoints = new Map(
    (await app.db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, endpointIds))).map(
      (e) => [e.id, e],
    ),
  );
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const delivery = claimed[next++]!;
      try {
        await attempt(app, delivery, endpoints.get(delivery.endpointId));
      } catch (error) {
        // The lease runs out and the delivery is tried again; never the secret or signature in the log.
        app.log.warn('webhook attempt could not be recorded', {
          deliveryId: delivery.id,
          ...errorFields(error),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, claimed.length) }, worker));
  return claimed.length;
}

registerEventHandler({
  name: WEBHOOK_FANOUT,
  types: ['*'],
  async handle(tx, event) {
    await fanOut(tx, [event]);
  },
  async handleBatch(tx, events) {
    await fanOut(tx, events);
  },
});

registerBackgroundTask({
  name: WEBHOOK_TASK,
  intervalMs: 1000,
  run: async (app) => (await sendDueWebhooks(app)) > 0,
});
