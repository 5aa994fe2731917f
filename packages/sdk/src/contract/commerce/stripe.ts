import { operation } from '../operation';

const BASE = '/v1/commerce/payments/stripe';

/**
 * `/v1/commerce/payments/stripe`: the tenant's Stripe account, with the payment-gateway add-on
 * (`commerce.paymentGateway`: `403 feature_not_in_plan` naming it otherwise), and the endpoint
 * Stripe posts its events to.
 */
export const stripeOperations = {
  /** The tenant's Stripe settings, without secrets. */
  retrieve: operation({
    method: 'get',
    path: BASE,
    tag: 'commerce',
    summary: 'Retrieve the Stripe settings',
    permission: 'commerce:payments:manage',
    response: 'StripeSettings',
    errors: ['feature_not_in_plan'],
  }),
  /** Sets the secret key and the webhook signing secret (stored encrypted, never answered back). */
  update: operation({
    method: 'patch',
    path: BASE,
    tag: 'commerce',
    summary: 'Update the Stripe settings',
    permission: 'commerce:payments:manage',
    body: 'StripeSettingsUpdate',
    response: 'StripeSettings',
    errors: ['feature_not_in_plan', 'payment_provider_not_configured'],
  }),
  /** Forgets the tenant's Stripe credentials: Stripe takes no more payments. */
  del: operation({
    method: 'delete',
    path: BASE,
    tag: 'commerce',
    summary: 'Delete the Stripe settings',
    permission: 'commerce:payments:manage',
    response: 'DeletedStripeSettings',
    errors: ['feature_not_in_plan'],
  }),
  /**
   * Where Stripe posts the tenant's events (no bearer credential: the `Stripe-Signature` header
   * is checked with the tenant's webhook signing secret). A replayed event changes nothing.
   */
  receiveWebhook: operation({
    method: 'post',
    path: `${BASE}/webhooks/:tenantId`,
    tag: 'commerce',
    summary: 'Receive a Stripe event',
    permission: 'public',
    body: 'StripeWebhookEvent',
    response: 'StripeWebhookReceipt',
    errors: ['invalid_signature'],
  }),
} as const;
