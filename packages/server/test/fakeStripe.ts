import { randomBytes } from 'node:crypto';
import { HttpResponse, http } from 'msw';

/**
 * A stand-in for Stripe's API (`https://api.stripe.com/v1`) for msw: PaymentIntents and refunds
 * with Stripe's own rules that matter here — an `Idempotency-Key` seen before answers the first
 * response again and creates nothing, and each account (secret key) sees only its own objects.
 * Test payment methods as Stripe names them: `pm_card_visa` succeeds, `pm_card_chargeDeclined`
 * is declined (402 card_error), `pm_card_authenticationRequired` needs 3-D Secure
 * (`requires_action` until {@link FakeStripe.authenticate}).
 */
export class FakeStripe {
  /** PaymentIntents by id, with the key of the account that made them. */
  readonly intents = new Map<string, { key: string; intent: Record<string, any> }>();
  /** Refunds made, in order. */
  readonly refunds: Array<Record<string, any>> = [];
  /** Every request, in order: method, path and the account's key. */
  readonly requests: Array<{ method: string; path: string; key: string; idempotencyKey: string | null }> = [];
  private readonly replies = new Map<string, { status: number; body: unknown }>();

  /** The shopper completed 3-D Secure for `id` (as Stripe.js would): the intent succeeds. */
  authenticate(id: string): void {
    const entry = this.intents.get(id);
    if (!entry) throw new Error(`no intent ${id}`);
    Object.assign(entry.intent, {
      status: 'succeeded',
      amount_received: entry.intent.amount,
      next_action: null,
      latest_charge: charge(entry.intent),
    });
  }

  /** How many PaymentIntents reached `succeeded` (charges). */
  get charged(): number {
    return [...this.intents.values()].filter((e) => e.intent.status === 'succeeded').length;
  }

  readonly handlers = [
    http.post('https://api.stripe.com/v1/payment_intents', ({ request }) =>
      this.keyed(request, async (key, form) => {
        const id = `pi_${randomBytes(12).toString('hex')}`;
        const method = form.get('payment_method') ?? '';
        const intent: Record<string, any> = {
          id,
          object: 'payment_intent',
          amount: Number(form.get('amount')),
          amount_received: 0,
          currency: form.get('currency'),
          client_secret: `${id}_secret_${randomBytes(8).toString('hex')}`,
          metadata: metadataOf(form),
          payment_method: method,
          status: 'requires_payment_method',
          next_action: null,
          last_payment_error: null,
          latest_charge: null,
        };
        this.intents.set(id, { key, intent });
        if (method === 'pm_card_visa') {
          Object.assign(intent, {
            status: 'succeeded',
            amount_received: intent.amount,
            latest_charge: charge(intent),
          });
          return { status: 200, body: intent };
        }
        if (method === 'pm_card_authenticationRequired') {
          Object.assign(intent, {
            status: 'requires_action',
            next_action: { type: 'use_stripe_sdk', use_stripe_sdk: {} },
          });
          return { status: 200, body: intent };
        }
        if (method === 'pm_card_chargeDeclined') {
          const error = {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
          };
          Object.assign(intent, { last_payment_error: error });
          return { status: 402, body: { error: { ...error, payment_intent: intent } } };
        }
        this.intents.delete(id);
        return {
          status: 400,
          body: {
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              message: `No such PaymentMethod: '${method}'`,
            },
          },
        };
      }),
    ),
    http.get('https://api.stripe.com/v1/payment_intents/:id', ({ request, params }) => {
      const key = keyOf(request);
      const entry = this.intents.get(String(params.id));
      this.requests.push({ method: 'GET', path: new URL(request.url).pathname, key, idempotencyKey: null });
      if (!entry || entry.key !== key) return missing(String(params.id));
      return HttpResponse.json(entry.intent);
    }),
    http.post('https://api.stripe.com/v1/refunds', ({ request }) =>
      this.keyed(request, async (key, form) => {
        const entry = this.intents.get(form.get('payment_intent') ?? '');
        if (!entry || entry.key !== key)
          return { status: 404, body: missingBody(form.get('payment_intent') ?? '') };
        const amount = Number(form.get('amount') ?? entry.intent.amount_received);
        const refunded = this.refunds
          .filter((r) => r.payment_intent === entry.intent.id)
          .reduce((sum, r) => sum + r.amount, 0);
        if (refunded + amount > entry.intent.amount_received) {
          return {
            status: 400,
            body: {
              error: {
                type: 'invalid_request_error',
                code: 'amount_too_large',
                message: 'Refund amount is greater than unrefunded amount.',
              },
            },
          };
        }
        const refund = {
          id: `re_${randomBytes(12).toString('hex')}`,
          object: 'refund',
          amount,
          payment_intent: entry.intent.id,
          status: 'succeeded',
          metadata: metadataOf(form),
        };
        this.refunds.push(refund);
        return { status: 200, body: refund };
      }),
    ),
  ];

  /** A POST as Stripe runs it: the same Idempotency-Key (per account) answers the first reply. */
  private async keyed(
    request: Request,
    run: (key: string, form: URLSearchParams) => Promise<{ status: number; body: unknown }>,
  ): Promise<Response> {
    const key = keyOf(request);
    const idempotencyKey = request.headers.get('idempotency-key');
    this.requests.push({ method: 'POST', path: new URL(request.url).pathname, key, idempotencyKey });
    if (!key.startsWith('sk_test_')) {
      return HttpResponse.json(
        { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } },
        { status: 401 },
      );
    }
    const scoped = idempotencyKey ? `${key}\0${idempotencyKey}` : null;
    const seen = scoped ? this.replies.get(scoped) : undefined;
    const reply = seen ?? (await run(key, new URLSearchParams(await request.text())));
    if (scoped && !seen) this.replies.set(scoped, structuredClone(reply));
    return HttpResponse.json(reply.body as object, {
      status: reply.status,
      headers: seen ? { 'idempotent-replayed': 'true' } : {},
    });
  }
}

function keyOf(request: Request): string {
  return (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
}

function metadataOf(form: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form) {
    const m = /^metadata\[(.+)\]$/.exec(name);
    if (m?.[1]) out[m[1]] = value;
  }
  return out;
}

function charge(intent: Record<string, any>) {
  return {
    id: `ch_${randomBytes(12).toString('hex')}`,
    object: 'charge',
    payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
    amount: intent.amount,
  };
}

function missingBody(id: string) {
  return {
    error: {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such payment_intent: '${id}'`,
    },
  };
}

function missing(id: string) {
  return HttpResponse.json(missingBody(id), { status: 404 });
}
