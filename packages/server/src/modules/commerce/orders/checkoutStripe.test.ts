// Checkout through the Stripe provider, end to end over HTTP, with msw standing in for Stripe's
// API (test/fakeStripe.ts): success, decline, an extra authentication step settled by Stripe's
// webhook, and the provider's own problems reaching the caller as they are.
import { setupServer } from 'msw/node';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeStripe } from '../../../../test/fakeStripe';
import { createTenant, DATABASES, startTestServer, type TestServer } from '../../../../test/harness';

const CARTS = '/v1/commerce/carts';
const S = '/v1/commerce/payments/stripe';
const CART_TOKEN = 'agentstack-cart-token';
const GATEWAY = { addons: ['commerce_payment_gateway'] };
const SECRET_KEY = `sk_test_${'Ck0uT5tr'.repeat(4)}`;
const WEBHOOK_SECRET = `whsec_${'cHeCkOuT'.repeat(4)}`;

const fake = new FakeStripe();
const msw = setupServer(...fake.handlers);
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => msw.close());

describe.each(DATABASES)('checkout through Stripe on %s', (kind) => {
  let t: TestServer;
  let shop: { tenantId: string; secretKey: string; publishableKey: string };

  const product = async (sk: string, price: number, units: number) => {
    const res = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      body: { title: 'Stoneware bowl', status: 'active', price: { amount: price, currency: 'EUR' } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const stocked = await t.request('POST', '/v1/commerce/inventory-levels/adjust', {
      token: sk,
      body: { itemId: res.body.id, delta: units, reason: 'receipt' },
    });
    expect(stocked.status, JSON.stringify(stocked.body)).toBe(200);
    return res.body.id as string;
  };
  const level = async (sk: string, itemId: string) =>
    (await t.request('GET', `/v1/commerce/inventory-levels?itemId=${itemId}`, { token: sk })).body.data[0];
  const cartWith = async (pk: string, itemId: string, quantity: number) => {
    const cart = await t.request('POST', CARTS, {
      token: pk,
      body: { currency: 'EUR', email: 'stripe.buyer@example.test' },
    });
    expect(cart.status, JSON.stringify(cart.body)).toBe(201);
    const line = await t.request('POST', `${CARTS}/${cart.body.id}/lines`, {
      token: pk,
      body: { itemId, quantity },
      headers: { [CART_TOKEN]: cart.body.token },
    });
    expect(line.status, JSON.stringify(line.body)).toBe(200);
    return { id: cart.body.id as string, token: cart.body.token as string, pk };
  };
  const checkout = (cart: { id: string; token: string; pk: string }, token: string) =>
    t.request('POST', `${CARTS}/${cart.id}/checkout`, {
      token: cart.pk,
      body: { payment: { provider: 'stripe', token } },
      headers: { [CART_TOKEN]: cart.token },
    });
  const ordersOfCart = async (sk: string, cartId: string) =>
    (await t.request('GET', '/v1/commerce/orders?limit=100', { token: sk })).body.data.filter(
      (o: { cartId: string }) => o.cartId === cartId,
    );
  const intentsOf = (orderId: string) =>
    [...fake.intents.values()].filter((e) => e.intent.metadata?.agentstack_order === orderId);

  beforeAll(async () => {
    t = await startTestServer(kind);
    shop = await createTenant(t, GATEWAY);
    const set = await t.request('PATCH', S, {
      token: shop.secretKey,
      body: { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
  });
  afterAll(() => t?.stop());
  afterEach(() => msw.resetHandlers());

  it('pays a cart through a PaymentIntent: one paid order, one charge, the stock sold; again charges nothing', async () => {
    const itemId = await product(shop.secretKey, 1800, 4);
    const cart = await cartWith(shop.publishableKey, itemId, 2);
    const res = await checkout(cart, 'pm_card_visa');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'paid', paymentStatus: 'paid', total: { amount: 3600 } });
    expect(res.body.payments).toEqual([
      expect.objectContaining({
        provider: 'stripe',
        status: 'succeeded',
        captured: { amount: 3600, currency: 'EUR' },
        card: { brand: 'visa', last4: '4242' },
        providerReference: expect.stringMatching(/^pi_/),
      }),
    ]);
    const again = await checkout(cart, 'pm_card_visa');
    expect([again.status, again.body.id]).toEqual([201, res.body.id]);
    expect(intentsOf(res.body.id)).toHaveLength(1);
    expect(intentsOf(res.body.id)[0]!.intent.status).toBe('succeeded');
    expect(await ordersOfCart(shop.secretKey, cart.id)).toHaveLength(1);
    expect(await level(shop.secretKey, itemId)).toMatchObject({ onHand: 2, reserved: 0 });
  });

  it('answers a decline with 402 payment_declined: nothing captured, stock released, the cart open', async () => {
    const itemId = await product(shop.secretKey, 900, 3);
    const cart = await cartWith(shop.publishableKey, itemId, 1);
    const res = await checkout(cart, 'pm_card_chargeDeclined');
    expect([res.status, res.body.code, res.body.declineCode]).toEqual([
      402,
      'payment_declined',
      'generic_decline',
    ]);
    expect(await level(shop.secretKey, itemId)).toMatchObject({ onHand: 3, reserved: 0 });
    const [canceled] = await ordersOfCart(shop.secretKey, cart.id);
    expect(canceled).toMatchObject({ status: 'canceled', paymentStatus: 'failed' });
    expect(intentsOf(canceled.id).every((e) => e.intent.amount_received === 0)).toBe(true);
    // The cart is open: another card pays it.
    const retry = await checkout(cart, 'pm_card_visa');
    expect([retry.status, retry.body.status]).toEqual([201, 'paid']);
  });

  it("settles a payment that needed 3-D Secure from Stripe's webhook: one order, one charge", async () => {
    const itemId = await product(shop.secretKey, 2500, 2);
    const cart = await cartWith(shop.publishableKey, itemId, 1);
    const started = await checkout(cart, 'pm_card_authenticationRequired');
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body).toMatchObject({ status: 'pending', paymentStatus: 'requires_action' });
    const payment = started.body.payments[0];
    expect(payment.nextAction).toMatchObject({
      type: 'authenticate',
      clientSecret: expect.stringMatching(/_secret_/),
    });
    const pi = payment.providerReference as string;

    // The shopper authenticates in Stripe.js; Stripe tells us by webhook (twice: it retries).
    fake.authenticate(pi);
    const event = {
      id: `evt_checkout_${pi}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: fake.intents.get(pi)!.intent },
    };
    const payload = JSON.stringify(event);
    const deliver = () =>
      t.request('POST', `${S}/webhooks/${shop.tenantId}`, {
        rawBody: payload,
        headers: {
          'content-type': 'application/json',
          'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
        },
      });
    const first = await deliver();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect((await deliver()).body).toEqual({ received: true, applied: false });
    await t.server.context.dispatcher!.drain(); // order.paid → fulfilment

    const order = (
      await t.request('GET', `/v1/commerce/orders/${started.body.id}`, { token: shop.secretKey })
    ).body;
    expect(order).toMatchObject({ status: 'fulfilling', paymentStatus: 'paid' });
    expect(order.payments).toEqual([
      expect.objectContaining({
        id: payment.id,
        status: 'succeeded',
        captured: { amount: 2500, currency: 'EUR' },
      }),
    ]);
    // The shopper's page confirming afterwards answers the same order and charges nothing more.
    const confirmed = await t.request('POST', `${CARTS}/${cart.id}/checkout/confirm`, {
      token: cart.pk,
      body: {},
      headers: { [CART_TOKEN]: cart.token },
    });
    expect([confirmed.status, confirmed.body.id, confirmed.body.paymentStatus]).toEqual([
      200,
      order.id,
      'paid',
    ]);
    const again = await checkout(cart, 'pm_card_visa');
    expect(again.body.id).toBe(order.id);
    expect(await ordersOfCart(shop.secretKey, cart.id)).toHaveLength(1);
    expect(intentsOf(order.id)).toHaveLength(1);
    expect(fake.intents.get(pi)!.intent.status).toBe('succeeded');
    expect(await level(shop.secretKey, itemId)).toMatchObject({ onHand: 1, reserved: 0 });
  });

  it("passes the provider's own problems through: not set up (409), no add-on (403), nothing held", async () => {
    const unset = await createTenant(t, GATEWAY);
    const itemId = await product(unset.secretKey, 1000, 2);
    const cart = await cartWith(unset.publishableKey, itemId, 1);
    const res = await checkout(cart, 'pm_card_visa');
    expect([res.status, res.body.code]).toEqual([409, 'payment_provider_not_configured']);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await level(unset.secretKey, itemId)).toMatchObject({ onHand: 2, reserved: 0 });
    const cartNow = await t.request('GET', `${CARTS}/${cart.id}`, {
      token: cart.pk,
      headers: { [CART_TOKEN]: cart.token },
    });
    expect(cartNow.body.status).toBe('open');
    // Once set up, the same cart pays.
    await t.request('PATCH', S, {
      token: unset.secretKey,
      body: { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET },
    });
    expect((await checkout(cart, 'pm_card_visa')).body.status).toBe('paid');

    const plain = await createTenant(t);
    const plainItem = await product(plain.secretKey, 1000, 1);
    const plainCart = await cartWith(plain.publishableKey, plainItem, 1);
    const noAddon = await checkout(plainCart, 'pm_card_visa');
    expect([noAddon.status, noAddon.body.code]).toEqual([403, 'feature_not_in_plan']);
    expect(await ordersOfCart(plain.secretKey, plainCart.id)).toHaveLength(0);
  });
});
