import { stripeOperations } from '../../contract/commerce/stripe';
import { ProblemError } from '../../contract/problem';
import type { StripeSettings } from '../../schemas/commerce/stripe';
import { verifyWebhook } from '../../webhooks';
import { now } from '../collection';
import type { MockDb } from '../db';
import { type MockContext, mockResource } from '../pipeline';
import { requireMockFeature } from '../rules';

type Ctx = MockContext<(typeof stripeOperations)[keyof typeof stripeOperations]>;

/** As the server: a tenant caller, then the payment-gateway add-on. */
function entitled(ctx: Ctx): MockDb {
  ctx.tenant();
  requireMockFeature(ctx.db, 'commerce.paymentGateway');
  return ctx.db;
}

function settings(db: MockDb): StripeSettings {
  return {
    object: 'stripe_settings',
    configured: db.stripe !== null,
    secretKeyHint: db.stripe?.secretKeyHint ?? null,
    livemode: db.stripe ? db.stripe.livemode : null,
    webhookPath: `/v1/commerce/payments/stripe/webhooks/${db.tenant.id}`,
    updatedAt: db.stripe?.updatedAt ?? null,
  };
}

const invalidSignature = () =>
  new ProblemError(
    400,
    'invalid_signature',
    "The Stripe-Signature header does not verify this body with the store's webhook signing secret.",
  );

/** `/v1/commerce/payments/stripe` in memory: settings, and a webhook that verifies and dedupes. */
export const stripeMocks = mockResource(stripeOperations, {
  retrieve: (ctx) => settings(entitled(ctx)),
  update(ctx) {
    const db = entitled(ctx);
    const { secretKey, webhookSecret } = ctx.body;
    const missing =
      !db.stripe &&
      (secretKey === undefined ? 'secretKey' : webhookSecret === undefined ? 'webhookSecret' : null);
    if (missing) {
      throw new ProblemError(
        400,
        'validation_failed',
        'The first Stripe settings need both secretKey and webhookSecret.',
        {
          param: missing,
          errors: [{ param: missing, code: 'required', message: 'Required the first time.' }],
        },
      );
    }
    const mode = secretKey ? (/^(sk|rk)_(test|live)_/.exec(secretKey)?.[0] ?? '') : '';
    db.stripe = {
      secretKeyHint: secretKey ? `${mode}…${secretKey.slice(-4)}` : (db.stripe?.secretKeyHint ?? ''),
      livemode: secretKey ? /_live_/.test(secretKey) : (db.stripe?.livemode ?? false),
      webhookSecret: webhookSecret ?? db.stripe?.webhookSecret ?? '',
      updatedAt: now(),
    };
    return settings(db);
  },
  del(ctx) {
    entitled(ctx).stripe = null;
    return { object: 'stripe_settings', deleted: true };
  },
  // Async (the signature check uses WebCrypto): the pipeline awaits every implementation.
  receiveWebhook: (async ({
    db,
    params,
    request,
    rawBody,
  }: MockContext<typeof stripeOperations.receiveWebhook>) => {
    if (!db.stripe || params.tenantId !== db.tenant.id) throw invalidSignature();
    let event: { id: string };
    try {
      event = await verifyWebhook(rawBody, request.headers.get('stripe-signature'), db.stripe.webhookSecret);
    } catch {
      throw invalidSignature();
    }
    if (db.stripeEvents.has(event.id)) return { received: true, applied: false };
    db.stripeEvents.add(event.id);
    return { received: true, applied: true };
  }) as unknown as (ctx: MockContext<typeof stripeOperations.receiveWebhook>) => {
    received: true;
    applied: boolean;
  },
});
