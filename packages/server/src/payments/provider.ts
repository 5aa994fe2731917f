import { testCardOutcome } from '@agentstack/sdk/contract';
import type { PaymentCard, PaymentNextAction } from '@agentstack/sdk/schemas';
import type { TenantRow } from '../auth/principal';

/**
 * Payment providers: the small interface checkout, cancel and refund go through, a registry by
 * provider id, and the built-in `test` provider. A provider is called outside any database
 * transaction, always with our own id as the idempotency reference (the payment's id for a
 * charge, the refund's id for a refund): calling it again with the same reference — a retry
 * after a timeout, a second instance — never charges or refunds twice; it answers the first
 * outcome.
 *
 * Card numbers never reach a table or a log: a provider answers the card's brand and last four
 * digits only, and the payment method a shopper sends is handed to the provider and dropped.
 */

/** How the shopper pays, as sent to checkout: a card (the test provider) or a provider's token (`pm_…`). */
export interface PaymentMethodInput {
  /** A card number with its expiry and CVC: only the built-in `test` provider takes raw cards. */
  card?: { number: string; expMonth: number; expYear: number; cvc?: string };
  /** A provider's token for a payment method collected in the browser (Stripe's `pm_…`). */
  token?: string;
}

/** A charge to make. */
export interface ChargeRequest {
  /** Our payment id: the idempotency reference (the same reference never charges twice). */
  reference: string;
  tenantId: string;
  orderId: string;
  /** Minor units. */
  amount: number;
  currency: string;
  method: PaymentMethodInput;
  /** Where a redirect-based authentication returns the shopper, if the caller gave one. */
  returnUrl?: string;
}

/** What a charge or a confirmation came to. */
export type ChargeResult =
  | { status: 'succeeded'; providerReference: string; card: PaymentCard | null; captured: number }
  | {
      status: 'requires_action';
      providerReference: string;
      card: PaymentCard | null;
      nextAction: PaymentNextAction;
    }
  | {
      status: 'declined';
      providerReference: string | null;
      card: PaymentCard | null;
      /** A stable code: `card_declined`, `insufficient_funds`, `authentication_failed`, `invalid_card`… */
      code: string;
      message: string;
    };

/** A confirmation after the shopper's extra authentication step. */
export interface ConfirmRequest {
  /** Our payment id. */
  reference: string;
  tenantId: string;
  providerReference: string;
  /** The payment's amount in minor units. */
  amount: number;
  currency: string;
  /** Provider-specific answers of the step (the test provider reads `outcome: 'fail'`). */
  data?: Record<string, string>;
}

/** A refund to make. */
export interface RefundRequest {
  /** Our refund id: the idempotency reference (the same reference never refunds twice). */
  reference: string;
  tenantId: string;
  /** The provider's reference of the payment. */
  paymentReference: string;
  /** Minor units. */
  amount: number;
  currency: string;
  reason?: string;
}

/** What a refund came to. */
export type RefundResult =
  | { status: 'succeeded'; providerReference: string }
  | { status: 'failed'; code: string; message: string };

/** A payment provider. Methods reject only when the provider could not be reached or answered nonsense. */
export interface PaymentProvider {
  /** Stable id, stored on payments: `test`, `stripe`. */
  readonly id: string;
  /**
   * Throws (a problem such as `403 feature_not_in_plan`) when `tenant` may not use this provider;
   * absent means every tenant may.
   */
  requireAvailable?(tenant: TenantRow): void;
  /** Charges (authorises and captures) `amount`, idempotently by `reference`. */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Completes a charge that answered `requires_action`, once the shopper did the extra step. */
  confirm(request: ConfirmRequest): Promise<ChargeResult>;
  /** Refunds part or all of a captured charge, idempotently by `reference`. */
  refund(request: RefundRequest): Promise<RefundResult>;
}

/** Payment providers by id. */
export class PaymentProviderRegistry {
  private readonly providers = new Map<string, PaymentProvider>();

  /** Adds (or replaces, for tests) the provider of its id. */
  register(provider: PaymentProvider): void {
    this.providers.set(provider.id, provider);
  }

  /** The provider of `id`, if registered. */
  get(id: string): PaymentProvider | undefined {
    return this.providers.get(id);
  }

  /** The ids registered. */
  ids(): string[] {
    return [...this.providers.keys()];
  }
}

export { cardBrand, luhnValid, TEST_CARDS } from '@agentstack/sdk/contract';

interface TestCharge {
  result: ChargeResult;
  amount: number;
  currency: string;
  refunded: number;
}

/**
 * The built-in `test` provider: no network, outcomes chosen by card number ({@link TEST_CARDS}):
 * `4242 4242 4242 4242` succeeds, `4000 0000 0000 0002` is declined, `4000 0000 0000 3220` needs
 * an extra authentication step (confirmed by `confirm`, which fails with `data.outcome: 'fail'`).
 * Any other Luhn-valid number succeeds; an invalid one is declined as `invalid_card`. Outcomes
 * depend on the input only, so any instance answers alike; each process also remembers what it
 * did per reference, so a retried reference answers the first outcome and counts once in
 * `charges` and `refunds` (tests read them).
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly id = 'test';
  private readonly chargesByReference = new Map<string, TestCharge>();
  private readonly refundsByReference = new Map<string, RefundResult>();
  /** How many charges (captures) were made, retries excluded. */
  charges = 0;
  /** How many refunds were made, retries excluded. */
  refunds = 0;

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const known = this.chargesByReference.get(request.reference);
    if (known) return known.result;
    const result = this.decide(request);
    if (result.status === 'succeeded') this.charges++;
    this.chargesByReference.set(request.reference, {
      result,
      amount: request.amount,
      currency: request.currency,
      refunded: 0,
    });
    return result;
  }

  async confirm(request: ConfirmRequest): Promise<ChargeResult> {
    // Stateless when this process did not make the charge (another instance did): the outcome
    // depends on the step's answer only.
    const known = this.chargesByReference.get(request.reference) ?? {
      result: {
        status: 'requires_action' as const,
        providerReference: request.providerReference,
        card: null,
        nextAction: { type: 'authenticate' as const, url: null, clientSecret: null },
      },
      amount: request.amount,
      currency: request.currency,
      refunded: 0,
    };
    this.chargesByReference.set(request.reference, known);
    if (known.result.status !== 'requires_action') return known.result;
    const { card, providerReference } = known.result;
    known.result =
      request.data?.outcome === 'fail'
        ? {
            status: 'declined',
            providerReference,
            card,
            code: 'authentication_failed',
            message: 'The extra authentication step failed.',
          }
        : { status: 'succeeded', providerReference, card, captured: known.amount };
    if (known.result.status === 'succeeded') this.charges++;
    return known.result;
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const known = this.refundsByReference.get(request.reference);
    if (known) return known;
    const charge = [...this.chargesByReference.values()].find(
      (c) => c.result.providerReference === request.paymentReference,
    );
    // A charge this process did not make (another instance did) is trusted to exist: the
    // database bounds refunds by what was captured either way.
    let result: RefundResult;
    if (charge && charge.refunded + request.amount > charge.amount) {
      result = {
        status: 'failed',
        code: 'amount_too_large',
        message: 'The refund exceeds what is left of the charge.',
      };
    } else {
      if (charge) charge.refunded += request.amount;
      this.refunds++;
      result = { status: 'succeeded', providerReference: `test_re_${request.reference}` };
    }
    this.refundsByReference.set(request.reference, result);
    return result;
  }

  private decide(request: ChargeRequest): ChargeResult {
    const providerReference = `test_${request.reference}`;
    const number = request.method.card?.number;
    if (!number) {
      return {
        status: 'declined',
        providerReference: null,
        card: null,
        code: 'invalid_payment_method',
        message: 'The test provider takes a card (number, expMonth, expYear).',
      };
    }
    const outcome = testCardOutcome(number);
    const { card } = outcome;
    if (outcome.status === 'declined') {
      return { status: 'declined', providerReference, card, code: outcome.code, message: outcome.message };
    }
    if (outcome.status === 'requires_action') {
      return {
        status: 'requires_action',
        providerReference,
        card,
        nextAction: { type: 'authenticate', url: null, clientSecret: null },
      };
    }
    return { status: 'succeeded', providerReference, card, captured: request.amount };
  }
}

/**
 * The registry the server uses: the built-in `test` provider is always there; other providers
 * (Stripe) register themselves at import.
 */
export const paymentProviders = new PaymentProviderRegistry();

/** The built-in test provider instance the server uses (tests read its counters). */
export const testPaymentProvider = new TestPaymentProvider();
paymentProviders.register(testPaymentProvider);
