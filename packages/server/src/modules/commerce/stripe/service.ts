import type { DeletedStripeSettings, StripeSettings, StripeSettingsUpdate } from '@agentstack/sdk/schemas';
import type { TenantPrincipal } from '../../../auth/principal';
import type { AppContext } from '../../../context';
import type { Executor } from '../../../db/client';
import { ApiError } from '../../../http/errors';
import type { SecretBox } from '../../../webhooks/secretBox';
import { requireFeature } from '../../platform/entitlements/service';
import { type StripeAccountRow, stripeStore } from './store';

/** Where Stripe posts the events of tenant `tenantId`. */
export function stripeWebhookPath(tenantId: string): string {
  return `/v1/commerce/payments/stripe/webhooks/${tenantId}`;
}

// What each sealed value is bound to: a ciphertext copied to another tenant or field does not open.
const sealContext = (tenantId: string, field: 'secret_key' | 'webhook_secret') =>
  `stripe:${tenantId}:${field}`;

/** `sk_test_…4242`: the key's kind and mode, and its last four characters. Never more. */
export function secretKeyHint(secretKey: string): string {
  const mode = /^(sk|rk)_(test|live)_/.exec(secretKey)?.[0] ?? '';
  return `${mode}…${secretKey.slice(-4)}`;
}

/** The server key is needed to keep a tenant's Stripe secrets: `409` without one. */
export function stripeBox(app: Pick<AppContext, 'webhooks'>): SecretBox {
  if (app.webhooks.box) return app.webhooks.box;
  throw new ApiError(
    409,
    'payment_provider_not_configured',
    'Stripe credentials are stored encrypted under the server key, and this server has none: its operator must set AGENTSTACK_SECRET_KEY (the same on every instance).',
  );
}

/** A tenant's Stripe credentials, opened; `undefined` when it has none (or the server no key). */
export async function stripeCredentials(
  db: Executor,
  tenantId: string,
  box: SecretBox | null,
): Promise<{ secretKey: string; webhookSecret: string } | undefined> {
  const row = await stripeStore(db, tenantId).get();
  if (!row || !box) return undefined;
  return {
    secretKey: box.open(row.secretKeySealed, sealContext(tenantId, 'secret_key')),
    webhookSecret: box.open(row.webhookSecretSealed, sealContext(tenantId, 'webhook_secret')),
  };
}

function toSettings(tenantId: string, row: StripeAccountRow | undefined): StripeSettings {
  return {
    object: 'stripe_settings',
    configured: !!row,
    secretKeyHint: row?.secretKeyHint ?? null,
    livemode: row ? row.livemode : null,
    webhookPath: stripeWebhookPath(tenantId),
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Stripe needs the payment-gateway add-on: `403 feature_not_in_plan` naming it otherwise. */
function entitled(caller: TenantPrincipal): string {
  requireFeature(caller.tenant, 'commerce.paymentGateway');
  return caller.tenant.id;
}

/** A tenant's Stripe settings. Secrets go in sealed and never come out. */
export const stripeSettingsService = {
  async retrieve(db: Executor, caller: TenantPrincipal): Promise<StripeSettings> {
    const tenantId = entitled(caller);
    return toSettings(tenantId, await stripeStore(db, tenantId).get());
  },

  /** Sets either secret (both the first time: `400` naming the missing one), sealed under the server key. */
  async update(
    tx: Executor,
    caller: TenantPrincipal,
    input: StripeSettingsUpdate,
    box: SecretBox,
  ): Promise<StripeSettings> {
    const tenantId = entitled(caller);
    const store = stripeStore(tx, tenantId);
    const current = await store.getForUpdate();
    const missing =
      !current &&
      (input.secretKey === undefined
        ? 'secretKey'
        : input.webhookSecret === undefined
          ? 'webhookSecret'
          : null);
    if (missing) {
      throw new ApiError(
        400,
        'validation_failed',
        'The first Stripe settings need both secretKey and webhookSecret.',
        {
          param: missing,
          errors: [{ param: missing, code: 'required', message: 'Required the first time.' }],
        },
      );
    }
    const row = await store.upsert({
      secretKeySealed:
        input.secretKey !== undefined
          ? box.seal(input.secretKey, sealContext(tenantId, 'secret_key'))
          : (current as StripeAccountRow).secretKeySealed,
      secretKeyHint:
        input.secretKey !== undefined
          ? secretKeyHint(input.secretKey)
          : (current as StripeAccountRow).secretKeyHint,
      livemode:
        input.secretKey !== undefined
          ? /_live_/.test(input.secretKey)
          : (current as StripeAccountRow).livemode,
      webhookSecretSealed:
        input.webhookSecret !== undefined
          ? box.seal(input.webhookSecret, sealContext(tenantId, 'webhook_secret'))
          : (current as StripeAccountRow).webhookSecretSealed,
    });
    return toSettings(tenantId, row);
  },

  async remove(tx: Executor, caller: TenantPrincipal): Promise<DeletedStripeSettings> {
    await stripeStore(tx, entitled(caller)).remove();
    return { object: 'stripe_settings', deleted: true };
  },
};
