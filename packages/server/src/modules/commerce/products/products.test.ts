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
});
