import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  type TestServer,
} from '../../../../test/harness';

const ORDERS = '/v1/commerce/orders';
const LEVELS = '/v1/commerce/inventory-levels';

describe.each(DATABASES)('orders on %s', (kind) => {
  let t: TestServer;
  let sk: string;
  let pk: string;
  let tenantId: string;

  const product = async (price = 2500, extra: Record<string, unknown> = {}, token = sk) => {
    const res = await t.request('POST', '/v1/commerce/products', {
      token,
      body: { title: 'Linen shirt', status: 'active', price: { amount: price, currency: 'EUR' }, ...extra },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const stock = async (itemId: string, delta: number, token = sk) => {
    const res = await t.request('POST', `${LEVELS}/adjust`, {
      token,
      body: { itemId, delta, reason: 'receipt' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const level = async (itemId: string, token = sk) =>
    (await t.request('GET', `${LEVELS}?itemId=${itemId}`, { token })).body.data[0];
  const create = (body: Record<string, unknown>, token = sk) => t.request('POST', ORDERS, { token, body });
  const act = (id: string, action: string, body: Record<string, unknown> = {}, token = sk) =>
    t.request('POST', `${ORDERS}/${id}/${action}`, { token, body });
  const drain = () => t.server.context.dispatcher!.drain();

  beforeAll(async () => {
    t = await startTestServer(kind);
    ({ secretKey: sk, publishableKey: pk, tenantId } = await createTenant(t));
  });
  afterAll(() => t?.stop());

  it('places a manual order at catalogue prices, holding its stock, and walks it to delivered with a timeline', async () => {
    const itemId = await product(2500);
    await stock(itemId, 5);
    const placed = await create({
      currency: 'EUR',
      items: [{ itemId, quantity: 2 }],
      email: 'ann@example.test',
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const order = placed.body;
    expect(order).toMatchObject({
      object: 'order',
      status: 'pending',
      paymentStatus: 'unpaid',
      source: 'manual',
      total: { amount: 5000, currency: 'EUR' },
      items: [{ itemId, quantity: 2, unitPrice: { amount: 2500, currency: 'EUR' }, vendorId: null }],
    });
    expect(order.number).toBeGreaterThan(0);
    expect(order.allowedTransitions).toEqual([
      { action: 'mark_paid', to: 'paid' },
      { action: 'cancel', to: 'canceled' },
    ]);
    expect(await level(itemId)).toMatchObject({ onHand: 5, reserved: 2, available: 3 });

    const paid = await act(order.id, 'mark-paid');
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paymentStatus: 'paid' });
    expect(paid.body.payments).toEqual([
      expect.objectContaining({
        provider: 'manual',
        status: 'succeeded',
        captured: { amount: 5000, currency: 'EUR' },
      }),
    ]);
    // Sold: the reservation became a sale movement.
    expect(await level(itemId)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });

    await drain();
    const fulfilling = (await t.request('GET', `${ORDERS}/${order.id}`, { token: sk })).body;
    expect(fulfilling.status).toBe('fulfilling');
    expect(fulfilling.fulfillments).toEqual([
      expect.objectContaining({
        status: 'pending',
        vendorId: null,
        items: [{ orderItemId: order.items[0].id, quantity: 2 }],
      }),
    ]);
    const shipped = await act(order.id, 'ship', { carrier: 'DHL', trackingNumber: 'JD0001' });
    expect(shipped.body).toMatchObject({ status: 'shipped' });
    expect(shipped.body.fulfillments[0]).toMatchObject({
      status: 'shipped',
      carrier: 'DHL',
      trackingNumber: 'JD0001',
    });
    const delivered = await act(order.id, 'deliver');
    expect(delivered.body.status).toBe('delivered');
    expect(delivered.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'order.created',
      'order.paid',
      'fulfillment.created',
      'order.fulfilling',
      'fulfillment.shipped',
      'order.shipped',
      'fulfillment.delivered',
      'order.delivered',
    ]);
    expect(delivered.body.allowedTransitions.map((x: { action: string }) => x.action)).toEqual([
      'request_return',
      'refund',
    ]);
  });

  it('answers 409 invalid_transition listing the transitions the order can take, changing nothing', async () => {
    const itemId = await product();
    await stock(itemId, 2);
    const order = (await create({ currency: 'EUR', items: [{ itemId, quantity: 1 }] })).body;
    for (const action of ['ship', 'deliver', 'refund', 'receive-return', 'start-fulfillment']) {
      const res = await act(order.id, action);
      expect(res.status, action).toBe(409);
      expect(res.body).toMatchObject({
        code: 'invalid_transition',
        orderStatus: 'pending',
        allowedTransitions: [
          { action: 'mark_paid', to: 'paid' },
          { action: 'cancel', to: 'canceled' },
        ],
      });
    }
    const after = (await t.request('GET', `${ORDERS}/${order.id}`, { token: sk })).body;
    expect(after.status).toBe('pending');
    expect(after.timeline).toHaveLength(1);
  });

  it('refuses an order the stock cannot cover (409 out_of_stock naming the item and what is available), writing nothing', async () => {
    const itemId = await product();
    const other = await product();
    await stock(itemId, 3);
    await stock(other, 10);
    const before = (await t.request('GET', ORDERS, { token: sk })).body.data.length;
    const res = await create({
      currency: 'EUR',
      items: [
        { itemId: other, quantity: 1 },
        { itemId, quantity: 4 },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'out_of_stock', stock: { itemId, requested: 4, available: 3 } });
    expect((await t.request('GET', ORDERS, { token: sk })).body.data.length).toBe(before);
    expect(await level(other)).toMatchObject({ reserved: 0, available: 10 });
  });

  it('cancels an unpaid order (stock released, payment voided) and a paid one (stock back, refunded in full)', async () => {
    const itemId = await product(1000);
    await stock(itemId, 4);
    const unpaid = (await create({ currency: 'EUR', items: [{ itemId, quantity: 3 }] })).body;
    const canceled = await act(unpaid.id, 'cancel', { note: 'customer called' });
    expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
    expect(canceled.body).toMatchObject({
      status: 'canceled',
      paymentStatus: 'voided',
      cancelReason: 'customer called',
    });
    expect(canceled.body.allowedTransitions).toEqual([]);
    expect(await level(itemId)).toMatchObject({ onHand: 4, reserved: 0 });

    const paid = (await create({ currency: 'EUR', items: [{ itemId, quantity: 2 }], markPaid: true })).body;
    expect(paid.status).toBe('paid');
    expect(await level(itemId)).toMatchObject({ onHand: 2, reserved: 0 });
    const back = await act(paid.id, 'cancel');
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({
      status: 'canceled',
      paymentStatus: 'refunded',
      refundedTotal: { amount: 2000, currency: 'EUR' },
    });
    expect(back.body.refunds).toEqual([
      expect.objectContaining({ status: 'succeeded', amount: { amount: 2000, currency: 'EUR' } }),
    ]);
    expect(await level(itemId)).toMatchObject({ onHand: 4, reserved: 0 });
    // Whether the dispatcher made its fulfilment before the cancel or finds it canceled after,
    // nothing of it is left to ship.
    await drain();
    const fulfillments = (await t.request('GET', `${ORDERS}/${paid.id}`, { token: sk })).body.fulfillments;
    expect(fulfillments.filter((f: { status: string }) => f.status !== 'canceled')).toEqual([]);
  });

  it('refunds partially then fully, never more than captured (409 refund_exceeds_captured)', async () => {
    const itemId = await product(3000);
    await stock(itemId, 1);
    const order = (await create({ currency: 'EUR', items: [{ itemId, quantity: 1 }], markPaid: true })).body;
    const part = await act(order.id, 'refund', { amount: 1000, reason: 'damaged' });
    expect(part.status, JSON.stringify(part.body)).toBe(200);
    expect(part.body).toMatchObject({ paymentStatus: 'partially_refunded', refundedTotal: { amount: 1000 } });
    // A partial refund keeps the status (paid, or fulfilling once the dispatcher made its fulfilment).
    expect(['paid', 'fulfilling']).toContain(part.body.status);
    const over = await act(order.id, 'refund', { amount: 2001 });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({
      code: 'refund_exceeds_captured',
      param: 'amount',
      detail: 'Only EUR 20.00 captured and not yet refunded; EUR 20.01 requested.',
      refundable: { amount: 2000, currency: 'EUR' },
    });
    const rest = await act(order.id, 'refund');
    expect(rest.body).toMatchObject({
      status: 'refunded',
      paymentStatus: 'refunded',
      refundedTotal: { amount: 3000 },
    });
    expect(rest.body.payments[0].refunded).toEqual({ amount: 3000, currency: 'EUR' });
    // The timeline names the money.
    const refunded = rest.body.timeline
      .filter((e: { type: string }) => e.type === 'order.refunded')
      .map((e: { message: string }) => e.message);
    expect(refunded).toEqual([
      'Refunded EUR 10.00 of EUR 30.00',
      'Refunded EUR 20.00 of EUR 30.00 — fully refunded',
    ]);
    const again = await act(order.id, 'refund', { amount: 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_transition');
  });

  it('takes returns: requested, received back into stock, then refunded', async () => {
    const itemId = await product(1500);
    await stock(itemId, 3);
    const order = (await create({ currency: 'EUR', items: [{ itemId, quantity: 3 }], markPaid: true })).body;
    await drain();
    await act(order.id, 'ship');
    const tooMany = await act(order.id, 'request-return', {
      items: [{ orderItemId: order.items[0].id, quantity: 4 }],
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.code).toBe('invalid_return');
    const requested = await act(order.id, 'request-return', {
      items: [{ orderItemId: order.items[0].id, quantity: 2 }],
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(200);
    expect(requested.body.status).toBe('return_requested');
    const received = await act(order.id, 'receive-return');
    expect(received.body).toMatchObject({ status: 'returned' });
    expect(received.body.items[0].returnedQuantity).toBe(2);
    expect(await level(itemId)).toMatchObject({ onHand: 2 });
    const refunded = await act(order.id, 'refund', { amount: 3000, reason: 'returned' });
    expect(refunded.body).toMatchObject({ status: 'returned', paymentStatus: 'partially_refunded' });
  });

  it('lists by status and customer, newest first', async () => {
    const itemId = await product();
    await stock(itemId, 5);
    const a = (
      await create({ currency: 'EUR', items: [{ itemId, quantity: 1 }], customerId: 'cus_list0001' })
    ).body;
    const b = (
      await create({
        currency: 'EUR',
        items: [{ itemId, quantity: 1 }],
        customerId: 'cus_list0001',
        markPaid: true,
      })
    ).body;
    const mine = await t.request('GET', `${ORDERS}?customerId=cus_list0001`, { token: sk });
    expect(mine.body.data.map((o: { id: string }) => o.id)).toEqual([b.id, a.id]);
    const pending = await t.request('GET', `${ORDERS}?customerId=cus_list0001&status=pending`, { token: sk });
    expect(pending.body.data.map((o: { id: string }) => o.id)).toEqual([a.id]);
    const bad = await t.request('GET', `${ORDERS}?status=lost`, { token: sk });
    expect(bad.status).toBe(400);
  });

  it('splits fulfilment per vendor on Growth, one fulfilment below it; a vendor filter lists their orders', async () => {
    const vendor = async (token: string) => {
      const res = await t.request('POST', '/v1/commerce/vendors', {
        token,
        body: { name: `V ${Math.random()}` },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const v1 = await vendor(sk);
    const v2 = await vendor(sk);
    const p1 = await product(1000, { vendorId: v1 });
    const p2 = await product(2000, { vendorId: v2 });
    await stock(p1, 2);
    await stock(p2, 2);
    const order = (
      await create({
        currency: 'EUR',
        items: [
          { itemId: p1, quantity: 1 },
          { itemId: p2, quantity: 1 },
        ],
        markPaid: true,
      })
    ).body;
    await drain();
    const split = (await t.request('GET', `${ORDERS}/${order.id}`, { token: sk })).body;
    expect(split.fulfillments.map((f: { vendorId: string }) => f.vendorId).sort()).toEqual([v1, v2].sort());
    const byVendor = await t.request('GET', `${ORDERS}?vendorId=${v2}`, { token: sk });
    expect(byVendor.body.data.map((o: { id: string }) => o.id)).toEqual([order.id]);

    const small = await createTenant(t, {
      subscription: { platform: 'starter', commerce: 'commerce_startup', fintech: null, social: null },
    });
    const q1 = await product(1000, {}, small.secretKey);
    const q2 = await product(1000, {}, small.secretKey);
    await stock(q1, 1, small.secretKey);
    await stock(q2, 1, small.secretKey);
    const one = (
      await create(
        {
          currency: 'EUR',
          items: [
            { itemId: q1, quantity: 1 },
            { itemId: q2, quantity: 1 },
          ],
          markPaid: true,
        },
        small.secretKey,
      )
    ).body;
    await drain();
    const whole = (await t.request('GET', `${ORDERS}/${one.id}`, { token: small.secretKey })).body;
    expect(whole.fulfillments).toHaveLength(1);
    expect(whole.fulfillments[0].items).toHaveLength(2);
  });

  it("keeps tenants apart and roles in their place: another tenant's order is 404, viewers read but cannot act, publishable keys cannot read", async () => {
    const itemId = await product();
    await stock(itemId, 2);
    const order = (await create({ currency: 'EUR', items: [{ itemId, quantity: 1 }] })).body;
    const other = await createTenant(t);
    expect((await t.request('GET', `${ORDERS}/${order.id}`, { token: other.secretKey })).status).toBe(404);
    expect((await act(order.id, 'cancel', {}, other.secretKey)).status).toBe(404);
    expect((await t.request('GET', ORDERS, { token: other.secretKey })).body.data).toEqual([]);
    // Another tenant's item cannot be ordered.
    expect(
      (await create({ currency: 'EUR', items: [{ itemId, quantity: 1 }] }, other.secretKey)).status,
    ).toBe(404);

    const viewer = await createUser(t, sk, 'viewer');
    const session = await signIn(t, viewer.email, tenantId);
    const seen = await t.request('GET', `${ORDERS}/${order.id}`, { token: session });
    expect(seen.status).toBe(200);
    expect(seen.body.allowedTransitions).toEqual([]);
    expect((await act(order.id, 'cancel', {}, session)).status).toBe(403);
    expect((await act(order.id, 'refund', {}, session)).status).toBe(403);
    expect((await t.request('GET', ORDERS, { token: pk })).status).toBe(403);
    expect((await t.request('GET', `${ORDERS}/${order.id}`, { token: pk })).status).toBe(403);
    // Amounts are never the client's: a total in the body is refused.
    const priced = await create({
      currency: 'EUR',
      items: [{ itemId, quantity: 1 }],
      total: { amount: 1, currency: 'EUR' },
    });
    expect(priced.status).toBe(400);
  });
});
