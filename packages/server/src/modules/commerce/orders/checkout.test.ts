import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from '../../../../test/harness';
import { rowsOf } from '../../../events/outbox';
import { TEST_CARDS, testPaymentProvider } from '../../../payments/provider';
import { abandonedCheckoutExpiry } from './checkout';

const CARTS = '/v1/commerce/carts';
const LEVELS = '/v1/commerce/inventory-levels';
const CART_TOKEN = 'agentstack-cart-token';
const card = (number: string) => ({
  provider: 'test',
  card: { number, expMonth: 12, expYear: 2030, cvc: '123' },
});

describe.each(DATABASES)('checkout on %s', (kind) => {
  let t: TestServer;
  let sk: string;
  let pk: string;

  const product = async (price = 2500) => {
    const res = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      body: { title: 'Linen shirt', status: 'active', price: { amount: price, currency: 'EUR' } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const stock = async (itemId: string, delta: number, server = t) => {
    const res = await server.request('POST', `${LEVELS}/adjust`, {
      token: sk,
      body: { itemId, delta, reason: 'receipt' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const level = async (itemId: string) =>
    (await t.request('GET', `${LEVELS}?itemId=${itemId}`, { token: sk })).body.data[0];
  const cartWith = async (itemId: string, quantity: number, server = t) => {
    const cart = await server.request('POST', CARTS, {
      token: pk,
      body: { currency: 'EUR', email: 'ann@example.test' },
    });
    expect(cart.status, JSON.stringify(cart.body)).toBe(201);
    const line = await server.request('POST', `${CARTS}/${cart.body.id}/lines`, {
      token: pk,
      body: { itemId, quantity },
      headers: { [CART_TOKEN]: cart.body.token },
    });
    expect(line.status, JSON.stringify(line.body)).toBe(200);
    return { id: cart.body.id as string, token: cart.body.token as string };
  };
  const checkout = (
    cart: { id: string; token: string },
    payment: unknown,
    server = t,
    headers: Record<string, string> = {},
    token = pk,
  ) =>
    server.request('POST', `${CARTS}/${cart.id}/checkout`, {
      token,
      body: { payment },
      headers: { [CART_TOKEN]: cart.token, ...headers },
    });

  beforeAll(async () => {
    t = await startTestServer(kind);
    ({ secretKey: sk, publishableKey: pk } = await createTenant(t));
  });
  afterAll(() => t?.stop());

  it('checks a cart out with a card that succeeds: one paid order at server prices, stock sold, the cart completed; again answers the same order and charges nothing', async () => {
    const itemId = await product(2500);
    await stock(itemId, 5);
    const cart = await cartWith(itemId, 2);
    const before = testPaymentProvider.charges;
    const res = await checkout(cart, card(TEST_CARDS.succeeds));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      object: 'order',
      status: 'paid',
      paymentStatus: 'paid',
      source: 'checkout',
      cartId: cart.id,
      email: 'ann@example.test',
      total: { amount: 5000, currency: 'EUR' },
      allowedTransitions: [],
    });
    expect(res.body.payments).toEqual([
      expect.objectContaining({
        provider: 'test',
        status: 'succeeded',
        card: { brand: 'visa', last4: '4242' },
      }),
    ]);
    expect(testPaymentProvider.charges).toBe(before + 1);
    expect(await level(itemId)).toMatchObject({ onHand: 3, reserved: 0 });
    const cartNow = await t.request('GET', `${CARTS}/${cart.id}`, {
      token: pk,
      headers: { [CART_TOKEN]: cart.token },
    });
    expect(cartNow.body).toMatchObject({ status: 'completed' });
    const again = await checkout(cart, card(TEST_CARDS.succeeds));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(res.body.id);
    expect(testPaymentProvider.charges).toBe(before + 1);
    const list = await t.request('GET', `/v1/commerce/orders?paymentStatus=paid`, { token: sk });
    expect(list.body.data.filter((o: { cartId: string }) => o.cartId === cart.id)).toHaveLength(1);
  });

  it('answers a declined card with 402 payment_declined: nothing charged, stock released, the cart open to pay again', async () => {
    const itemId = await product(1000);
    await stock(itemId, 3);
    const cart = await cartWith(itemId, 3);
    const declined = await checkout(cart, card(TEST_CARDS.declines));
    expect(declined.status, JSON.stringify(declined.body)).toBe(402);
    expect(declined.body).toMatchObject({ code: 'payment_declined', declineCode: 'card_declined' });
    expect(await level(itemId)).toMatchObject({ onHand: 3, reserved: 0 });
    const failed = await t.request('GET', `/v1/commerce/orders/${declined.body.orderId}`, { token: sk });
    expect(failed.body).toMatchObject({
      status: 'canceled',
      paymentStatus: 'failed',
      cancelReason: 'payment_declined',
    });
    expect(failed.body.payments[0]).toMatchObject({
      status: 'failed',
      failureCode: 'card_declined',
      card: { last4: '0002' },
    });
    const paid = await checkout(cart, card(TEST_CARDS.succeeds));
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body.status).toBe('paid');
    expect(paid.body.id).not.toBe(declined.body.orderId);
    expect(await level(itemId)).toMatchObject({ onHand: 0, reserved: 0 });
  });

  it('holds the order pending when the card needs an extra step, then confirms it paid (or declined)', async () => {
    const itemId = await product(1200);
    await stock(itemId, 2);
    const cart = await cartWith(itemId, 1);
    const res = await checkout(cart, card(TEST_CARDS.requiresAction));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', paymentStatus: 'requires_action' });
    expect(res.body.payments[0]).toMatchObject({
      status: 'requires_action',
      nextAction: { type: 'authenticate' },
    });
    expect(await level(itemId)).toMatchObject({ reserved: 1 });
    // Checking out again while the step is pending answers the same order.
    expect((await checkout(cart, card(TEST_CARDS.succeeds))).body.id).toBe(res.body.id);
    const confirm = (c: { id: string; token: string }, data?: Record<string, string>) =>
      t.request('POST', `${CARTS}/${c.id}/checkout/confirm`, {
        token: pk,
        body: data ? { data } : {},
        headers: { [CART_TOKEN]: c.token },
      });
    const confirmed = await confirm(cart);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ id: res.body.id, status: 'paid', paymentStatus: 'paid' });
    expect(await level(itemId)).toMatchObject({ onHand: 1, reserved: 0 });

    const other = await cartWith(itemId, 1);
    expect((await checkout(other, card(TEST_CARDS.requiresAction))).status).toBe(201);
    const failed = await confirm(other, { outcome: 'fail' });
    expect(failed.status).toBe(402);
    expect(failed.body).toMatchObject({ code: 'payment_declined', declineCode: 'authentication_failed' });
    expect(await level(itemId)).toMatchObject({ onHand: 1, reserved: 0 });
    expect((await confirm(other)).status).toBe(409);
  });

  it('cancels a checkout abandoned at the extra step after 30 minutes: stock released, the cart open again', async () => {
    const itemId = await product(900);
    await stock(itemId, 1);
    const cart = await cartWith(itemId, 1);
    const held = await checkout(cart, card(TEST_CARDS.requiresAction));
    expect(held.body.paymentStatus).toBe('requires_action');
    const fresh = await cartWith(itemId, 1);
    await abandonedCheckoutExpiry.run(t.server.context);
    expect((await t.request('GET', `/v1/commerce/orders/${held.body.id}`, { token: sk })).body.status).toBe(
      'pending',
    );
    await t.server.context.db.execute(
      sql`update orders set updated_at = now() - interval '31 minutes' where id = ${held.body.id}`,
    );
    await abandonedCheckoutExpiry.run(t.server.context);
    const gone = (await t.request('GET', `/v1/commerce/orders/${held.body.id}`, { token: sk })).body;
    expect(gone).toMatchObject({
      status: 'canceled',
      paymentStatus: 'voided',
      cancelReason: 'checkout_abandoned',
    });
    expect(await level(itemId)).toMatchObject({ onHand: 1, reserved: 0 });
    expect((await checkout(fresh, card(TEST_CARDS.succeeds))).status).toBe(201);
  });

  it('gives a discount code its use back when the payment is declined or the checkout abandoned', async () => {
    const itemId = await product(4000);
    await stock(itemId, 5);
    const made = await t.request('POST', '/v1/commerce/discount-codes', {
      token: sk,
      body: { code: 'ONCEONLY', type: 'percentage', percentOff: 10, usageLimit: 1, usageLimitPerCustomer: 1 },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const used = async () =>
      (await t.request('GET', `/v1/commerce/discount-codes/${made.body.id}`, { token: sk })).body.usedCount;
    const withCode = async () => {
      const cart = await cartWith(itemId, 1);
      const applied = await t.request('POST', `${CARTS}/${cart.id}/discount`, {
        token: pk,
        body: { code: 'ONCEONLY' },
        headers: { [CART_TOKEN]: cart.token },
      });
      expect(applied.status, JSON.stringify(applied.body)).toBe(200);
      return cart;
    };

    // Declined: the redemption is undone with the order, so the code (limit 1) is free again.
    const declinedCart = await withCode();
    expect((await checkout(declinedCart, card(TEST_CARDS.declines))).status).toBe(402);
    expect(await used()).toBe(0);

    // Abandoned at the extra step: once expired, the code's use comes back too.
    const held = await checkout(declinedCart, card(TEST_CARDS.requiresAction));
    expect(held.body.paymentStatus).toBe('requires_action');
    expect(await used()).toBe(1);
    await t.server.context.db.execute(
      sql`update orders set updated_at = now() - interval '31 minutes' where id = ${held.body.id}`,
    );
    await abandonedCheckoutExpiry.run(t.server.context);
    expect(await used()).toBe(0);

    // Paid: the one use is taken for good, and the same shopper cannot use it again.
    const paid = await checkout(declinedCart, card(TEST_CARDS.succeeds));
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body.discountTotal.amount).toBe(400);
    expect(await used()).toBe(1);
    const late = await cartWith(itemId, 1);
    const refused = await t.request('POST', `${CARTS}/${late.id}/discount`, {
      token: pk,
      body: { code: 'ONCEONLY' },
      headers: { [CART_TOKEN]: late.token },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'discount_not_applicable', reason: 'usage_limit' });
  });

  it('refuses what the stock cannot cover with 409 out_of_stock, and carts a caller may not open with 404', async () => {
    const itemId = await product();
    await stock(itemId, 1);
    const a = await cartWith(itemId, 1);
    const b = await cartWith(itemId, 1);
    expect((await checkout(a, card(TEST_CARDS.succeeds))).status).toBe(201);
    const short = await checkout(b, card(TEST_CARDS.succeeds));
    expect(short.status).toBe(409);
    expect(short.body).toMatchObject({ code: 'out_of_stock', stock: { itemId, requested: 1, available: 0 } });
    // Another cart's token, no token, another tenant's key: 404.
    expect((await checkout({ id: b.id, token: a.token }, card(TEST_CARDS.succeeds))).status).toBe(404);
    expect(
      (
        await t.request('POST', `${CARTS}/${b.id}/checkout`, {
          token: pk,
          body: { payment: card(TEST_CARDS.succeeds) },
        })
      ).status,
    ).toBe(404);
    const other = await createTenant(t);
    expect(
      (
        await t.request('POST', `${CARTS}/${b.id}/checkout`, {
          token: other.publishableKey,
          body: { payment: card(TEST_CARDS.succeeds) },
          headers: { [CART_TOKEN]: b.token },
        })
      ).status,
    ).toBe(404);
    // A publishable key reads no orders, and a price in the body is refused.
    expect((await t.request('GET', '/v1/commerce/orders', { token: pk })).status).toBe(403);
    const priced = await t.request('POST', `${CARTS}/${b.id}/checkout`, {
      token: pk,
      body: { payment: card(TEST_CARDS.succeeds), amount: 1 },
      headers: { [CART_TOKEN]: b.token },
    });
    expect(priced.status).toBe(400);
    expect((await checkout(b, { provider: 'nope', card: card(TEST_CARDS.succeeds).card })).status).toBe(400);
  });

  it('keeps no card number anywhere: only brand and last four digits', async () => {
    const itemId = await product();
    await stock(itemId, 2);
    await checkout(await cartWith(itemId, 1), card(TEST_CARDS.succeeds));
    await checkout(await cartWith(itemId, 1), card(TEST_CARDS.declines));
    const db = t.server.context.db;
    for (const number of [TEST_CARDS.succeeds, TEST_CARDS.declines]) {
      for (const table of ['payments', 'orders', 'order_events', 'events', 'idempotency_keys', 'carts']) {
        const exists = rowsOf<{ n: number }>(
          await db.execute(
            sql.raw(`select count(*)::int as n from information_schema.tables where table_name = '${table}'`),
          ),
        )[0]!.n;
        if (!exists) continue;
        const hits = rowsOf<{ n: number }>(
          await db.execute(
            sql.raw(`select count(*)::int as n from ${table} t where t::text like '%${number}%'`),
          ),
        )[0]!.n;
        expect(hits, `${table} holds ${number}`).toBe(0);
      }
    }
  });

  it.skipIf(kind !== 'postgres')(
    'completes one cart once under concurrent checkouts through two instances (same and different Idempotency-Keys): one order, one charge',
    async () => {
      const second = await startTestServer('postgres', { databaseUrl: t.databaseUrl });
      try {
        const itemId = await product(700);
        await stock(itemId, 5);
        const cart = await cartWith(itemId, 1);
        const before = testPaymentProvider.charges;
        // Publishable keys (no stored replies) and a secret key with three Idempotency-Keys.
        const calls = Array.from({ length: 12 }, (_, i) =>
          checkout(
            cart,
            card(TEST_CARDS.succeeds),
            i % 2 ? second : t,
            { 'idempotency-key': `k-${i % 3}` },
            i % 4 < 2 ? pk : sk,
          ),
        );
        const answers = await Promise.all(calls);
        const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
        expect(ids.size).toBe(1);
        for (const a of answers) {
          if (a.status !== 201) expect([a.status, a.body.code]).toEqual([409, 'idempotency_in_progress']);
        }
        expect(testPaymentProvider.charges).toBe(before + 1);
        const orders = await t.request('GET', `/v1/commerce/orders?limit=100`, { token: sk });
        expect(orders.body.data.filter((o: { cartId: string }) => o.cartId === cart.id)).toHaveLength(1);
        expect(await level(itemId)).toMatchObject({ onHand: 4, reserved: 0 });
      } finally {
        await second.stop();
      }
    },
    120_000,
  );

  it.skipIf(kind !== 'postgres')(
    'never oversells: 50 concurrent checkouts for 10 units through two instances make exactly 10 orders and stock 0; each refusal is 409 out_of_stock naming the variant and what is available',
    async () => {
      const second = await startTestServer('postgres', { databaseUrl: t.databaseUrl });
      try {
        const shirt = await product(1500);
        const variant = await t.request('POST', `/v1/commerce/products/${shirt}/variants`, {
          token: sk,
          body: { sku: `SHIRT-${Date.now()}`, price: { amount: 1500, currency: 'EUR' } },
        });
        expect(variant.status, JSON.stringify(variant.body)).toBe(201);
        const itemId = variant.body.id as string;
        await stock(itemId, 10);
        const carts = await Promise.all(
          Array.from({ length: 50 }, (_, i) => cartWith(itemId, 1, i % 2 ? second : t)),
        );
        const answers = await Promise.all(
          carts.map((c, i) => checkout(c, card(TEST_CARDS.succeeds), i % 2 ? second : t)),
        );
        const paid = answers.filter((a) => a.status === 201);
        const refused = answers.filter((a) => a.status !== 201);
        expect(paid).toHaveLength(10);
        expect(refused).toHaveLength(40);
        for (const r of refused) {
          expect(r.status, JSON.stringify(r.body)).toBe(409);
          expect(r.body).toMatchObject({ code: 'out_of_stock', stock: { itemId, requested: 1 } });
          expect(r.body.stock.available).toBe(0);
        }
        expect(await level(itemId)).toMatchObject({ onHand: 0, reserved: 0, available: 0 });
        const orders = await t.request('GET', `/v1/commerce/orders?limit=100&paymentStatus=paid`, {
          token: sk,
        });
        const mine = orders.body.data.filter(
          (o: { items: Array<{ itemId: string }> }) => o.items[0]?.itemId === itemId,
        );
        expect(mine).toHaveLength(10);
      } finally {
        await second.stop();
      }
    },
    180_000,
  );
});
