import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from '../../../../test/harness';

const product = (i: number, extra: Record<string, unknown> = {}) => ({
  title: `Linen shirt ${i}`,
  sku: `LIN-${i}`,
  price: { amount: 4900 + i, currency: 'EUR' },
  status: 'active',
  inventoryQuantity: 10,
  ...extra,
});

describe.each(DATABASES)('products on %s', (kind) => {
  let t: TestServer;
  let sk: string;
  let pk: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    ({ secretKey: sk, publishableKey: pk } = await createTenant(t));
  });
  afterAll(() => t?.stop());

  it('creates, retrieves, updates and archives a product', async () => {
    const created = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      body: product(1, { status: undefined }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      object: 'product',
      title: 'Linen shirt 1',
      status: 'draft',
      price: { amount: 4901, currency: 'EUR' },
    });
    expect(created.body.id).toMatch(/^prod_/);
    expect(created.headers.get('request-id')).toMatch(/^req_/);

    const got = await t.request('GET', `/v1/commerce/products/${created.body.id}`, { token: sk });
    expect(got.body).toEqual(created.body);

    const patched = await t.request('PATCH', `/v1/commerce/products/${created.body.id}`, {
      token: sk,
      body: { title: 'Linen shirt, sand', status: 'active', price: { amount: 5900, currency: 'EUR' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      title: 'Linen shirt, sand',
      status: 'active',
      price: { amount: 5900 },
    });

    const archived = await t.request('POST', `/v1/commerce/products/${created.body.id}/archive`, {
      token: sk,
    });
    expect(archived.body).toMatchObject({ status: 'archived' });
    expect(archived.body.archivedAt).not.toBeNull();

    const again = await t.request('POST', `/v1/commerce/products/${created.body.id}/archive`, { token: sk });
    expect(again.body.archivedAt).toBe(archived.body.archivedAt);

    const edit = await t.request('PATCH', `/v1/commerce/products/${created.body.id}`, {
      token: sk,
      body: { title: 'x' },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('invalid_state');

    const back = await t.request('POST', `/v1/commerce/products/${created.body.id}/unarchive`, { token: sk });
    expect(back.body).toMatchObject({ status: 'draft', archivedAt: null });
  });

  it('rejects bad input with problem+json naming the field', async () => {
    const bad = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      body: { title: '', price: { amount: 12.5, currency: 'eur' }, colour: 'red' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.code).toBe('validation_failed');
    const params = bad.body.errors.map((e: { param: string }) => e.param).sort();
    expect(params).toEqual(['colour', 'price.amount', 'price.currency', 'title']);
    expect(bad.body.requestId).toBe(bad.headers.get('request-id'));

    const json = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      rawBody: '{"title":',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
    expect(json.body.code).toBe('invalid_json');

    const limit = await t.request('GET', '/v1/commerce/products?limit=500', { token: sk });
    expect(limit.status).toBe(400);
    expect(limit.body.param).toBe('limit');

    const unknownQuery = await t.request('GET', '/v1/commerce/products?colour=red', { token: sk });
    expect(unknownQuery.body.code).toBe('validation_failed');
  });

  it('answers missing and wrong credentials with 401', async () => {
    const none = await t.request('GET', '/v1/commerce/products');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('unauthenticated');
    const wrong = await t.request('GET', '/v1/commerce/products', { token: 'sk_nope' });
    expect(wrong.body.code).toBe('invalid_api_key');
  });

  it('rejects duplicate SKUs within a tenant but not across tenants', async () => {
    const a = await t.request('POST', '/v1/commerce/products', { token: sk, body: product(2) });
    expect(a.status).toBe(201);
    const dup = await t.request('POST', '/v1/commerce/products', { token: sk, body: product(2) });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'duplicate_sku', param: 'sku' });
    const other = await createTenant(t);
    const elsewhere = await t.request('POST', '/v1/commerce/products', {
      token: other.secretKey,
      body: product(2),
    });
    expect(elsewhere.status).toBe(201);
  });

  it('isolates tenants: another tenant sees 404, never the product', async () => {
    const mine = await t.request('POST', '/v1/commerce/products', { token: sk, body: product(3) });
    const other = await createTenant(t);
    const peek = await t.request('GET', `/v1/commerce/products/${mine.body.id}`, { token: other.secretKey });
    expect(peek.status).toBe(404);
    const poke = await t.request('PATCH', `/v1/commerce/products/${mine.body.id}`, {
      token: other.secretKey,
      body: { title: 'mine now' },
    });
    expect(poke.status).toBe(404);
    const list = await t.request('GET', '/v1/commerce/products', { token: other.secretKey });
    expect(list.body.data.map((p: { id: string }) => p.id)).not.toContain(mine.body.id);
  });

  it('pages with cursors, filters by status and searches title and SKU', async () => {
    const tenant = await createTenant(t);
    for (let i = 0; i < 7; i++) {
      const r = await t.request('POST', '/v1/commerce/products', {
        token: tenant.secretKey,
        body: product(100 + i, {
          title: i % 2 ? `Wool scarf ${i}` : `Cotton tee ${i}`,
          status: i < 5 ? 'active' : 'draft',
        }),
      });
      expect(r.status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&startingAfter=${cursor}` : '';
      const page = await t.request('GET', `/v1/commerce/products?limit=3${q}`, { token: tenant.secretKey });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((p: { id: string }) => p.id));
      cursor = page.body.nextCursor;
      expect(page.body.hasMore).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect([...seen].sort().reverse()).toEqual(seen);

    const drafts = await t.request('GET', '/v1/commerce/products?status=draft', { token: tenant.secretKey });
    expect(drafts.body.data).toHaveLength(2);
    const scarves = await t.request('GET', '/v1/commerce/products?query=SCARF', { token: tenant.secretKey });
    expect(scarves.body.data).toHaveLength(3);
    const bySku = await t.request('GET', '/v1/commerce/products?query=lin-104', { token: tenant.secretKey });
    expect(bySku.body.data.map((p: { sku: string }) => p.sku)).toEqual(['LIN-104']);
    const pct = await t.request('GET', '/v1/commerce/products?query=%25', { token: tenant.secretKey });
    expect(pct.body.data).toHaveLength(0);

    const publicList = await t.request('GET', '/v1/commerce/products?limit=100', {
      token: tenant.publishableKey,
    });
    expect(publicList.body.data).toHaveLength(5);
    expect(publicList.body.data.every((p: { status: string }) => p.status === 'active')).toBe(true);
    const write = await t.request('POST', '/v1/commerce/products', {
      token: tenant.publishableKey,
      body: product(999),
    });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
  });

  it('sorts by title, price and inventory with keyset pages that follow the order (ties by id)', async () => {
    const tenant = await createTenant(t);
    const specs = [
      { title: 'Mug', price: 1200, qty: 5 },
      { title: 'apron', price: 3900, qty: 5 },
      { title: 'Bowl', price: 1200, qty: 0 },
      { title: 'Mug', price: 800, qty: 9 },
      { title: 'Cup', price: 1200, qty: 2 },
    ];
    const created: Array<{
      id: string;
      title: string;
      price: { amount: number };
      inventoryQuantity: number;
    }> = [];
    for (const [i, spec] of specs.entries()) {
      const r = await t.request('POST', '/v1/commerce/products', {
        token: tenant.secretKey,
        body: product(400 + i, {
          title: spec.title,
          price: { amount: spec.price, currency: 'EUR' },
          inventoryQuantity: spec.qty,
        }),
      });
      created.push(r.body);
    }
    const walk = async (order: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor ? `&startingAfter=${cursor}` : '';
        const page = await t.request('GET', `/v1/commerce/products?limit=2&order=${order}${after}`, {
          token: tenant.secretKey,
        });
        expect(page.status).toBe(200);
        ids.push(...page.body.data.map((p: { id: string }) => p.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return ids;
    };
    const by = (value: (p: (typeof created)[number]) => string | number, descending = false) =>
      [...created]
        .sort((a, b) => {
          const [x, y] = [value(a), value(b)];
          const c = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
          return descending ? -c : c;
        })
        .map((p) => p.id);
    // PostgreSQL's collation decides title order; compare against what one request returns whole.
    const titles = (
      await t.request('GET', '/v1/commerce/products?limit=100&order=title', { token: tenant.secretKey })
    ).body.data.map((p: { id: string }) => p.id);
    expect(await walk('title')).toEqual(titles);
    expect(await walk('-title')).toEqual([...titles].reverse());
    expect(await walk('price')).toEqual(by((p) => p.price.amount));
    expect(await walk('-price')).toEqual(by((p) => p.price.amount, true));
    expect(await walk('inventoryQuantity')).toEqual(by((p) => p.inventoryQuantity));
    expect(await walk('createdAt')).toEqual(by((p) => p.id));
    expect(await walk('-createdAt')).toEqual(by((p) => p.id, true));
    const bad = await t.request('GET', '/v1/commerce/products?order=colour', { token: tenant.secretKey });
    expect(bad.status).toBe(400);
    expect(bad.body.param).toBe('order');
  });

  it('publishable keys cannot see drafts', async () => {
    const draft = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      body: product(4, { status: 'draft' }),
    });
    const viaPk = await t.request('GET', `/v1/commerce/products/${draft.body.id}`, { token: pk });
    expect(viaPk.status).toBe(404);
  });

  it('enforces the plan product limit and names the plan that lifts it', async () => {
    const tenant = await createTenant(t, {
      subscription: { platform: 'starter', commerce: 'commerce_startup', fintech: null, social: null },
      limitOverrides: { 'commerce.products': 2 },
    });
    for (let i = 0; i < 2; i++) {
      expect(
        (
          await t.request('POST', '/v1/commerce/products', {
            token: tenant.secretKey,
            body: product(200 + i),
          })
        ).status,
      ).toBe(201);
    }
    const over = await t.request('POST', '/v1/commerce/products', {
      token: tenant.secretKey,
      body: product(202),
    });
    expect(over.status).toBe(402);
    expect(over.body).toMatchObject({
      code: 'tier_limit_reached',
      limit: { key: 'commerce.products', limit: 2, used: 2 },
      upgrade: { kind: 'plan', id: 'commerce_growth', name: 'Growth' },
    });
    const ent = await t.request('GET', '/v1/platform/entitlements', { token: tenant.secretKey });
    expect(ent.body.limits['commerce.products']).toEqual({ limit: 2, used: 2 });
  });

  it('gates bulk archive behind commerce.bulkOperations', async () => {
    const starter = await createTenant(t, {
      subscription: { platform: 'starter', commerce: 'commerce_startup', fintech: null, social: null },
    });
    const p = await t.request('POST', '/v1/commerce/products', {
      token: starter.secretKey,
      body: product(300),
    });
    const denied = await t.request('POST', '/v1/commerce/products/bulk-archive', {
      token: starter.secretKey,
      body: { ids: [p.body.id] },
    });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      code: 'feature_not_in_plan',
      feature: 'commerce.bulkOperations',
      upgrade: { kind: 'plan', id: 'commerce_growth', name: 'Growth' },
    });

    const a = await t.request('POST', '/v1/commerce/products', { token: sk, body: product(301) });
    const b = await t.request('POST', '/v1/commerce/products', { token: sk, body: product(302) });
    const ok = await t.request('POST', '/v1/commerce/products/bulk-archive', {
      token: sk,
      body: { ids: [a.body.id, b.body.id] },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data.map((x: { status: string }) => x.status)).toEqual(['archived', 'archived']);
    const missing = await t.request('POST', '/v1/commerce/products/bulk-archive', {
      token: sk,
      body: { ids: [a.body.id, 'prod_00000000000000000000000000'] },
    });
    expect(missing.status).toBe(404);
  });

  it("derives the product's and each variant's inventoryQuantity from the inventory levels", async () => {
    const tenant = await createTenant(t);
    const token = tenant.secretKey;
    const get = async (path: string) => (await t.request('GET', path, { token })).body;
    const post = async (path: string, body: unknown, status = 200) => {
      const r = await t.request('POST', path, { token, body });
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      return r.body;
    };
    // The list page a dashboard keeps open, served from the cache after its first read.
    const listed = async (id: string) =>
      (await get('/v1/commerce/products?limit=100')).data.find((p: { id: string }) => p.id === id);
    // One truth: what the levels say, on hand less reserved over every location.
    const fromLevels = async (ids: string[]) => {
      let sum = 0;
      for (const id of ids)
        for (const l of (await get(`/v1/commerce/inventory-levels?itemId=${id}`)).data) sum += l.available;
      return sum;
    };

    // Create keeps its inventoryQuantity as a receipt into the default location.
    const created = await post(
      '/v1/commerce/products',
      product(500, { options: [{ name: 'Size', values: ['S', 'M'] }] }),
      201,
    );
    expect(created.inventoryQuantity).toBe(10);
    const [receipt] = (await get(`/v1/commerce/inventory-movements?itemId=${created.id}`)).data;
    expect(receipt).toMatchObject({ delta: 10, reason: 'receipt', onHandAfter: 10 });
    const [location] = (await get('/v1/commerce/stock-locations')).data;
    expect(receipt.locationId).toBe(location.id);
    expect(await fromLevels([created.id])).toBe(10);
    expect((await listed(created.id)).inventoryQuantity).toBe(10);

    // It is not writable through an update.
    const patch = await t.request('PATCH', `/v1/commerce/products/${created.id}`, {
      token,
      body: { inventoryQuantity: 99 },
    });
    expect(patch.status).toBe(400);
    expect((await get(`/v1/commerce/products/${created.id}`)).inventoryQuantity).toBe(10);

    // Adjustments, reservations and releases reach the product and the cached list at once.
    await post('/v1/commerce/inventory-levels/adjust', {
      itemId: created.id,
      delta: -3,
      reason: 'correction',
    });
    expect((await listed(created.id)).inventoryQuantity).toBe(7);
    const held = await post('/v1/commerce/reservations', { itemId: created.id, quantity: 2 }, 201);
    expect((await get(`/v1/commerce/products/${created.id}`)).inventoryQuantity).toBe(5);
    expect((await listed(created.id)).inventoryQuantity).toBe(5);

    // A variant's stock counts for the variant and its product, at every location.
    const variant = await post(
      `/v1/commerce/products/${created.id}/variants`,
      { sku: 'LIN-500-S', options: { Size: 'S' }, price: { amount: 4900, currency: 'EUR' } },
      201,
    );
    expect(variant.inventoryQuantity).toBe(0);
    // The inventory board names its items in one request: products by their or their variants' ids.
    const other = await post('/v1/commerce/products', product(501), 201);
    await post('/v1/commerce/products', product(502), 201);
    const named = await get(`/v1/commerce/products?ids=${variant.id},${other.id},prod_00000000000000000000`);
    expect(named.data.map((p: { id: string }) => p.id).sort()).toEqual([created.id, other.id].sort());
    const badIds = await t.request('GET', '/v1/commerce/products?ids=ord_00000000000000000000', { token });
    expect(badIds.status).toBe(400);
    expect(badIds.body.param).toBe('ids');
    const second = await post('/v1/commerce/stock-locations', { name: 'Second warehouse' }, 201);
    await post('/v1/commerce/inventory-levels/adjust', { itemId: variant.id, delta: 4, reason: 'receipt' });
    await post('/v1/commerce/inventory-levels/adjust', {
      itemId: variant.id,
      locationId: second.id,
      delta: 6,
      reason: 'receipt',
    });
    const withVariant = await get(`/v1/commerce/products/${created.id}`);
    expect(withVariant.inventoryQuantity).toBe(15);
    expect(withVariant.variants[0].inventoryQuantity).toBe(10);
    expect((await get(`/v1/commerce/products/${created.id}/variants/${variant.id}`)).inventoryQuantity).toBe(
      10,
    );
    expect(await listed(created.id)).toEqual(withVariant);
    expect(withVariant.inventoryQuantity).toBe(await fromLevels([created.id, variant.id]));

    await t.request('DELETE', `/v1/commerce/reservations/${held.id}`, { token });
    expect((await listed(created.id)).inventoryQuantity).toBe(17);
    // A deleted variant's stock stops counting.
    await t.request('DELETE', `/v1/commerce/products/${created.id}/variants/${variant.id}`, { token });
    expect((await listed(created.id)).inventoryQuantity).toBe(7);

    // Stock cannot go below what is reserved, so the figure never goes negative.
    const refused = await t.request('POST', '/v1/commerce/inventory-levels/adjust', {
      token,
      body: { itemId: created.id, delta: -8, reason: 'correction' },
    });
    expect(refused.status).toBe(409);
    expect((await listed(created.id)).inventoryQuantity).toBe(7);
  });
});
