// Multi-vendor: dashboard users bound to a vendor see and act on only their vendor's part of
// orders — through the API, per-fulfilment shipping, and the realtime stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
  testEmail,
} from '../../../../test/harness';
import { type Frame, openStream } from '../../../../test/sse';

const ORDERS = '/v1/commerce/orders';
const USERS = '/v1/platform/users';
const ENTERPRISE = {
  subscription: { platform: 'scale', commerce: 'commerce_enterprise', fintech: null, social: null },
};
const STARTER = {
  subscription: { platform: 'starter', commerce: 'commerce_startup', fintech: null, social: null },
};

interface Shop {
  tenantId: string;
  sk: string;
  owner: string;
  vendorA: string;
  vendorB: string;
  /** Products of vendor A, vendor B and the store itself. */
  pA: string;
  pB: string;
  pS: string;
}

describe.each(DATABASES)('vendor users on %s', (kind) => {
  let t: TestServer;
  let shop: Shop;
  let userA: { id: string; email: string; vendorId: string };
  let userB: { id: string; email: string; vendorId: string };
  let sessA: string;
  let sessB: string;

  const post = (path: string, token: string, body: Record<string, unknown> = {}) =>
    t.request('POST', path, { token, body });
  const get = (path: string, token: string) => t.request('GET', path, { token });
  const drain = () => t.server.context.dispatcher!.drain();

  async function setUpShop(overrides: Record<string, unknown> = {}): Promise<Shop> {
    const { tenantId, secretKey: sk } = await createTenant(t, overrides);
    const vendor = async (name: string) => {
      const res = await post('/v1/commerce/vendors', sk, { name });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const product = async (price: number, vendorId?: string) => {
      const res = await post('/v1/commerce/products', sk, {
        title: `Item ${price}`,
        status: 'active',
        price: { amount: price, currency: 'EUR' },
        ...(vendorId && { vendorId }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const stocked = await post('/v1/commerce/inventory-levels/adjust', sk, {
        itemId: res.body.id,
        delta: 100,
        reason: 'receipt',
      });
      expect(stocked.status, JSON.stringify(stocked.body)).toBe(200);
      return res.body.id as string;
    };
    const vendorA = await vendor('Atelier A');
    const vendorB = await vendor('Bindery B');
    const owner = await createUser(t, sk, 'owner');
    return {
      tenantId,
      sk,
      owner: await signIn(t, owner.email),
      vendorA,
      vendorB,
      pA: await product(1000, vendorA),
      pB: await product(2000, vendorB),
      pS: await product(400),
    };
  }

  /** A paid order of `items` (product, quantity), its fulfilments made. */
  async function paidOrder(s: Shop, items: Array<[string, number]>) {
    const res = await post(ORDERS, s.sk, {
      currency: 'EUR',
      email: 'buyer@example.test',
      items: items.map(([itemId, quantity]) => ({ itemId, quantity })),
      markPaid: true,
      metadata: { note: 'staff only' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await drain();
    return (await get(`${ORDERS}/${res.body.id}`, s.sk)).body;
  }

  async function vendorUser(s: Shop, vendorId: string, role = 'support') {
    const res = await post(USERS, s.owner, {
      email: testEmail('vendor'),
      name: 'Vendor person',
      role,
      password: TEST_PASSWORD,
      vendorId,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestServer(kind);
    shop = await setUpShop();
    userA = await vendorUser(shop, shop.vendorA, 'admin');
    userB = await vendorUser(shop, shop.vendorB, 'admin');
    sessA = await signIn(t, userA.email);
    sessB = await signIn(t, userB.email);
  });
  afterAll(() => t?.stop());

  describe('binding users to vendors', () => {
    it('binds on create and by invitation; the session knows its vendor and holds only vendor permissions', async () => {
      expect(userA).toMatchObject({ object: 'user', role: 'admin', vendorId: shop.vendorA });
      const me = (await get('/v1/platform/me', sessB)).body;
      expect(me).toMatchObject({ kind: 'session', role: 'admin', vendorId: shop.vendorB });
      expect(me.permissions).toEqual(
        [
          'commerce:orders:read',
          'commerce:orders:write',
          'commerce:products:read',
          'platform:brand:read',
          'platform:me:read',
          'platform:plans:read',
          'platform:read',
        ].sort(),
      );
      const owner = (await get('/v1/platform/me', shop.owner)).body;
      expect(owner.vendorId).toBeNull();

      const invited = await post('/v1/platform/invitations', shop.owner, {
        email: testEmail('invitee'),
        name: 'Invited vendor',
        role: 'viewer',
        vendorId: shop.vendorA,
      });
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
      expect(invited.body.vendorId).toBe(shop.vendorA);
      const accepted = await post('/v1/platform/invitations/accept', '', {
        token: invited.body.token,
        password: TEST_PASSWORD,
      });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
      expect(accepted.body.user).toMatchObject({ role: 'viewer', vendorId: shop.vendorA });
      const listed = (await get(`${USERS}/${accepted.body.user.id}`, shop.owner)).body;
      expect(listed.vendorId).toBe(shop.vendorA);
    });

    it('needs commerce.multiVendor, a vendor of the same tenant and a role below owner', async () => {
      const small = await createTenant(t, STARTER);
      const noPlan = await post(USERS, small.secretKey, {
        email: testEmail('np'),
        name: 'No plan',
        role: 'viewer',
        password: TEST_PASSWORD,
        vendorId: shop.vendorA,
      });
      expect([noPlan.status, noPlan.body.code]).toEqual([403, 'feature_not_in_plan']);
      const invite = await post('/v1/platform/invitations', small.secretKey, {
        email: testEmail('np'),
        name: 'No plan',
        role: 'viewer',
        vendorId: shop.vendorA,
      });
      expect([invite.status, invite.body.code]).toEqual([403, 'feature_not_in_plan']);

      const other = await setUpShop();
      const elsewhere = await post(USERS, other.sk, {
        email: testEmail('x'),
        name: 'Other tenant vendor',
        role: 'viewer',
        password: TEST_PASSWORD,
        vendorId: shop.vendorA,
      });
      expect([elsewhere.status, elsewhere.body.code, elsewhere.body.param]).toEqual([
        404,
        'not_found',
        'vendorId',
      ]);
      const owner = await post(USERS, shop.owner, {
        email: testEmail('o'),
        name: 'Owner vendor',
        role: 'owner',
        password: TEST_PASSWORD,
        vendorId: shop.vendorA,
      });
      expect([owner.status, owner.body.code, owner.body.param]).toEqual([
        400,
        'validation_failed',
        'vendorId',
      ]);
      const promote = await t.request('PATCH', `${USERS}/${userA.id}`, {
        token: shop.owner,
        body: { role: 'owner' },
      });
      expect([promote.status, promote.body.code]).toEqual([400, 'validation_failed']);
      const malformed = await t.request('PATCH', `${USERS}/${userA.id}`, {
        token: shop.owner,
        body: { vendorId: 'ven_\u0000' },
      });
      expect([malformed.status, malformed.body.code]).toEqual([400, 'validation_failed']);
    });

    it('gives a vendor user no way to widen itself: no users, invitations, keys or own binding', async () => {
      for (const token of [sessA, sessB]) {
        expect((await get(USERS, token)).status).toBe(403);
        const self = token === sessA ? userA : userB;
        for (const body of [{ vendorId: null }, { role: 'admin' }, { vendorId: shop.vendorB }]) {
          const res = await t.request('PATCH', `${USERS}/${self.id}`, { token, body });
          expect(res.status, JSON.stringify(res.body)).toBe(403);
        }
        const invite = await post('/v1/platform/invitations', token, {
          email: testEmail('w'),
          name: 'Widen',
          role: 'viewer',
        });
        expect(invite.status).toBe(403);
        expect((await post('/v1/platform/api-keys', token, { type: 'secret', name: 'k' })).status).toBe(403);
        expect(
          (await post(ORDERS, token, { currency: 'EUR', items: [{ itemId: shop.pA, quantity: 1 }] })).status,
        ).toBe(403);
        const workflow = await t.request('PATCH', '/v1/commerce/order-workflow', {
          token,
          body: { steps: [] },
        });
        expect(workflow.status).toBe(403);
      }
      const still = (await get(`${USERS}/${userA.id}`, shop.owner)).body;
      expect(still).toMatchObject({ role: 'admin', vendorId: shop.vendorA });
    });

    it('lets an owner or admin rebind and unbind others, never themselves; a vendor with users cannot be deleted', async () => {
      const admin = await createUser(t, shop.sk, 'admin');
      const adminSession = await signIn(t, admin.email);
      const selfBind = await t.request('PATCH', `${USERS}/${admin.id}`, {
        token: adminSession,
        body: { vendorId: shop.vendorA },
      });
      expect([selfBind.status, selfBind.body.param]).toEqual([403, 'vendorId']);

      const temp = await vendorUser(shop, shop.vendorA, 'viewer');
      const tempSession = await signIn(t, temp.email);
      const onlyA = (await get(`${ORDERS}?limit=100`, tempSession)).status;
      expect(onlyA).toBe(200);
      const blocked = await t.request('DELETE', `/v1/commerce/vendors/${shop.vendorA}`, { token: shop.sk });
      expect([blocked.status, blocked.body.code]).toEqual([409, 'conflict']);
      // Unbinding takes effect on the live session's next request.
      const unbound = await t.request('PATCH', `${USERS}/${temp.id}`, {
        token: adminSession,
        body: { vendorId: null },
      });
      expect(unbound.status, JSON.stringify(unbound.body)).toBe(200);
      expect(unbound.body.vendorId).toBeNull();
      expect((await get('/v1/platform/me', tempSession)).body.vendorId).toBeNull();
      const rebound = await t.request('PATCH', `${USERS}/${temp.id}`, {
        token: adminSession,
        body: { vendorId: shop.vendorB },
      });
      expect(rebound.body.vendorId).toBe(shop.vendorB);
      expect((await get('/v1/platform/me', tempSession)).body.vendorId).toBe(shop.vendorB);
      expect((await t.request('DELETE', `${USERS}/${temp.id}`, { token: adminSession })).status).toBe(200);

      // A vendor without users is deleted, and its pending invitations stop working.
      const spare = (await post('/v1/commerce/vendors', shop.sk, { name: 'Spare' })).body.id;
      const invited = await post('/v1/platform/invitations', shop.owner, {
        email: testEmail('spare'),
        name: 'Spare person',
        role: 'viewer',
        vendorId: spare,
      });
      expect(invited.status).toBe(201);
      expect((await t.request('DELETE', `/v1/commerce/vendors/${spare}`, { token: shop.sk })).status).toBe(
        200,
      );
      const accept = await post('/v1/platform/invitations/accept', '', {
        token: invited.body.token,
        password: TEST_PASSWORD,
      });
      expect([accept.status, accept.body.code]).toEqual([404, 'not_found']);
    });
  });

  describe("a vendor's part of orders", () => {
    it('shows each vendor only its items, fulfilment and totals; the owner sees all', async () => {
      const order = await paidOrder(shop, [
        [shop.pA, 2],
        [shop.pB, 1],
        [shop.pS, 1],
      ]);
      expect(order.total.amount).toBe(2 * 1000 + 2000 + 400);
      expect(order.fulfillments).toHaveLength(3);
      const onlyB = await paidOrder(shop, [[shop.pB, 1]]);

      const asA = await get(`${ORDERS}/${order.id}`, sessA);
      expect(asA.status, JSON.stringify(asA.body)).toBe(200);
      expect(asA.body.items.map((i: { vendorId: string }) => i.vendorId)).toEqual([shop.vendorA]);
      expect(asA.body.fulfillments.map((f: { vendorId: string }) => f.vendorId)).toEqual([shop.vendorA]);
      expect(asA.body).toMatchObject({
        status: 'fulfilling',
        subtotal: { amount: 2000, currency: 'EUR' },
        total: { amount: 2000, currency: 'EUR' },
        shippingTotal: { amount: 0, currency: 'EUR' },
        refundedTotal: { amount: 0, currency: 'EUR' },
        payments: [],
        refunds: [],
        email: null,
        customerId: null,
        cartId: null,
        discountCode: null,
        metadata: {},
        allowedTransitions: [],
      });
      const fulfilmentIds = new Set(order.fulfillments.map((f: { id: string }) => f.id));
      const aFulfilment = asA.body.fulfillments[0].id;
      for (const entry of asA.body.timeline) {
        if (entry.objectId && fulfilmentIds.has(entry.objectId)) expect(entry.objectId).toBe(aFulfilment);
        expect(entry.type).not.toBe('order.refunded');
      }
      expect(JSON.stringify(asA.body)).not.toContain(shop.vendorB);
      expect(JSON.stringify(asA.body)).not.toContain('buyer@example.test');

      const asB = (await get(`${ORDERS}/${order.id}`, sessB)).body;
      expect(asB.items.map((i: { vendorId: string }) => i.vendorId)).toEqual([shop.vendorB]);
      expect(asB.total.amount).toBe(2000);
      expect(JSON.stringify(asB)).not.toContain(shop.vendorA);

      const asOwner = (await get(`${ORDERS}/${order.id}`, shop.owner)).body;
      expect(asOwner.items).toHaveLength(3);
      expect(asOwner.payments).toHaveLength(1);
      expect(asOwner.email).toBe('buyer@example.test');

      // An order without A's items does not exist for A, listed or not.
      const hidden = await get(`${ORDERS}/${onlyB.id}`, sessA);
      expect([hidden.status, hidden.body.code]).toEqual([404, 'not_found']);
      const listA = (await get(`${ORDERS}?limit=100`, sessA)).body.data;
      expect(listA.map((o: { id: string }) => o.id)).toContain(order.id);
      expect(listA.map((o: { id: string }) => o.id)).not.toContain(onlyB.id);
      for (const o of listA) {
        for (const i of o.items) expect(i.vendorId).toBe(shop.vendorA);
      }
      // Filtering by another vendor never widens what A sees.
      const asking = (await get(`${ORDERS}?vendorId=${shop.vendorB}&limit=100`, sessA)).body.data;
      expect(asking.map((o: { id: string }) => o.id)).toEqual([order.id]);
      expect(asking[0].items.map((i: { vendorId: string }) => i.vendorId)).toEqual([shop.vendorA]);
      // Nor may it ask who bought: the filters would tell what the view hides.
      for (const q of ['email=buyer@example.test', 'customerId=cus_x']) {
        const res = await get(`${ORDERS}?${q}`, sessA);
        expect([res.status, res.body.code, res.body.param]).toEqual([403, 'forbidden', q.split('=')[0]]);
      }
      const listB = (await get(`${ORDERS}?limit=100`, sessB)).body.data.map((o: { id: string }) => o.id);
      expect(listB).toEqual(expect.arrayContaining([order.id, onlyB.id]));
    });

    it('ships and delivers per fulfilment: the order follows its last, vendors act on their own only', async () => {
      const order = await paidOrder(shop, [
        [shop.pA, 1],
        [shop.pB, 1],
      ]);
      const fA = order.fulfillments.find((f: { vendorId: string }) => f.vendorId === shop.vendorA).id;
      const fB = order.fulfillments.find((f: { vendorId: string }) => f.vendorId === shop.vendorB).id;
      const ship = (f: string, token: string, body: Record<string, unknown> = {}) =>
        post(`${ORDERS}/${order.id}/fulfillments/${f}/ship`, token, body);
      const deliver = (f: string, token: string) =>
        post(`${ORDERS}/${order.id}/fulfillments/${f}/deliver`, token);

      // Another vendor's fulfilment does not exist for A; whole-order actions are staff's.
      const foreign = await ship(fB, sessA);
      expect([foreign.status, foreign.body.code]).toEqual([404, 'not_found']);
      expect((await post(`${ORDERS}/${order.id}/ship`, sessA)).status).toBe(403);
      expect((await post(`${ORDERS}/${order.id}/cancel`, sessA)).status).toBe(403);
      expect((await post(`${ORDERS}/${order.id}/refund`, sessA, { amount: 1 })).status).toBe(403);
      // A vendor's viewer reads its part but ships nothing.
      const reader = await vendorUser(shop, shop.vendorA, 'viewer');
      const readerSession = await signIn(t, reader.email);
      expect((await get(`${ORDERS}/${order.id}`, readerSession)).status).toBe(200);
      expect((await ship(fA, readerSession)).status).toBe(403);
      const early = await deliver(fA, sessA);
      expect([early.status, early.body.code]).toEqual([409, 'invalid_transition']);

      const shippedA = await ship(fA, sessA, { carrier: 'DHL', trackingNumber: 'A-123' });
      expect(shippedA.status, JSON.stringify(shippedA.body)).toBe(200);
      expect(shippedA.body.status).toBe('fulfilling');
      expect(shippedA.body.fulfillments).toEqual([
        expect.objectContaining({ id: fA, status: 'shipped', carrier: 'DHL', trackingNumber: 'A-123' }),
      ]);
      const twice = await ship(fA, sessA);
      expect([twice.status, twice.body.code, twice.body.fulfillmentStatus]).toEqual([
        409,
        'invalid_transition',
        'shipped',
      ]);
      // B's untouched by A.
      const staff = (await get(`${ORDERS}/${order.id}`, shop.owner)).body;
      expect(staff.fulfillments.find((f: { id: string }) => f.id === fB).status).toBe('pending');

      const shippedB = await ship(fB, sessB, { trackingNumber: 'B-9' });
      expect(shippedB.body.status).toBe('shipped');
      const deliveredA = await deliver(fA, shop.owner);
      expect(deliveredA.status, JSON.stringify(deliveredA.body)).toBe(200);
      expect(deliveredA.body.status).toBe('shipped');
      const deliveredB = await deliver(fB, sessB);
      expect(deliveredB.body.status).toBe('delivered');
      const final = (await get(`${ORDERS}/${order.id}`, shop.owner)).body;
      expect(final.status).toBe('delivered');
      expect(final.timeline.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining([
          'fulfillment.shipped',
          'order.shipped',
          'fulfillment.delivered',
          'order.delivered',
        ]),
      );
      const again = await deliver(fB, shop.owner);
      expect([again.status, again.body.code]).toEqual([409, 'invalid_transition']);
      const unknown = await ship('ful_00000000000000000000000000', shop.owner);
      expect(unknown.status).toBe(404);
    });

    it('keeps the whole-order ship working, and custom workflow steps gate shipping a fulfilment too', async () => {
      const whole = await paidOrder(shop, [
        [shop.pA, 1],
        [shop.pB, 1],
      ]);
      const fA = whole.fulfillments.find((f: { vendorId: string }) => f.vendorId === shop.vendorA).id;
      await post(`${ORDERS}/${whole.id}/fulfillments/${fA}/ship`, sessA, { trackingNumber: 'A-1' });
      const all = await post(`${ORDERS}/${whole.id}/ship`, shop.owner, { trackingNumber: 'ALL' });
      expect(all.status, JSON.stringify(all.body)).toBe(200);
      expect(all.body.status).toBe('shipped');
      const byId = new Map(
        all.body.fulfillments.map((f: { id: string; trackingNumber: string }) => [f.id, f]),
      );
      expect(byId.get(fA)).toMatchObject({ trackingNumber: 'A-1' });

      const big = await setUpShop(ENTERPRISE);
      const set = await t.request('PATCH', '/v1/commerce/order-workflow', {
        token: big.sk,
        body: { steps: [{ key: 'packed', name: 'Packed' }] },
      });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      const gated = await paidOrder(big, [
        [big.pA, 1],
        [big.pB, 1],
      ]);
      const gA = gated.fulfillments.find((f: { vendorId: string }) => f.vendorId === big.vendorA).id;
      const blocked = await post(`${ORDERS}/${gated.id}/fulfillments/${gA}/ship`, big.sk);
      expect([blocked.status, blocked.body.code]).toEqual([409, 'invalid_transition']);
      expect((await post(`${ORDERS}/${gated.id}/ship`, big.sk)).status).toBe(409);
      expect((await post(`${ORDERS}/${gated.id}/advance-step`, big.sk)).status).toBe(200);
      const open = await post(`${ORDERS}/${gated.id}/fulfillments/${gA}/ship`, big.sk);
      expect(open.status, JSON.stringify(open.body)).toBe(200);
      expect(open.body.status).toBe('fulfilling');
    });
  });

  describe('realtime', () => {
    it("carries only the vendor's orders, and only its part of them, on a vendor user's stream", async () => {
      const streamA = await openStream(t.url, 'topics=orders', { token: sessA });
      const streamOwner = await openStream(t.url, 'topics=orders', { token: shop.owner });
      expect(streamA.status, JSON.stringify(streamA.problem)).toBe(200);
      try {
        expect((await streamA.nextOf('ready'))?.event).toBe('ready');
        expect((await streamOwner.nextOf('ready'))?.event).toBe('ready');
        // First an order A has nothing in, then one it shares with B.
        const onlyB = await paidOrder(shop, [[shop.pB, 1]]);
        const shared = await paidOrder(shop, [
          [shop.pA, 1],
          [shop.pB, 3],
        ]);
        const fB = shared.fulfillments.find((f: { vendorId: string }) => f.vendorId === shop.vendorB).id;
        const fA = shared.fulfillments.find((f: { vendorId: string }) => f.vendorId === shop.vendorA).id;
        // B ships (A must not hear of it), then A ships: A's stream ends its story with its own.
        await post(`${ORDERS}/${shared.id}/fulfillments/${fB}/ship`, sessB);
        await post(`${ORDERS}/${shared.id}/fulfillments/${fA}/ship`, sessA);
        await drain();

        const seen: Frame[] = [];
        for (;;) {
          const frame = await streamA.next();
          if (!frame) throw new Error('stream ended');
          if (!frame.event || frame.event === 'ready') continue;
          seen.push(frame);
          if (frame.event === 'fulfillment.shipped' && frame.data.data.id === fA) break;
        }
        for (const frame of seen) {
          const data = frame.data.data;
          if (data.object === 'order') {
            expect(data.id).toBe(shared.id);
            expect(data.items.map((i: { vendorId: string }) => i.vendorId)).toEqual([shop.vendorA]);
            expect(data.payments).toEqual([]);
            expect(data.total.amount).toBe(1000);
            expect(JSON.stringify(data)).not.toContain(shop.vendorB);
          } else {
            expect(data).toMatchObject({ object: 'fulfillment', vendorId: shop.vendorA });
          }
        }
        expect(seen.map((f) => f.event)).toEqual(
          expect.arrayContaining([
            'order.created',
            'order.paid',
            'fulfillment.created',
            'fulfillment.shipped',
          ]),
        );
        expect(seen.filter((f) => f.event === 'fulfillment.shipped')).toHaveLength(1);

        // The owner's stream carries both orders, whole.
        const ownerOrders = new Set<string>();
        for (;;) {
          const frame = await streamOwner.nextOf('order.created');
          if (!frame) throw new Error('stream ended');
          ownerOrders.add(frame.data.data.id);
          if (frame.data.data.id === shared.id) {
            expect(frame.data.data.items).toHaveLength(2);
            break;
          }
        }
        expect(ownerOrders).toContain(onlyB.id);
      } finally {
        streamA.close();
        streamOwner.close();
      }
    });
  });
});
