import { newId } from '@agentstack/sdk/schemas';
import { eq, sql } from 'drizzle-orm';
import { setupServer } from 'msw/node';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeStripe } from '../../../../test/fakeStripe';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  type TestServer,
} from '../../../../test/harness';
import { orders, payments } from '../../../db/schema';
import { StripePaymentProvider } from '../../../payments/stripe';

const S = '/v1/commerce/payments/stripe';
const GATEWAY = { addons: ['commerce_payment_gateway'] };
const SECRET_KEY = `sk_test_${'a1B2c3D4'.repeat(4)}`;
const WEBHOOK_SECRET = `whsec_${'Zy98Xw76'.repeat(4)}`;

const fake = new FakeStripe();
const msw = setupServer(...fake.handlers);
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => msw.close());

describe.each(DATABASES)('Stripe on %s', (kind) => {
  let t: TestServer;
  const logs: string[] = [];
  let shop: { tenantId: string; secretKey: string; publishableKey: string };
  let provider: StripePaymentProvider;

  const configure = (token: string, body: Record<string, unknown>) => t.request('PATCH', S, { token, body });
  const signed = (payload: string, secret = WEBHOOK_SECRET) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const deliver = (tenantId: string, event: object, secret = WEBHOOK_SECRET) => {
    const payload = JSON.stringify(event);
    return t.request('POST', `${S}/webhooks/${tenantId}`, {
      rawBody: payload,
      headers: { 'content-type': 'application/json', 'stripe-signature': signed(payload, secret) },
    });
  };

  beforeAll(async () => {
    t = await startTestServer(kind, { server: { logLevel: 'debug', logWrite: (line) => logs.push(line) } });
    shop = await createTenant(t, GATEWAY);
    const set = await configure(shop.secretKey, { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    provider = new StripePaymentProvider({ stripe: { maxNetworkRetries: 0 } });
    provider.attach({ db: t.server.context.db, box: () => t.server.context.webhooks.box });
  });
  afterAll(() => t?.stop());
  afterEach(() => msw.resetHandlers());

  it('keeps the secrets sealed: answered never, stored encrypted, logged never; owners and admins only', async () => {
    const settings = await t.request('GET', S, { token: shop.secretKey });
    expect(settings.body).toEqual({
      object: 'stripe_settings',
      configured: true,
      secretKeyHint: `sk_test_…${SECRET_KEY.slice(-4)}`,
      livemode: false,
      webhookPath: `${S}/webhooks/${shop.tenantId}`,
      updatedAt: expect.any(String),
    });
    const stored = JSON.stringify(
      await t.server.context.db.execute(
        sql`select * from stripe_accounts where tenant_id = ${shop.tenantId}`,
      ),
    );
    expect(stored).not.toContain(SECRET_KEY);
    expect(stored).not.toContain(WEBHOOK_SECRET);
    expect(logs.join('\n')).not.toContain(SECRET_KEY.slice(8));
    expect(logs.join('\n')).not.toContain(WEBHOOK_SECRET.slice(6));

    const viewer = await signIn(t, (await createUser(t, shop.secretKey, 'viewer')).email);
    const support = await signIn(t, (await createUser(t, shop.secretKey, 'support')).email);
    expect((await t.request('GET', S, { token: viewer })).status).toBe(403);
    expect((await configure(support, { secretKey: SECRET_KEY })).status).toBe(403);
    expect((await t.request('GET', S, { token: shop.publishableKey })).status).toBe(403);

    const bad = await configure(shop.secretKey, { secretKey: 'pk_test_nope' });
    expect([bad.status, bad.body.code, bad.body.param]).toEqual([400, 'validation_failed', 'secretKey']);
  });

  it('needs the payment-gateway add-on, naming it', async () => {
    const plain = await createTenant(t);
    const res = await t.request('GET', S, { token: plain.secretKey });
    expect([res.status, res.body.code]).toEqual([403, 'feature_not_in_plan']);
    expect(JSON.stringify(res.body)).toContain('commerce_payment_gateway');
    const set = await configure(plain.secretKey, { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET });
    expect([set.status, set.body.code]).toEqual([403, 'feature_not_in_plan']);
  });

  it('asks for both secrets the first time', async () => {
    const fresh = await createTenant(t, GATEWAY);
    const half = await configure(fresh.secretKey, { secretKey: SECRET_KEY });
    expect([half.status, half.body.code, half.body.param]).toEqual([
      400,
      'validation_failed',
      'webhookSecret',
    ]);
    expect((await t.request('GET', S, { token: fresh.secretKey })).body.configured).toBe(false);
  });

  it('charges through a PaymentIntent keyed by our payment id: a retry never charges twice', async () => {
    const reference = newId('pay');
    const request = {
      reference,
      tenantId: shop.tenantId,
      orderId: newId('ord'),
      amount: 4900,
      currency: 'EUR',
      method: { token: 'pm_card_visa' },
    };
    const first = await provider.charge(request);
    expect(first).toMatchObject({
      status: 'succeeded',
      captured: 4900,
      card: { brand: 'visa', last4: '4242' },
    });
    const before = fake.charged;
    const again = await Promise.all([provider.charge(request), provider.charge(request)]);
    for (const r of again) expect(r).toEqual(first);
    expect(fake.charged).toBe(before);
    const sent = fake.requests.filter(
      (r) => r.path === '/v1/payment_intents' && r.idempotencyKey?.endsWith(reference),
    );
    expect(sent).toHaveLength(3);
    // With the tenant's own key, and metadata naming our payment.
    expect(new Set(sent.map((r) => r.key))).toEqual(new Set([SECRET_KEY]));
    const intent = fake.intents.get((first as { providerReference: string }).providerReference)?.intent;
    expect(intent?.metadata).toEqual({
      agentstack_tenant: shop.tenantId,
      agentstack_payment: reference,
      agentstack_order: request.orderId,
    });
    expect(intent?.currency).toBe('eur');
  });

  it('answers a decline with its code, and never takes a card number', async () => {
    const base = { tenantId: shop.tenantId, orderId: newId('ord'), amount: 1000, currency: 'EUR' };
    const declined = await provider.charge({
      ...base,
      reference: newId('pay'),
      method: { token: 'pm_card_chargeDeclined' },
    });
    expect(declined).toMatchObject({
      status: 'declined',
      code: 'generic_decline',
      providerReference: expect.stringMatching(/^pi_/),
    });
    const unknown = await provider.charge({ ...base, reference: newId('pay'), method: { token: 'pm_nope' } });
    expect(unknown).toMatchObject({ status: 'declined', code: 'invalid_payment_method' });
    const card = await provider.charge({
      ...base,
      reference: newId('pay'),
      method: { card: { number: '4242424242424242', expMonth: 12, expYear: 2030 } },
    });
    expect(card).toMatchObject({ status: 'declined', code: 'invalid_payment_method' });
    expect(JSON.stringify(fake.requests)).not.toContain('4242424242424242');
  });

  it('asks for 3-D Secure with the client secret, then confirms once the shopper authenticated', async () => {
    const reference = newId('pay');
    const started = await provider.charge({
      reference,
      tenantId: shop.tenantId,
      orderId: newId('ord'),
      amount: 2500,
      currency: 'USD',
      method: { token: 'pm_card_authenticationRequired' },
    });
    expect(started).toMatchObject({
      status: 'requires_action',
      nextAction: { type: 'authenticate', url: null, clientSecret: expect.stringMatching(/_secret_/) },
    });
    const id = (started as { providerReference: string }).providerReference;
    const early = await provider.confirm({
      reference,
      tenantId: shop.tenantId,
      providerReference: id,
      amount: 2500,
      currency: 'USD',
    });
    expect(early.status).toBe('requires_action');
    fake.authenticate(id);
    const done = await provider.confirm({
      reference,
      tenantId: shop.tenantId,
      providerReference: id,
      amount: 2500,
      currency: 'USD',
    });
    expect(done).toMatchObject({ status: 'succeeded', captured: 2500 });
    // Another payment cannot be settled with this intent.
    const other = await provider.confirm({
      reference: newId('pay'),
      tenantId: shop.tenantId,
      providerReference: id,
      amount: 2500,
      currency: 'USD',
    });
    expect(other.status).toBe('declined');
  });

  it('refunds in part and in full, each once by our refund id', async () => {
    const paid = await provider.charge({
      reference: newId('pay'),
      tenantId: shop.tenantId,
      orderId: newId('ord'),
      amount: 3000,
      currency: 'EUR',
      method: { token: 'pm_card_visa' },
    });
    const pi = (paid as { providerReference: string }).providerReference;
    const partial = {
      reference: newId('rfd'),
      tenantId: shop.tenantId,
      paymentReference: pi,
      amount: 1000,
      currency: 'EUR',
    };
    const first = await provider.refund(partial);
    expect(first.status).toBe('succeeded');
    expect(await provider.refund(partial)).toEqual(first);
    const rest = await provider.refund({ ...partial, reference: newId('rfd'), amount: 2000 });
    expect(rest.status).toBe('succeeded');
    const tooMuch = await provider.refund({ ...partial, reference: newId('rfd'), amount: 1 });
    expect(tooMuch).toMatchObject({ status: 'failed', code: 'amount_too_large' });
    expect(fake.refunds.filter((r) => r.payment_intent === pi).map((r) => r.amount)).toEqual([1000, 2000]);
  });

  it('answers 409 payment_provider_not_configured for a tenant without Stripe', async () => {
    const fresh = await createTenant(t, GATEWAY);
    await expect(
      provider.charge({
        reference: newId('pay'),
        tenantId: fresh.tenantId,
        orderId: newId('ord'),
        amount: 100,
        currency: 'EUR',
        method: { token: 'pm_card_visa' },
      }),
    ).rejects.toMatchObject({ status: 409, code: 'payment_provider_not_configured' });
  });

  it("verifies Stripe's signature with the tenant's secret: a forged, stale or other tenant's event is refused", async () => {
    const event = {
      id: `evt_${newId('x')}`,
      object: 'event',
      type: 'customer.created',
      data: { object: {} },
    };
    const ok = await deliver(shop.tenantId, event);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ received: true, applied: true });
    const replay = await deliver(shop.tenantId, event);
    expect(replay.body).toEqual({ received: true, applied: false });

    const forged = await deliver(shop.tenantId, { ...event, id: 'evt_forged' }, `whsec_${'0'.repeat(32)}`);
    expect([forged.status, forged.body.code]).toEqual([400, 'invalid_signature']);
    const payload = JSON.stringify({ ...event, id: 'evt_stale' });
    const stale = await t.request('POST', `${S}/webhooks/${shop.tenantId}`, {
      rawBody: payload,
      headers: {
        'content-type': 'application/json',
        'stripe-signature': Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: WEBHOOK_SECRET,
          timestamp: Math.floor(Date.now() / 1000) - 3600,
        }),
      },
    });
    expect([stale.status, stale.body.code]).toEqual([400, 'invalid_signature']);
    const unsigned = await t.request('POST', `${S}/webhooks/${shop.tenantId}`, { body: event });
    expect([unsigned.status, unsigned.body.code]).toEqual([400, 'invalid_signature']);
    // A tenant without Stripe, or none at all, answers exactly the same.
    const other = await createTenant(t, GATEWAY);
    const elsewhere = await deliver(other.tenantId, { ...event, id: 'evt_elsewhere' });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([400, 'invalid_signature']);
    const nobody = await deliver('ten_00000000000000000000', { ...event, id: 'evt_nobody' });
    expect([nobody.status, nobody.body.code]).toEqual([400, 'invalid_signature']);
  });

  it('settles the payment and the order from payment_intent.succeeded once: a replay changes nothing', async () => {
    const product = await t.request('POST', '/v1/commerce/products', {
      token: shop.secretKey,
      body: { title: 'Linen apron', status: 'active', price: { amount: 3900, currency: 'EUR' } },
    });
    const received = await t.request('POST', '/v1/commerce/inventory-levels/adjust', {
      token: shop.secretKey,
      body: { itemId: product.body.id, delta: 5, reason: 'receipt' },
    });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    const order = await t.request('POST', '/v1/commerce/orders', {
      token: shop.secretKey,
      body: {
        currency: 'EUR',
        email: 'buyer@example.test',
        items: [{ itemId: product.body.id, quantity: 1 }],
      },
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const db = t.server.context.db;
    const paymentId = newId('pay');
    await db.insert(payments).values({
      id: paymentId,
      tenantId: shop.tenantId,
      orderId: order.body.id,
      provider: 'stripe',
      status: 'requires_action',
      currency: 'EUR',
      amount: order.body.total.amount,
      providerReference: 'pi_settle_me',
    });
    const event = {
      id: `evt_${newId('x')}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      data: {
        object: {
          id: 'pi_settle_me',
          object: 'payment_intent',
          status: 'succeeded',
          amount: order.body.total.amount,
          amount_received: order.body.total.amount,
          metadata: {
            agentstack_tenant: shop.tenantId,
            agentstack_payment: paymentId,
            agentstack_order: order.body.id,
          },
        },
      },
    };
    // Another tenant's signed event naming this payment changes nothing here.
    const other = await createTenant(t, GATEWAY);
    await configure(other.secretKey, {
      secretKey: SECRET_KEY,
      webhookSecret: `whsec_${'OtHeR123'.repeat(4)}`,
    });
    const crossed = await deliver(
      other.tenantId,
      { ...event, id: 'evt_crossed' },
      `whsec_${'OtHeR123'.repeat(4)}`,
    );
    expect(crossed.body).toEqual({ received: true, applied: true });
    expect((await db.select().from(payments).where(eq(payments.id, paymentId)))[0]?.status).toBe(
      'requires_action',
    );

    const [a, b] = await Promise.all([deliver(shop.tenantId, event), deliver(shop.tenantId, event)]);
    expect([a.body.applied, b.body.applied].sort()).toEqual([false, true]);
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment).toMatchObject({ status: 'succeeded', captured: order.body.total.amount });
    const [row] = await db.select().from(orders).where(eq(orders.id, order.body.id));
    // Paid (fulfilment may already have started from order.paid).
    expect(row?.paymentStatus).toBe('paid');
    expect(['paid', 'fulfilling']).toContain(row?.status);
    const timeline = await t.request('GET', `/v1/commerce/orders/${order.body.id}`, {
      token: shop.secretKey,
    });
    const paidEvents = (timeline.body.timeline as Array<{ type: string }>).filter(
      (e) => e.type === 'order.paid',
    );
    expect(paidEvents).toHaveLength(1);
    const replay = await deliver(shop.tenantId, event);
    expect(replay.body).toEqual({ received: true, applied: false });
  });
});
