import { DEMO_BRANDS, DEMO_PRODUCTS, DEMO_TENANTS } from '@agentstack/sdk/catalog';
import type { Order } from '@agentstack/sdk/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/app';
import { type DemoCredentials, formatDemoCredentials, seedDemo } from '../src/seed';
import { DEMO_DISCOUNT_CODES, DEMO_ORDER_WORKFLOW } from '../src/seedCommerce';
import { createPostgresDatabase, DATABASES, startTestServer, type TestServer } from './harness';

describe.each(DATABASES)('seedDemo (%s)', (kind) => {
  let t: TestServer;
  let creds: DemoCredentials;

  beforeAll(async () => {
    t = await startTestServer(kind);
    // The harness installs an operator key; seeding wants a truly empty database.
    await t.server.context.database.query('delete from operator_keys');
    const seeded = await seedDemo(t.server.context, { operatorKey: 'op_knownDemoOperatorKey0123456789' });
    expect(seeded).not.toBeNull();
    creds = seeded!;
  });
  afterAll(() => t?.stop());

  it('creates the three demo tenants with keys, plans and users', () => {
    expect(creds.operatorKey).toBe('op_knownDemoOperatorKey0123456789');
    expect(creds.tenants.map((x) => x.slug)).toEqual(['starter', 'growth', 'enterprise']);
    for (const tenant of creds.tenants) {
      expect(tenant.id).toMatch(/^ten_/);
      expect(tenant.secretKey).toMatch(/^sk_/);
      expect(tenant.publishableKey).toMatch(/^pk_/);
    }
    expect(creds.tenants[0]!.plans).toMatchObject({ platform: 'Starter', commerce: 'Startup' });
    expect(creds.tenants[2]!.plans.platform).toBe('Enterprise');
  });

  it('seeds only once: a second call answers null and adds nothing', async () => {
    const before = await ordersOf(creds.tenants[1]!.secretKey);
    expect(await seedDemo(t.server.context)).toBeNull();
    const list = await t.request('GET', '/v1/platform/tenants?limit=100', { token: creds.operatorKey });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(3);
    expect((await ordersOf(creds.tenants[1]!.secretKey)).map((o) => o.id)).toEqual(before.map((o) => o.id));
  });

  /** Every order of the tenant of `key`, newest first. */
  async function ordersOf(key: string): Promise<Order[]> {
    const res = await t.request<{ data: Order[]; hasMore: boolean }>('GET', '/v1/commerce/orders?limit=100', {
      token: key,
    });
    expect(res.status).toBe(200);
    expect(res.body.hasMore).toBe(false);
    return res.body.data;
  }

  const tenantOf = (slug: string) => creds.tenants.find((x) => x.slug === slug)!;

  it('gives each shop its regions, shipping options and discount codes, the UK with multi-market only', async () => {
    for (const tenant of creds.tenants) {
      const key = tenant.secretKey;
      const regions = (await t.request('GET', '/v1/commerce/regions', { token: key })).body.data;
      const expected = tenant.slug === 'enterprise' ? ['Europe EUR', 'United Kingdom GBP'] : ['Europe EUR'];
      expect(
        regions.map((r: { name: string; currency: string }) => `${r.name} ${r.currency}`).sort(),
      ).toEqual(expected);
      expect(regions.find((r: { currency: string }) => r.currency === 'EUR').taxRateBps).toBe(2100);
      const options = (await t.request('GET', '/v1/commerce/shipping-options?limit=100', { token: key })).body
        .data;
      expect(options).toHaveLength(2 * regions.length);
      const codes = (await t.request('GET', '/v1/commerce/discount-codes', { token: key })).body.data;
      const welcome = codes.find((c: { code: string }) => c.code === DEMO_DISCOUNT_CODES.welcome);
      const spring = codes.find((c: { code: string }) => c.code === DEMO_DISCOUNT_CODES.spring);
      expect(welcome).toMatchObject({ type: 'percentage', percentOff: 10, usageLimitPerCustomer: 1 });
      expect(spring).toMatchObject({
        type: 'fixed',
        amountOff: { amount: 500, currency: 'EUR' },
        minimumSpend: { amount: 4000, currency: 'EUR' },
      });
      // Redeemed at checkout, once per order that carries the code.
      const orders = await ordersOf(key);
      for (const code of [welcome, spring]) {
        expect(code.usedCount).toBeGreaterThan(0);
        expect(code.usedCount).toBe(orders.filter((o) => o.discountCode === code.code).length);
      }
    }
  });

  it('gives vendors to Growth and up, the custom steps to Enterprise, within each plan', async () => {
    const starter = tenantOf('starter');
    const denied = await t.request('GET', '/v1/commerce/vendors', { token: starter.secretKey });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('feature_not_in_plan');
    for (const slug of ['growth', 'enterprise']) {
      const vendors = await t.request('GET', '/v1/commerce/vendors', { token: tenantOf(slug).secretKey });
      expect(vendors.body.data).toHaveLength(4);
    }
    for (const tenant of creds.tenants) {
      const workflow = await t.request('GET', '/v1/commerce/order-workflow', { token: tenant.secretKey });
      expect(workflow.body.steps).toEqual(tenant.slug === 'enterprise' ? DEMO_ORDER_WORKFLOW : []);
    }
    const enterprise = await ordersOf(tenantOf('enterprise').secretKey);
    const steps = enterprise.filter((o) => o.status === 'fulfilling').map((o) => o.workflowStep);
    expect(steps.sort()).toEqual(DEMO_ORDER_WORKFLOW.map((s) => s.key).sort());
    // Pounds in the UK region.
    expect(enterprise.some((o) => o.currency === 'GBP' && o.shippingAddress?.countryCode === 'GB')).toBe(
      true,
    );
  });

  it('seeds orders in every state through checkout and the order actions', async () => {
    for (const tenant of creds.tenants) {
      const orders = await ordersOf(tenant.secretKey);
      const statuses = new Set(orders.map((o) => o.status));
      for (const status of [
        'pending',
        'paid',
        'fulfilling',
        'shipped',
        'delivered',
        'canceled',
        'refunded',
        'returned',
      ] as const) {
        expect(statuses.has(status), `${tenant.slug}: an order ${status}`).toBe(true);
      }
      expect(orders.some((o) => o.paymentStatus === 'partially_refunded')).toBe(true);
      for (const o of orders) {
        const sum = (key: 'subtotal' | 'discount' | 'tax' | 'total') =>
          o.items.reduce((n, i) => n + i[key].amount, 0);
        expect(o.subtotal.amount).toBe(sum('subtotal'));
        expect(o.total.amount).toBe(
          o.subtotal.amount - o.discountTotal.amount + o.shippingTotal.amount + o.taxTotal.amount,
        );
        expect(o.timeline.map((e) => e.type)).toContain('order.created');
        const refunded = o.refunds
          .filter((r) => r.status === 'succeeded')
          .reduce((n, r) => n + r.amount.amount, 0);
        expect(o.refundedTotal.amount).toBe(refunded);
        if (o.status === 'pending') {
          // The phone order awaiting a bank transfer: nothing paid, its stock held.
          expect(o.source).toBe('manual');
          expect(o.payments).toEqual([]);
          continue;
        }
        // Checked out with the built-in test provider: captured in full, refunds through it.
        expect(o.source).toBe('checkout');
        expect(o.payments.map((p) => [p.provider, p.status, p.captured.amount])).toEqual([
          ['test', 'succeeded', o.total.amount],
        ]);
        expect(o.shippingAddress).not.toBeNull();
        const shipped = ['shipped', 'delivered', 'refunded', 'returned'].includes(o.status);
        if (shipped) {
          expect(o.fulfillments.length).toBeGreaterThan(0);
          for (const f of o.fulfillments) expect(f.trackingNumber).toMatch(/^[A-Z]{2}\d+$/);
        }
      }
      expect(orders.find((o) => o.status === 'canceled')!.paymentStatus).toBe('refunded');
      expect(
        orders.find((o) => o.status === 'returned')!.items.every((i) => i.returnedQuantity === i.quantity),
      ).toBe(true);
      expect(orders.some((o) => o.payments[0]?.card?.brand === 'mastercard')).toBe(true);
    }
  });

  it('spreads the orders over the past two weeks, each timeline in order at a shop’s pace', async () => {
    const now = Date.now();
    for (const tenant of creds.tenants) {
      const orders = await ordersOf(tenant.secretKey);
      const placed = orders.map((o) => Date.parse(o.createdAt)).sort((a, b) => a - b);
      expect(now - placed[0]!, `${tenant.slug}: the oldest order is days old`).toBeGreaterThan(
        7 * 86_400_000,
      );
      expect(placed.at(-1)!, `${tenant.slug}: no order is in the future`).toBeLessThan(now);
      expect(new Set(placed.map((t) => new Date(t).toDateString())).size).toBeGreaterThan(5);
      for (const o of orders) {
        const times = o.timeline.map((e) => Date.parse(e.createdAt));
        expect(times, `order #${o.number}: its timeline in order`).toEqual([...times].sort((a, b) => a - b));
        expect(times[0]).toBe(Date.parse(o.createdAt));
        expect(Math.max(...times)).toBeLessThan(now);
        for (const f of o.fulfillments) {
          const shipped = o.timeline.find(
            (e) => e.type === 'fulfillment.shipped' && e.message.includes(f.trackingNumber ?? '—'),
          );
          if (f.shippedAt && shipped) expect(f.shippedAt).toBe(shipped.createdAt);
          if (f.deliveredAt && f.shippedAt)
            expect(Date.parse(f.deliveredAt)).toBeGreaterThan(Date.parse(f.shippedAt));
        }
        const delivered = o.timeline.find((e) => e.type === 'order.delivered');
        if (delivered) {
          // Delivered a day or more after it was placed, not in the same minute.
          expect(Date.parse(delivered.createdAt) - Date.parse(o.createdAt)).toBeGreaterThan(86_400_000);
        }
      }
    }
  });

  it('splits multi-vendor orders per vendor, and fulfils Starter orders whole', async () => {
    const starter = await ordersOf(tenantOf('starter').secretKey);
    for (const o of starter) {
      expect(o.fulfillments.length).toBeLessThanOrEqual(1);
      expect(o.fulfillments.every((f) => f.vendorId === null)).toBe(true);
    }
    for (const slug of ['growth', 'enterprise']) {
      const orders = await ordersOf(tenantOf(slug).secretKey);
      const split = orders.filter((o) => new Set(o.fulfillments.map((f) => f.vendorId)).size > 1);
      expect(split.length, `${slug}: orders split by vendor`).toBeGreaterThan(1);
      for (const o of split) {
        for (const f of o.fulfillments) {
          const vendors = f.items.map((fi) => o.items.find((i) => i.id === fi.orderItemId)!.vendorId);
          expect(new Set(vendors)).toEqual(new Set([f.vendorId]));
        }
      }
    }
    // Growth: one vendor's parcel has left, the order is still fulfilling.
    const growth = await ordersOf(tenantOf('growth').secretKey);
    const underway = growth.find((o) => o.status === 'fulfilling')!;
    expect(underway.fulfillments.map((f) => f.status).sort()).toEqual(['pending', 'shipped']);
  });

  it("keeps each product's stock equal to its opening stock less what live orders hold", async () => {
    for (const [i, demo] of DEMO_TENANTS.entries()) {
      const key = creds.tenants[i]!.secretKey;
      const held = new Map<string, number>();
      for (const o of await ordersOf(key)) {
        if (o.status === 'canceled') continue;
        for (const item of o.items)
          held.set(item.itemId, (held.get(item.itemId) ?? 0) + item.quantity - item.returnedQuantity);
      }
      expect(held.size).toBeGreaterThan(5);
      const products = (await t.request('GET', '/v1/commerce/products?limit=100', { token: key })).body.data;
      for (const p of products as Array<{ id: string; sku: string; inventoryQuantity: number }>) {
        const opening = DEMO_PRODUCTS.slice(0, demo.productCount).find((d) => d.sku === p.sku)!
          .inventoryQuantity!;
        expect(p.inventoryQuantity, p.sku).toBe(opening - (held.get(p.id) ?? 0));
      }
    }
  });

  it('leaves the paid orders paid once the event handlers have caught up', async () => {
    await t.server.context.dispatcher!.drain();
    for (const tenant of creds.tenants) {
      const orders = await ordersOf(tenant.secretKey);
      const paid = orders.filter((o) => o.status === 'paid');
      expect(paid).toHaveLength(1);
      expect(paid[0]!.fulfillments).toEqual([]);
    }
  });

  it("lists each tenant's demo products with its secret key", async () => {
    for (const [i, demo] of DEMO_TENANTS.entries()) {
      const key = creds.tenants[i]!.secretKey;
      const first = await t.request('GET', '/v1/commerce/products?limit=100', { token: key });
      expect(first.status).toBe(200);
      expect(first.body.data).toHaveLength(demo.productCount);
      expect(first.body.data.map((p: { sku: string }) => p.sku).sort()).toEqual(
        DEMO_PRODUCTS.slice(0, demo.productCount)
          .map((p) => p.sku)
          .sort(),
      );
      // Newest first: the catalogue's last product leads.
      expect(first.body.data[0].sku).toBe(DEMO_PRODUCTS[demo.productCount - 1]!.sku);
    }
    const entitlements = await t.request('GET', '/v1/platform/entitlements', {
      token: creds.tenants[0]!.secretKey,
    });
    expect(entitlements.body.limits['commerce.products'].used).toBeGreaterThan(0);
    expect(entitlements.body.limits['platform.dashboardUsers'].used).toBe(1);
  });

  it('signs the seeded owners in', async () => {
    for (const tenant of creds.tenants) {
      const res = await t.request('POST', '/v1/platform/sessions', { body: tenant.user });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        tenantId: tenant.id,
        user: { role: 'owner', email: tenant.user.email },
      });
      const me = await t.request('GET', '/v1/platform/me', { token: res.body.token });
      expect(me.body).toMatchObject({ kind: 'session', tenantName: tenant.name, role: 'owner' });
    }
  });

  it('brands the tenants through their agencies', async () => {
    const brands = await Promise.all(
      creds.tenants.map(
        async (x) => (await t.request('GET', '/v1/platform/brand', { token: x.publishableKey })).body,
      ),
    );
    expect(brands.map((b) => b.name).sort()).toEqual([
      DEMO_BRANDS.aurora.name,
      DEMO_BRANDS.aurora.name,
      DEMO_BRANDS.nocturne.name,
    ]);
    const enterprise = creds.tenants.findIndex((x) => x.slug === 'enterprise');
    expect(brands[enterprise]).toEqual(DEMO_BRANDS.nocturne);
    const agencies = await t.request('GET', '/v1/platform/agencies', { token: creds.operatorKey });
    expect(agencies.body.data).toHaveLength(2);
  });

  it('formats the credentials for the terminal', () => {
    const text = formatDemoCredentials(creds, 'http://127.0.0.1:4321');
    expect(text).toContain(creds.operatorKey);
    for (const tenant of creds.tenants) {
      expect(text).toContain(tenant.secretKey);
      expect(text).toContain(tenant.publishableKey);
      expect(text).toContain(tenant.user.email);
      expect(text).toContain(tenant.user.password);
    }
    expect(text).toContain(
      `curl -H "Authorization: Bearer ${creds.tenants[0]!.secretKey}" http://127.0.0.1:4321/v1/commerce/products`,
    );
  });
});

describe.each(DATABASES)('seedDemo on a non-empty database (%s)', (kind) => {
  it('does nothing when an operator key exists', async () => {
    const t = await startTestServer(kind);
    try {
      expect(await seedDemo(t.server.context)).toBeNull();
      const tenants = await t.request('GET', '/v1/platform/tenants', { token: t.operatorKey });
      expect(tenants.body.data).toHaveLength(0);
    } finally {
      await t.stop();
    }
  });

  it.skipIf(kind !== 'postgres')(
    'seeds once when two servers start on the same database at the same time',
    async () => {
      const db = await createPostgresDatabase();
      const [one, two] = await Promise.all([
        createServer({ databaseUrl: db.url, logLevel: 'silent' }),
        createServer({ databaseUrl: db.url, logLevel: 'silent' }),
      ]);
      try {
        const results = await Promise.all([seedDemo(one.context), seedDemo(two.context)]);
        expect(results.filter((r) => r !== null)).toHaveLength(1);
        const [row] = await one.context.database.query<{ n: number }>(
          'select count(*)::int as n from tenants',
        );
        expect(row!.n).toBe(3);
      } finally {
        await one.stop();
        await two.stop();
        await db.drop();
      }
    },
  );
});
