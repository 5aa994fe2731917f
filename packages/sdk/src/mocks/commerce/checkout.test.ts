import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AgentStack } from '../../client';
import { TEST_CARDS } from '../../contract/commerce/orderRules';
import { type CheckoutCreate, Order } from '../../schemas/commerce/order';
import { createMockApi, type MockApiOptions } from '../index';

const BASE = 'http://checkout-mocks.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(options: MockApiOptions = {}) {
  const api = createMockApi({ baseUrl: BASE, ...options });
  server.use(...api.handlers);
  const make = (apiKey: string) => new AgentStack({ apiKey, baseUrl: BASE, maxRetries: 0 });
  const admin = make('sk_test');
  const shop = make('pk_test');
  /** A cart with one unit of the first active product in stock. */
  const cart = async () => {
    const product = api.db.products.find((p) => p.status === 'active' && (p.inventoryQuantity ?? 0) > 0)!;
    const made = await shop.commerce.carts.create({ currency: product.price.currency });
    await shop.commerce.carts.addLine(
      made.id,
      { itemId: product.id, quantity: 1 },
      { cartToken: made.token },
    );
    return made;
  };
  const checkout = async (payment: CheckoutCreate['payment']) => {
    const made = await cart();
    return shop.commerce.checkout.complete(made.id, { payment }, { cartToken: made.token }).then(
      (order) => ({ ok: true as const, order: Order.parse(order) }),
      (e: { status: number; code: string; problem?: Record<string, unknown> }) => ({
        ok: false as const,
        status: e.status,
        code: e.code,
        problem: e.problem,
      }),
    );
  };
  const configureStripe = () =>
    admin.commerce.stripe.update({
      secretKey: 'sk_test_mockmockmockmock',
      webhookSecret: 'whsec_mockmockmock',
    });
  return { api, checkout, configureStripe };
}

describe('checkout mocks', () => {
  it('pays with the test provider’s cards, as before', async () => {
    const { checkout } = setup({ tenant: 'growth' });
    const paid = await checkout({ card: { number: TEST_CARDS.succeeds, expMonth: 12, expYear: 2030 } });
    expect(paid.ok && [paid.order.paymentStatus, paid.order.payments[0]!.provider]).toEqual(['paid', 'test']);
  });

  it('takes Stripe with the payment-gateway add-on once its keys are set, answering its test payment methods', async () => {
    const { checkout, configureStripe } = setup({ tenant: 'enterprise' });
    const unset = await checkout({ provider: 'stripe', token: 'pm_card_visa' });
    expect(unset.ok || [unset.status, unset.code]).toEqual([409, 'payment_provider_not_configured']);
    await configureStripe();

    const paid = await checkout({ provider: 'stripe', token: 'pm_card_visa' });
    if (!paid.ok) throw new Error(JSON.stringify(paid));
    // The mocks start fulfilment at once, as the server's event handler does moments later.
    expect(paid.order).toMatchObject({ status: 'fulfilling', paymentStatus: 'paid' });
    expect(paid.order.payments[0]).toMatchObject({
      provider: 'stripe',
      status: 'succeeded',
      card: { brand: 'visa', last4: '4242' },
      providerReference: expect.stringMatching(/^pi_/),
    });

    const threeDs = await checkout({ provider: 'stripe', token: 'pm_card_authenticationRequired' });
    if (!threeDs.ok) throw new Error(JSON.stringify(threeDs));
    expect(threeDs.order).toMatchObject({ status: 'pending', paymentStatus: 'requires_action' });
    expect(threeDs.order.payments[0]!.nextAction).toMatchObject({
      type: 'authenticate',
      clientSecret: expect.stringMatching(/^pi_.+_secret_/),
    });

    const declined = await checkout({ provider: 'stripe', token: 'pm_card_chargeDeclined' });
    expect(declined.ok || [declined.status, declined.code, declined.problem?.declineCode]).toEqual([
      402,
      'payment_declined',
      'generic_decline',
    ]);
    const card = await checkout({
      provider: 'stripe',
      card: { number: TEST_CARDS.succeeds, expMonth: 12, expYear: 2030 },
    });
    expect(card.ok || [card.status, card.problem?.declineCode]).toEqual([402, 'invalid_payment_method']);
  });

  it('refuses Stripe below the add-on with 403 feature_not_in_plan, and an unknown provider with 400', async () => {
    const { checkout } = setup({ tenant: 'growth' });
    const locked = await checkout({ provider: 'stripe', token: 'pm_card_visa' });
    expect(locked.ok || [locked.status, locked.code]).toEqual([403, 'feature_not_in_plan']);
    const unknown = await checkout({ provider: 'paypal', token: 'x' });
    expect(unknown.ok || [unknown.status, unknown.code, unknown.problem?.param]).toEqual([
      400,
      'validation_failed',
      'payment.provider',
    ]);
  });
});
