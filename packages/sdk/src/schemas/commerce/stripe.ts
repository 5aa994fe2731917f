import * as z from 'zod/mini';
import { safeString, Timestamp } from '../common';

/**
 * Stripe: a tenant's own Stripe account takes its shoppers' payments (PaymentIntents), with the
 * payment-gateway add-on (`commerce.paymentGateway`). The tenant's secret key and webhook signing
 * secret are stored encrypted under the server key and never answered back: the settings show a
 * hint of the key (mode and last four characters) only.
 */

/** A tenant's Stripe settings, without any secret. */
export const StripeSettings = z.strictObject({
  object: z.literal('stripe_settings'),
  /** Whether Stripe can take payments: a secret key and a webhook signing secret are set. */
  configured: z.boolean(),
  /** The secret key's kind, mode and last four characters (`sk_test_…4242`); never the key. */
  secretKeyHint: z.nullable(z.string()),
  /** `true` for a live-mode key, `false` for test mode; `null` when none is set. */
  livemode: z.nullable(z.boolean()),
  /** The path (under the API's public URL) to give Stripe as this tenant's webhook endpoint. */
  webhookPath: z.string(),
  updatedAt: z.nullable(Timestamp),
});
export type StripeSettings = z.infer<typeof StripeSettings>;

/** Body of `PATCH /v1/commerce/payments/stripe`: the first time both are needed. */
export const StripeSettingsUpdate = z.strictObject({
  /** A secret (`sk_…`) or restricted (`rk_…`) key of the tenant's Stripe account. */
  secretKey: z.optional(
    safeString(
      z.regex(
        /^(sk|rk)_(test|live)_[0-9A-Za-z]{8,250}$/,
        'must be a Stripe secret key (sk_test_… or sk_live_…)',
      ),
    ),
  ),
  /** The signing secret of the webhook endpoint set up in Stripe for `webhookPath` (`whsec_…`). */
  webhookSecret: z.optional(
    safeString(z.regex(/^whsec_[0-9A-Za-z+/=]{8,250}$/, 'must be a Stripe webhook signing secret (whsec_…)')),
  ),
});
export type StripeSettingsUpdate = z.input<typeof StripeSettingsUpdate>;

/** The answer of `DELETE /v1/commerce/payments/stripe`. */
export const DeletedStripeSettings = z.strictObject({
  object: z.literal('stripe_settings'),
  deleted: z.literal(true),
});
export type DeletedStripeSettings = z.infer<typeof DeletedStripeSettings>;

/**
 * A Stripe event as Stripe posts it to the webhook endpoint: only its `id` and `type` are read
 * before the signature is checked on the raw body.
 */
export const StripeWebhookEvent = z.looseObject({
  id: safeString(z.minLength(1), z.maxLength(255)),
  type: safeString(z.minLength(1), z.maxLength(255)),
});
export type StripeWebhookEvent = z.input<typeof StripeWebhookEvent>;

/** The answer to Stripe: the event was verified and applied (or had been already). */
export const StripeWebhookReceipt = z.strictObject({
  received: z.literal(true),
  /** `false` when the event had been applied before (a replay changes nothing). */
  applied: z.boolean(),
});
export type StripeWebhookReceipt = z.infer<typeof StripeWebhookReceipt>;
