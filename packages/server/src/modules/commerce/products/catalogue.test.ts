import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from '../../../../test/harness';

const P = '/v1/commerce/products';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const ids = (res: { body: { data: Array<{ id: string }> } }) => res.body.data.map((p) => p.id).sort();

describe.each(DATABASES)('catalogue: media, collections, vendors and list filters on %s', (kind) => {
  let t: TestServer;
  let sk: string;
  let pk: string;
  let startup: string;
  const post = async (path: string, body: unknown, token = sk) => {
    const res = await t.request('POST', path, { token, body });
    expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    ({ secretKey: sk, publishableKey: pk } = await createTenant(t));
    ({ secretKey: startup } = await createTenant(t, {
      subscription: { platform: 'starter', commerce: 'commerce_startup', fintech: null, social: null },
    }));
  });
  afterAll(() => t?.stop());

  it('keeps media in the order sent and reorders it with a patch; https: only', async () => {
    const media = [
      { url: 'https://cdn.example.test/front.jpg', alt: 'Front' },
      { url: 'https://cdn.example.test/back.jpg' },
      { url: 'https://cdn.example.test/detail.jpg', alt: 'Stitching' },
    ];
    const p = await post(P, { title: 'Pictured', price: eur(1), media });
    expect(p.media).toEqual([
      { url: media[0]!.url, alt: 'Front' },
      { url: media[1]!.url, alt: '' },
      { url: media[2]!.url, alt: 'Stitching' },
    ]);
    const reordered = await t.request('PATCH', `${P}/${p.id}`, {
      token: sk,
      body: { media: [media[2], media[0], media[1]] },
    });
    expect(reordered.body.media.map((m: { url: string }) => m.url)).toEqual([
      media[2]!.url,
      media[0]!.url,
      media[1]!.url,
    ]);
    const page = await t.request('GET', `${P}?limit=100`, { token: sk });
    expect(page.body.data.find((x: { id: string }) => x.id === p.id).media).toEqual(reordered.body.media);
    for (const url of ['http://cdn.example.test/a.jpg', 'javascript:alert(1)', 'data:image/png;base64,AA']) {
      const bad = await t.request('PATCH', `${P}/${p.id}`, { token: sk, body: { media: [{ url }] } });
      expect([url, bad.status, bad.body.code, bad.body.param]).toEqual([
        url,
        400,
        'validation_failed',
        'media.0.url',
      ]);
    }
  });

  it('groups products in collections; deleting one takes it off its products', async () => {
    const summer = await post('/v1/commerce/collections', { title: 'Summer' });
    expect(summer).toMatchObject({ object: 'product_collection', title: 'Summer', description: '' });
    const p = await post(P, { title: 'Sandal', price: eur(1), collectionIds: [summer.id] });
    const listed = await t.request('GET', `${P}?collection=${summer.id}`, { token: sk });
    expect(ids(listed)).toEqual([p.id]);
    const renamed = await t.request('PATCH', `/v1/commerce/collections/${summer.id}`, {
      token: sk,
      body: { title: 'Summer 27' },
    });
    expect(renamed.body.title).toBe('Summer 27');
    const dup = await t.request('PATCH', `${P}/${p.id}`, {
      token: sk,
      body: { collectionIds: [summer.id, summer.id] },
    });
    expect([dup.status, dup.body.code]).toEqual([400, 'validation_failed']);
    await t.request('DELETE', `/v1/commerce/collections/${summer.id}`, { token: sk });
    expect((await t.request('GET', `${P}/${p.id}`, { token: sk })).body.collectionIds).toEqual([]);
    expect(ids(await t.request('GET', `${P}?collection=${summer.id}`, { token: sk }))).toEqual([]);
  });

  it('locks vendors below Growth, naming the plan; a vendor deleted leaves its products without one', async () => {
    for (const [method, path, body] of [
      ['GET', '/v1/commerce/vendors'],
      ['POST', '/v1/commerce/vendors', { name: 'Acme' }],
      ['POST', P, { title: 'x', price: eur(1), vendorId: 'ven_0000000000000000' }],
    ] as const) {
      const res = await t.request(method, path, { token: startup, body });
      expect([path, res.status, res.body.code, res.body.upgrade?.id]).toEqual([
        path,
        403,
        'feature_not_in_plan',
        'commerce_growth',
      ]);
    }
    const acme = await post('/v1/commerce/vendors', { name: 'Acme' });
    expect(acme).toMatchObject({ object: 'vendor', name: 'Acme' });
    expect((await t.request('GET', `/v1/commerce/vendors/${acme.id}`, { token: startup })).status).toBe(403);
    const p = await post(P, { title: 'Anvil', price: eur(1), vendorId: acme.id });
    expect(p.vendorId).toBe(acme.id);
    expect(ids(await t.request('GET', `${P}?vendor=${acme.id}`, { token: sk }))).toEqual([p.id]);
    const unknown = await t.request('POST', P, {
      token: sk,
      body: { title: 'x', price: eur(1), vendorId: 'ven_0000000000000000' },
    });
    expect([unknown.status, unknown.body.param]).toEqual([404, 'vendorId']);
    await t.request('DELETE', `/v1/commerce/vendors/${acme.id}`, { token: sk });
    expect((await t.request('GET', `${P}/${p.id}`, { token: sk })).body.vendorId).toBeNull();
  });

  it('filters by category with its descendants, option value and price range in a currency', async () => {
    const shoes = await post('/v1/commerce/categories', { name: 'Shoes' });
    const boots = await post('/v1/commerce/categories', { name: 'Boots', parentId: shoes.id });
    const hiking = await post('/v1/commerce/categories', { name: 'Hiking', parentId: boots.id });
    const hats = await post('/v1/commerce/categories', { name: 'Hats' });
    const options = [{ name: 'Size', values: ['40', '42'] }];
    const boot = await post(P, {
      title: 'Trail boot',
      status: 'active',
      price: eur(12000),
      prices: [{ amount: 13000, currency: 'USD' }],
      options,
      categoryIds: [hiking.id],
    });
    const sneaker = await post(P, {
      title: 'Sneaker',
      status: 'active',
      price: eur(8000),
      options,
      categoryIds: [shoes.id],
    });
    const cap = await post(P, { title: 'Cap', status: 'draft', price: eur(2000), categoryIds: [hats.id] });
    await post(`${P}/${boot.id}/variants`, {
      sku: `BOOT-42-${kind}`,
      options: { Size: '42' },
      price: eur(12500),
      prices: [{ amount: 990, currency: 'GBP' }],
    });
    await post(`${P}/${sneaker.id}/variants`, {
      sku: `SNK-40-${kind}`,
      options: { Size: '40' },
      price: eur(8000),
    });

    const q = async (query: string, token = sk) => {
      const res = await t.request('GET', `${P}?limit=100&${query}`, { token });
      expect(res.status, `${query} ${JSON.stringify(res.body)}`).toBe(200);
      return ids(res);
    };
    expect(await q(`category=${shoes.id}`)).toEqual([boot.id, sneaker.id].sort());
    expect(await q(`category=${boots.id}`)).toEqual([boot.id]);
    expect(await q(`category=${hats.id}`)).toEqual([cap.id]);
    expect(await q(`category=${hats.id}`, pk)).toEqual([]);
    expect(await q('option=Size:42')).toEqual([boot.id]);
    expect(await q('option=Size:40')).toEqual([sneaker.id]);
    expect(await q('option=Size:44')).toEqual([]);
    expect(await q(`currency=EUR&priceMin=10000&category=${shoes.id}`)).toEqual([boot.id]);
    expect(await q(`currency=EUR&priceMax=8000&category=${shoes.id}`)).toEqual([sneaker.id]);
    expect(await q('currency=USD&priceMin=12000&priceMax=14000')).toEqual([boot.id]);
    expect(await q('currency=GBP&priceMax=1000')).toEqual([boot.id]);
    expect(await q(`query=SNK-40-${kind}`)).toEqual([sneaker.id]);
    // Moving a category changes what its filter lists, at once (the list cache follows).
    await t.request('PATCH', `/v1/commerce/categories/${boots.id}`, {
      token: sk,
      body: { parentId: hats.id },
    });
    expect(await q(`category=${shoes.id}`)).toEqual([sneaker.id]);
    expect(await q(`category=${hats.id}`)).toEqual([boot.id, cap.id].sort());

    for (const query of [
      'priceMin=1',
      'currency=EUR&priceMin=5&priceMax=4',
      'option=Size',
      'category=hats',
      'currency=eur&priceMin=1',
    ]) {
      const res = await t.request('GET', `${P}?${query}`, { token: sk });
      expect([query, res.status, res.body.code]).toEqual([query, 400, 'validation_failed']);
    }
  });
});
