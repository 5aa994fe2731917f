import { randomBytes } from 'node:crypto';
import { DEFAULT_SECRET_OVERLAP_SECONDS, webhookSecretPrefix } from '@agentstack/sdk/contract';
import type {
  ListResponse,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookSecretRotate,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import type { AppContext } from '../../../context';
import type { Executor } from '../../../db/client';
import { ApiError, notFound } from '../../../http/errors';
import { receiverUrlProblem } from '../../../webhooks/address';
import { failPendingDeliveries } from '../../../webhooks/deliveries';
import type { SecretBox } from '../../../webhooks/secretBox';
import { toWebhookEndpoint, webhookEndpointStore } from './store';

/** The server key is needed to keep a secret: PostgreSQL without `AGENTSTACK_SECRET_KEY` has none. */
function secretBox(app: AppContext): SecretBox {
  if (app.webhooks.box) return app.webhooks.box;
  throw new ApiError(
    409,
    'webhooks_not_configured',
    'Webhook secrets are stored encrypted under the server key, and this server has none: its operator must set AGENTSTACK_SECRET_KEY (the same on every instance).',
  );
}

/** `400 validation_failed` on `url` when the receiver may not be reached (server-side request forgery). */
function checkReceiver(app: AppContext, url: string): void {
  const problem = receiverUrlProblem(url, app.webhooks.allowPrivate);
  if (problem) {
    throw new ApiError(
      400,
      'validation_failed',
      `url ${problem}: receivers must be public https: addresses.`,
      {
        param: 'url',
      },
    );
  }
}

/** A new signing secret: `whsec_` and 32 random bytes. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** A tenant's webhook endpoints. The secret is returned at creation and rotation only. */
export const webhookEndpointService = {
  async list(db: Executor, tenantId: string, params: { limit?: number; startingAfter?: string }) {
    return webhookEndpointStore(db, tenantId).page(params) as Promise<ListResponse<WebhookEndpoint>>;
  },

  async retrieve(db: Executor, tenantId: string, id: string): Promise<WebhookEndpoint> {
    const row = await webhookEndpointStore(db, tenantId).get(id);
    if (!row) throw notFound('webhook endpoint', id);
    return toWebhookEndpoint(row);
  },

  async create(
    tx: Executor,
    app: AppContext,
    tenantId: string,
    input: WebhookEndpointCreate,
  ): Promise<WebhookEndpointWithSecret> {
    const box = secretBox(app);
    checkReceiver(app, input.url);
    const id = newId('we');
    const secret = newSecret();
    const row = await webhookEndpointStore(tx, tenantId).insert({
      id,
      url: input.url,
      description: input.description ?? '',
      enabledEvents: [...new Set(input.enabledEvents)],
      secretSealed: box.seal(secret, id),
      secretPrefix: webhookSecretPrefix(secret),
    });
    return { ...toWebhookEndpoint(row), secret };
  },

  async update(
    tx: Executor,
    app: AppContext,
    tenantId: string,
    id: string,
    input: WebhookEndpointUpdate,
  ): Promise<WebhookEndpoint> {
    const store = webhookEndpointStore(tx, tenantId);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('webhook endpoint', id);
    if (input.url !== undefined) checkReceiver(app, input.url);
    const patch: Parameters<typeof store.update>[1] = {
      ...(input.url !== undefined && { url: input.url }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.enabledEvents !== undefined && { enabledEvents: [...new Set(input.enabledEvents)] }),
    };
    if (input.status === 'enabled' && current.status !== 'enabled') {
      Object.assign(patch, { status: 'enabled', disabledReason: null, failureStreak: 0, failingSince: null });
    } else if (input.status === 'disabled' && current.status !== 'disabled') {
      Object.assign(patch, { status: 'disabled', disabledReason: 'Disabled through the API.' });
      await failPendingDeliveries(tx, id);
    }
    return toWebhookEndpoint(await store.update(id, patch));
  },

  async remove(tx: Executor, tenantId: string, id: string) {
    const store = webhookEndpointStore(tx, tenantId);
    if (!(await store.getForUpdate(id))) throw notFound('webhook endpoint', id);
    await store.remove(id); // its deliveries and attempts go with it (on delete cascade)
    return { id, object: 'webhook_endpoint' as const, deleted: true as const };
  },

  /**
   * Replaces the secret; the replaced one keeps signing for `expiresInSeconds` (24 h by default,
   * 0: at once). A rotation within another's window drops the older secret.
   */
  async rotateSecret(
    tx: Executor,
    app: AppContext,
    tenantId: string,
    id: string,
    input: WebhookSecretRotate,
  ): Promise<WebhookEndpointWithSecret> {
    const box = secretBox(app);
    const store = webhookEndpointStore(tx, tenantId);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('webhook endpoint', id);
    const overlap = input.expiresInSeconds ?? DEFAULT_SECRET_OVERLAP_SECONDS;
    const secret = newSecret();
    const row = await store.update(id, {
      secretSealed: box.seal(secret, id),
      secretPrefix: webhookSecretPrefix(secret),
      previousSecretSealed: overlap > 0 ? current.secretSealed : null,
      previousSecretExpiresAt: overlap > 0 ? new Date(Date.now() + overlap * 1000) : null,
    });
    return { ...toWebhookEndpoint(row), secret };
  },
};
