import Stripe from 'stripe';
import type { TenantRow } from '../auth/principal';
import type { Db } from '../db/client';
import { ApiError } from '../http/errors';
import { stripeCredentials } from '../modules/commerce/stripe/service';
import { requireFeature } from '../modules/platform/entitlements/service';
import type { SecretBox } from '../webhooks/secretBox';
import {
  type ChargeRequest,
  type ChargeResult,
  type ConfirmRequest,
  type PaymentProvider,
  paymentProviders,
  type RefundRequest,
  type RefundResult,
} from './provider';

/** Where a server keeps its tenants' Stripe credentials: its database and its secret box. */
export interface StripeCredentialSource {
  db: Db;
  /** The server's secret box (the tenants' Stripe secrets are sealed under it); `null` when it has none. */
  box: () => SecretBox | null;
}

/** Options of {@link StripePaymentProvider}. */
export interface StripeProviderOptions {
  /** Passed to each `new Stripe(key, …)`: `maxNetworkRetries`, `timeout`, an `httpClient`… */
  stripe?: Stripe.StripeConfig;
}

/** The idempotency key of a Stripe request made for our `reference` (a payment or refund id). */
export function stripeIdempotencyKey(
  kind: 'charge' | 'confirm' | 'refund',
  tenantId: string,
  reference: string,
): string {
  return `agentstack:${tenantId}:${kind}:${reference}`;
}

function cardOf(intent: Stripe.PaymentIntent): { brand: string; last4: string } | null {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const card = charge?.payment_method_details?.card;
  return card?.last4 ? { brand: card.brand ?? 'unknown', last4: card.last4 } : null;
}

/** Our result of a PaymentIntent as Stripe answered it. */
export function chargeResultOf(intent: Stripe.PaymentIntent): ChargeResult {
  const card = cardOf(intent);
  switch (intent.status) {
    case 'succeeded':
      return { status: 'succeeded', providerReference: intent.id, card, captured: intent.amount_received };
    case 'requires_action':
    case 'requires_confirmation':
    case 'processing': {
      // The shopper's browser finishes it (Stripe.js with the client secret, or the redirect);
      // `processing` settles by webhook.
      const redirect = intent.next_action?.redirect_to_url?.url ?? null;
      return {
        status: 'requires_action',
        providerReference: intent.id,
        card,
        nextAction: {
          type: redirect ? 'redirect' : 'authenticate',
          url: redirect,
          clientSecret: intent.client_secret ?? null,
        },
      };
    }
    default: {
      const error = intent.last_payment_error;
      return {
        status: 'declined',
        providerReference: intent.id,
        card,
        code:
          intent.status === 'canceled' ? 'canceled' : (error?.decline_code ?? error?.code ?? 'card_declined'),
        message: error?.message ?? 'The payment was not completed.',
      };
    }
  }
}

/**
 * Stripe PaymentIntents behind the {@link PaymentProvider} interface, with each tenant's own
 * Stripe account (its secret key, sealed in `stripe_accounts`). Every request carries an
 * idempotency key derived from our payment or refund id, so a retry — after a timeout, from
 * another instance — answers the first outcome and never charges or refunds twice. Needs the
 * payment-gateway add-on (`commerce.paymentGateway`).
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly id = 'stripe';
  private readonly sources = new Set<StripeCredentialSource>();

  constructor(private readonly options: StripeProviderOptions = {}) {}

  /**
   * Lets the provider read tenants' credentials from a server's database (each server in the
   * process attaches its own at start); returns the detach function for its stop.
   */
  attach(source: StripeCredentialSource): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  private async credentials(tenantId: string) {
    for (const source of this.sources) {
      const found = await stripeCredentials(source.db, tenantId, source.box());
      if (found) return found;
    }
    return undefined;
  }

  requireAvailable(tenant: TenantRow): void {
    requireFeature(tenant, 'commerce.paymentGateway');
  }

  /** A Stripe client with the tenant's secret key, or `409 payment_provider_not_configured`. */
  private async client(tenantId: string): Promise<Stripe> {
    const credentials = await this.credentials(tenantId);
    if (!credentials) {
      throw new ApiError(
        409,
        'payment_provider_not_configured',
        'Stripe is not set up for this store: its owner must add the Stripe secret key and webhook secret.',
      );
    }
    return new Stripe(credentials.secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      ...this.options.stripe,
    });
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (!request.method.token) {
      return {
        status: 'declined',
        providerReference: null,
        card: null,
        code: 'invalid_payment_method',
        message: 'Stripe takes a payment method collected by Stripe.js (pm_…), never a card number.',
      };
    }
    const stripe = await this.client(request.tenantId);
    try {
      const intent = await stripe.paymentIntents.create(
        {
          amount: request.amount,
          currency: request.currency.toLowerCase(),
          payment_method: request.method.token,
          confirm: true,
          // Without a return URL nothing may redirect: cards authenticate in place (3-D Secure).
          ...(request.returnUrl
            ? { return_url: request.returnUrl }
            : { automatic_payment_methods: { enabled: true, allow_redirects: 'never' as const } }),
          metadata: {
            agentstack_tenant: request.tenantId,
            agentstack_payment: request.reference,
            agentstack_order: request.orderId,
          },
          expand: ['latest_charge'],
        },
        { idempotencyKey: stripeIdempotencyKey('charge', request.tenantId, request.reference) },
      );
      return chargeResultOf(intent);
    } catch (error) {
      return declined(error);
    }
  }

  async confirm(request: ConfirmRequest): Promise<ChargeResult> {
    const stripe = await this.client(request.tenantId);
    try {
      let intent = await stripe.paymentIntents.retrieve(request.providerReference, {
        expand: ['latest_charge'],
      });
      if (intent.metadata?.agentstack_payment !== request.reference) {
        // Another payment's intent: never settle this payment with it.
        return {
          status: 'declined',
          providerReference: request.providerReference,
          card: null,
          code: 'invalid_payment_method',
          message: 'This PaymentIntent belongs to another payment.',
        };
      }
      if (intent.status === 'requires_confirmation') {
        intent = await stripe.paymentIntents.confirm(
          intent.id,
          { expand: ['latest_charge'] },
          { idempotencyKey: stripeIdempotencyKey('confirm', request.tenantId, request.reference) },
        );
      }
      return chargeResultOf(intent);
    } catch (error) {
      return declined(error);
    }
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const stripe = await this.client(request.tenantId);
    try {
      const refund = await stripe.refunds.create(
        {
          payment_intent: request.paymentReference,
          amount: request.amount,
          metadata: { agentstack_tenant: request.tenantId, agentstack_refund: request.reference },
        },
        { idempotencyKey: stripeIdempotencyKey('refund', request.tenantId, request.reference) },
      );
      if (refund.status === 'failed' || refund.status === 'canceled') {
        return {
          status: 'failed',
          code: refund.failure_reason ?? 'refund_failed',
          message: 'Stripe did not refund.',
        };
      }
      return { status: 'succeeded', providerReference: refund.id };
    } catch (error) {
      if (
        error instanceof Stripe.errors.StripeInvalidRequestError ||
        error instanceof Stripe.errors.StripeCardError
      ) {
        return { status: 'failed', code: error.code ?? 'refund_failed', message: error.message };
      }
      throw unreachable(error);
    }
  }
}

/** A card or request error is a declined payment; anything else, Stripe could not be reached. */
function declined(error: unknown): ChargeResult {
  if (error instanceof Stripe.errors.StripeCardError) {
    const intent = error.payment_intent;
    return {
      status: 'declined',
      providerReference: intent?.id ?? null,
      card: intent ? cardOf(intent) : null,
      code: error.decline_code ?? error.code ?? 'card_declined',
      message: error.message,
    };
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    return {
      status: 'declined',
      providerReference: error.payment_intent?.id ?? null,
      card: null,
      code: error.code === 'resource_missing' ? 'invalid_payment_method' : (error.code ?? 'invalid_request'),
      message: error.message,
    };
  }
  throw unreachable(error);
}

function unreachable(error: unknown): Error {
  if (
    error instanceof Stripe.errors.StripeAuthenticationError ||
    error instanceof Stripe.errors.StripePermissionError
  ) {
    return new ApiError(
      409,
      'payment_provider_not_configured',
      "Stripe refused the store's secret key: its owner must update the Stripe settings.",
    );
  }
  // Only the kind of failure: Stripe's messages may quote what was sent.
  return new Error(`Stripe could not be reached (${(error as { type?: string })?.type ?? 'error'})`);
}

/** The Stripe provider the server uses, in the payment registry as `stripe`. */
export const stripePaymentProvider = new StripePaymentProvider();
paymentProviders.register(stripePaymentProvider);
