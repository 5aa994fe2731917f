import type { StripeWebhookReceipt } from '@agentstack/sdk/schemas';
import Stripe from 'stripe';
import type { Executor } from '../../../db/client';
import { ApiError } from '../../../http/errors';
import type { SecretBox } from '../../../webhooks/secretBox';
import { stripeCredentials } from './service';
import { stripeStore } from './store';

/** How old a signed event may be: Stripe's default tolerance, 5 minutes. */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

function invalidSignature(): ApiError {
  return new ApiError(
    400,
    'invalid_signature',
    "The Stripe-Signature header does not verify this body with the store's webhook signing secret.",
  );
}

/** What an applied Stripe event changes, within the webhook's transaction. */
export type StripeEventHandler = (tx: Executor, tenantId: string, event: Stripe.Event) => Promise<void>;

/**
 * Receives one Stripe event for `tenantId`: checks `Stripe-Signature` on the raw body with the
 * tenant's webhook signing secret (and its age, within {@link STRIPE_SIGNATURE_TOLERANCE_SECONDS}),
 * records the event id — a replay finds it and changes nothing — and applies it with `apply`, all
 * in `tx`. An unknown tenant, a tenant without Stripe and a bad signature answer the same `400`.
 */
export async function receiveStripeEvent(
  tx: Executor,
  box: SecretBox | null,
  tenantId: string,
  rawBody: string,
  signature: string | undefined,
  apply: StripeEventHandler,
): Promise<StripeWebhookReceipt> {
  const credentials = await stripeCredentials(tx, tenantId, box).catch(() => undefined);
  if (!credentials || !signature) throw invalidSignature();
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      rawBody,
      signature,
      credentials.webhookSecret,
      STRIPE_SIGNATURE_TOLERANCE_SECONDS,
    );
  } catch {
    throw invalidSignature();
  }
  if (!(await stripeStore(tx, tenantId).claimEvent(event.id, event.type))) {
    return { received: true, applied: false };
  }
  await apply(tx, tenantId, event);
  return { received: true, applied: true };
}
