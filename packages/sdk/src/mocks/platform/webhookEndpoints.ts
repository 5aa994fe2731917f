import { webhookEndpointOperations } from '../../contract/platform/webhookEndpoints';
import {
  DEFAULT_SECRET_OVERLAP_SECONDS,
  MAX_REPLAY,
  requireReplayable,
  webhookSecretPrefix,
} from '../../contract/platform/webhookRules';
import { newId } from '../../schemas/ids';
import type {
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../../schemas/platform/webhookEndpoint';
import { findById, now, paginate } from '../collection';
import type { MockDb, MockWebhookEndpoint } from '../db';
import { mockResource } from '../pipeline';
import { randomToken } from '../problems';

/** The wire shape: never the secrets. */
function toEndpoint(endpoint: MockWebhookEndpoint): WebhookEndpoint {
  const { secret: _secret, previousSecret: _previous, ...wire } = endpoint;
  // A rotated secret whose window has passed no longer signs (the server forgets it the same way).
  if (wire.previousSecretExpiresAt && Date.parse(wire.previousSecretExpiresAt) <= Date.now()) {
    wire.previousSecretExpiresAt = null;
  }
  return wire;
}

const withSecret = (endpoint: MockWebhookEndpoint): WebhookEndpointWithSecret => ({
  ...toEndpoint(endpoint),
  secret: endpoint.secret,
});

/** Queues `delivery` again at once, as the server does (the model sends nothing: it stays pending). */
function replay(delivery: WebhookDelivery): WebhookDelivery {
  const at = now();
  return Object.assign(delivery, { status: 'pending' as const, nextAttemptAt: at, updatedAt: at });
}

const endpointOf = (db: MockDb, id: string) => findById(db.webhookEndpoints, id, 'webhook endpoint');

/**
 * `/v1/platform/webhook-endpoints` in memory. The model sends nothing: it keeps the endpoints and
 * the deliveries its fixtures hold. It behaves as a server whose operator allows private
 * receivers (the embedded demo), so `http://localhost…` receivers are accepted.
 */
export const webhookEndpointMocks = mockResource(webhookEndpointOperations, {
  list(ctx) {
    ctx.tenant();
    return paginate(ctx.db.webhookEndpoints.map(toEndpoint), ctx.query);
  },
  create(ctx) {
    ctx.tenant();
    const at = now();
    const secret = randomToken('whsec_');
    const endpoint: MockWebhookEndpoint = {
      id: newId('we'),
      object: 'webhook_endpoint',
      url: ctx.body.url,
      description: ctx.body.description ?? '',
      enabledEvents: [...ctx.body.enabledEvents],
      status: 'enabled',
      disabledReason: null,
      secretPrefix: webhookSecretPrefix(secret),
      previousSecretExpiresAt: null,
      createdAt: at,
      updatedAt: at,
      secret,
      previousSecret: null,
    };
    ctx.db.webhookEndpoints.push(endpoint);
    return withSecret(endpoint);
  },
  retrieve(ctx) {
    ctx.tenant();
    return toEndpoint(findById(ctx.db.webhookEndpoints, ctx.params.id, 'webhook endpoint'));
  },
  update(ctx) {
    ctx.tenant();
    const endpoint = findById(ctx.db.webhookEndpoints, ctx.params.id, 'webhook endpoint');
    const { status, ...fields } = ctx.body;
    Object.assign(endpoint, fields, { updatedAt: now() });
    if (status === 'enabled' && endpoint.status !== 'enabled') {
      Object.assign(endpoint, { status, disabledReason: null });
    } else if (status === 'disabled' && endpoint.status !== 'disabled') {
      Object.assign(endpoint, { status, disabledReason: 'Disabled through the API.' });
      for (const d of ctx.db.webhookDeliveries) {
        if (d.endpointId === endpoint.id && d.status === 'pending')
          Object.assign(d, { status: 'failed', nextAttemptAt: null });
      }
    }
    return toEndpoint(endpoint);
  },
  del(ctx) {
    ctx.tenant();
    const endpoint = findById(ctx.db.webhookEndpoints, ctx.params.id, 'webhook endpoint');
    ctx.db.webhookEndpoints = ctx.db.webhookEndpoints.filter((e) => e.id !== endpoint.id);
    ctx.db.webhookDeliveries = ctx.db.webhookDeliveries.filter((d) => d.endpointId !== endpoint.id);
    return { id: endpoint.id, object: 'webhook_endpoint' as const, deleted: true as const };
  },
  rotateSecret(ctx) {
    ctx.tenant();
    const endpoint = findById(ctx.db.webhookEndpoints, ctx.params.id, 'webhook endpoint');
    const overlap = ctx.body?.expiresInSeconds ?? DEFAULT_SECRET_OVERLAP_SECONDS;
    const secret = randomToken('whsec_');
    Object.assign(endpoint, {
      previousSecret: overlap > 0 ? endpoint.secret : null,
      previousSecretExpiresAt: overlap > 0 ? new Date(Date.now() + overlap * 1000).toISOString() : null,
      secret,
      secretPrefix: webhookSecretPrefix(secret),
      updatedAt: now(),
    });
    return withSecret(endpoint);
  },
  sendTest(ctx) {
    ctx.tenant();
    const endpoint = endpointOf(ctx.db, ctx.params.id);
    requireReplayable(endpoint.status);
    const at = now();
    const delivery: WebhookDelivery = {
      id: newId('whd'),
      object: 'webhook_delivery',
      endpointId: endpoint.id,
      eventId: newId('evt'),
      eventType: 'webhook_endpoint.test',
      status: 'pending',
      attemptCount: 0,
      nextAttemptAt: at,
      attempts: [],
      createdAt: at,
      updatedAt: at,
    };
    ctx.db.webhookDeliveries.push(delivery);
    return delivery;
  },
  listDeliveries(ctx) {
    ctx.tenant();
    const endpoint = endpointOf(ctx.db, ctx.params.id);
    const { status, ...page } = ctx.query;
    return paginate(
      ctx.db.webhookDeliveries.filter(
        (d) => d.endpointId === endpoint.id && (!status || d.status === status),
      ),
      page,
    );
  },
  replayDelivery(ctx) {
    ctx.tenant();
    const endpoint = endpointOf(ctx.db, ctx.params.id);
    const delivery = findById(
      ctx.db.webhookDeliveries.filter((d) => d.endpointId === endpoint.id),
      ctx.params.deliveryId,
      'webhook delivery',
    );
    requireReplayable(endpoint.status, delivery.status);
    return replay(delivery);
  },
  replayDeliveries(ctx) {
    ctx.tenant();
    const endpoint = endpointOf(ctx.db, ctx.params.id);
    requireReplayable(endpoint.status);
    const since = Date.parse(ctx.body.since);
    const which = ctx.body.status ?? 'failed';
    const chosen = ctx.db.webhookDeliveries
      .filter(
        (d) =>
          d.endpointId === endpoint.id &&
          Date.parse(d.createdAt) >= since &&
          (which === 'all' ? d.status !== 'pending' : d.status === 'failed'),
      )
      .sort((x, y) => (x.id < y.id ? -1 : 1))
      .slice(0, MAX_REPLAY);
    for (const d of chosen) replay(d);
    return { object: 'webhook_replay' as const, replayed: chosen.length };
  },
});
