import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  type TestServer,
} from '../../../../test/harness';

const P = '/v1/commerce/products';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const shirt = {
  title: 'Linen shirt',
  status: 'active',
  price: eur(4900),
  prices: [{ amount: 5200, currency: 'USD' }],
  options: [
    { name: 'Size', values: ['S', 'M', 'L'] },
    { name: 'Colour', values: ['Sand', 'Navy'] },
  ],
};

describe.each(DATABASES)('product variants and prices per currency on %s', (kind) => {
  let t: TestServer;
  let sk: string;
  let pk: string;
  let other: string;
  let seq = 0;
  const newShirt = async (extra: Record<string, unknown> = {}) => {
    const res = await t.request('POST', P, { token: sk, body: { ...shirt, ...extra } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const sku = () => `V-${kind}-${++seq}`;

  beforeAll(async () => {
    t = await startTestServer(kind);
    ({ secretKey: sk, publishableKey: pk } = await createTenant(t));
    ({ secretKey: other } = await createTenant(t));
  });
  afterAll(() => t?.stop());

  it('creates variants with option values, SKUs and prices, embedded in the product', async () => {
    const product = await newShirt();
    const V = `${P}/${product.id}/variants`;
    const created = await t.request('POST', V, {
      token: sk,
      body: {
        sku: 'SHIRT-S-SAND',
        options: { Size: 'S', Colour: 'Sand' },
        price: eur(4900),
        prices: [{ amount: 5200, currency: 'USD' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      object: 'product_variant',
      productId: product.id,
      title: 'S / Sand',
      sku: 'SHIRT-S-SAND',
      price: eur(4900),
      prices: [{ amount: 5200, currency: 'USD' }],
    });
    expect(created.body.id).toMatch(/^var_/);
    const second = await t.request('POST', V, {
      token: sk,
      body: {
        sku: 'SHIRT-M-NAVY',
        title: 'Medium navy',
        options: { Size: 'M', Colour: 'Navy' },
        price: eur(5100),
      },
    });
    expect(second.status).toBe(201);

    const got = await t.request('GET', `${P}/${product.id}`, { token: sk });
    expect(got.body.prices).toEqual([{ amount: 5200, currency: 'USD' }]);
    expect(got.body.options).toEqual(shirt.options);
    expect(got.body.variants).toEqual([created.body, second.body]);
    const listed = await t.request('GET', V, { token: sk });
    expect(listed.body).toEqual({ data: [created.body, second.body], hasMore: false, nextCursor: null });
    const one = await t.request('GET', `${V}/${second.body.id}`, { token: sk });
    expect(one.body).toEqual(second.body);

    // The product list (served from its cache) shows the new variants at once.
    const page = await t.request('GET', `${P}?limit=100`, { token: sk });
    expect(page.body.data.find((p: { id: string }) => p.id === product.id).variants).toHaveLength(2);

    const patched = await t.request('PATCH', `${V}/${created.body.id}`, {
      token: sk,
      body: { options: { Size: 'L', Colour: 'Sand' }, price: eur(5300) },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'L / Sand', price: eur(5300) });
    const page2 = await t.request('GET', `${P}?limit=100`, { token: sk });
    expect(page2.body.data.find((p: { id: string }) => p.id === product.id).variants[0]).toEqual(
      patched.body,
    );

    const deleted = await t.request('DELETE', `${V}/${created.body.id}`, { token: sk });
    expect(deleted.body).toEqual({ id: created.body.id, object: 'product_variant', deleted: true });
    expect((await t.request('GET', `${V}/${created.body.id}`, { token: sk })).status).toBe(404);
    expect((await t.request('GET', `${P}/${product.id}`, { token: sk })).body.variants).toEqual([
      second.body,
    ]);
  });

  it('refuses duplicate SKUs across variants and products, and duplicate option values', async () => {
    const a = await newShirt({ sku: `PRODUCT-${kind}` });
    const b = await newShirt();
    const taken = sku();
    expect(
      (
        await t.request('POST', `${P}/${a.id}/variants`, {
          token: sk,
          body: { sku: taken, options: { Size: 'S', Colour: 'Sand' }, price: eur(1) },
        })
      ).status,
    ).toBe(201);
    const cases: Array<[string, string, unknown, number, string]> = [
      [
        'same SKU on another product',
        `${P}/${b.id}/variants`,
        { sku: taken, options: { Size: 'S', Colour: 'Sand' }, price: eur(1) },
        409,
        'duplicate_sku',
      ],
      [
        "a product's SKU",
        `${P}/${b.id}/variants`,
        { sku: `PRODUCT-${kind}`, options: { Size: 'M', Colour: 'Sand' }, price: eur(1) },
        409,
        'duplicate_sku',
      ],
      [
        'same option values',
        `${P}/${a.id}/variants`,
        { sku: sku(), options: { Size: 'S', Colour: 'Sand' }, price: eur(1) },
        409,
        'duplicate_variant',
      ],
      [
        'a value the axis lacks',
        `${P}/${a.id}/variants`,
        { sku: sku(), options: { Size: 'XXL', Colour: 'Sand' }, price: eur(1) },
        422,
        'invalid_variant_options',
      ],
      [
        'an axis missing',
        `${P}/${a.id}/variants`,
        { sku: sku(), options: { Size: 'M' }, price: eur(1) },
        422,
        'invalid_variant_options',
      ],
      [
        'an axis the product lacks',
        `${P}/${a.id}/variants`,
        { sku: sku(), options: { Size: 'M', Colour: 'Sand', Fit: 'Slim' }, price: eur(1) },
        422,
        'invalid_variant_options',
      ],
      [
        'a currency twice',
        `${P}/${a.id}/variants`,
        { sku: sku(), options: { Size: 'M', Colour: 'Sand' }, price: eur(1), prices: [eur(2)] },
        400,
        'validation_failed',
      ],
      [
        'two prices in one currency',
        `${P}/${a.id}/variants`,
        {
          sku: sku(),
          options: { Size: 'M', Colour: 'Sand' },
          price: eur(1),
          prices: [
            { amount: 1, currency: 'USD' },
            { amount: 2, currency: 'USD' },
          ],
        },
        400,
        'validation_failed',
      ],
      [
        'a float amount',
        `${P}/${a.id}/variants`,
        { sku: sku(), options: { Size: 'M', Colour: 'Sand' }, price: { amount: 1.5, currency: 'EUR' } },
        400,
        'validation_failed',
      ],
      [
        'not a currency',
        `${P}/${a.id}/variants`,
        { sku: sku(), options: { Size: 'M', Colour: 'Sand' }, price: { amount: 1, currency: 'EURO' } },
        400,
        'validation_failed',
      ],
      [
        'no SKU',
        `${P}/${a.id}/variants`,
        { options: { Size: 'M', Colour: 'Sand' }, price: eur(1) },
        400,
        'validation_failed',
      ],
    ];
    for (const [name, path, body, status, code] of cases) {
      const res = await t.request('POST', path, { token: sk, body });
      expect([name, res.status, res.body.code]).toEqual([name, status, code]);
    }
    // A product's own SKU may not take a variant's either.
    const clash = await t.request('PATCH', `${P}/${b.id}`, { token: sk, body: { sku: taken } });
    expect([clash.status, clash.body.code]).toEqual([409, 'duplicate_sku']);
    // Nothing was half-written.
    expect((await t.request('GET', `${P}/${b.id}/variants`, { token: sk })).body.data).toEqual([]);
    expect((await t.request('GET', `${P}/${b.id}`, { token: sk })).body.variants).toEqual([]);
  });

  it('keeps option axes and variants consistent, and prices one per currency', async () => {
    const p = await newShirt();
    await t.request('POST', `${P}/${p.id}/variants`, {
      token: sk,
      body: { sku: sku(), options: { Size: 'L', Colour: 'Navy' }, price: eur(1) },
    });
    const removesL = await t.request('PATCH', `${P}/${p.id}`, {
      token: sk,
      body: { options: [{ name: 'Size', values: ['S', 'M'] }, shirt.options[1]] },
    });
    expect([removesL.status, removesL.body.code, removesL.body.param]).toEqual([
      409,
      'options_in_use',
      'options',
    ]);
    const addsXL = await t.request('PATCH', `${P}/${p.id}`, {
      token: sk,
      body: { options: [{ name: 'Size', values: ['S', 'M', 'L', 'XL'] }, shirt.options[1]] },
    });
    expect(addsXL.status).toBe(200);
    const dupAxis = await t.request('PATCH', `${P}/${p.id}`, {
      token: sk,
      body: {
        options: [
          { name: 'Size', values: ['S'] },
          { name: 'size', values: ['M'] },
        ],
      },
    });
    expect([dupAxis.status, dupAxis.body.code]).toEqual([400, 'validation_failed']);
    // The main price moved into a currency `prices` already holds: refused, naming the entry.
    const moved = await t.request('PATCH', `${P}/${p.id}`, {
      token: sk,
      body: { price: { amount: 10, currency: 'USD' } },
    });
    expect([moved.status, moved.body.code, moved.body.param]).toEqual([400, 'validation_failed', 'prices.0']);
    const both = await t.request('PATCH', `${P}/${p.id}`, {
      token: sk,
      body: { price: { amount: 10, currency: 'USD' }, prices: [eur(9), { amount: 1200, currency: 'JPY' }] },
    });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({
      price: { amount: 10, currency: 'USD' },
      prices: [eur(9), { amount: 1200, currency: 'JPY' }],
    });
  });

  it('isolates tenants, hides drafts from publishable keys, refuses archived products and viewers', async () => {
    const p = await newShirt();
    const draft = await newShirt({ status: 'draft' });
    const v = await t.request('POST', `${P}/${p.id}/variants`, {
      token: sk,
      body: { sku: sku(), options: { Size: 'S', Colour: 'Navy' }, price: eur(1) },
    });
    const dv = await t.request('POST', `${P}/${draft.id}/variants`, {
      token: sk,
      body: { sku: sku(), options: { Size: 'S', Colour: 'Navy' }, price: eur(1) },
    });
    for (const [method, path, body] of [
      ['GET', `${P}/${p.id}/variants`],
      ['GET', `${P}/${p.id}/variants/${v.body.id}`],
      ['PATCH', `${P}/${p.id}/variants/${v.body.id}`, { price: eur(2) }],
      ['DELETE', `${P}/${p.id}/variants/${v.body.id}`],
      [
        'POST',
        `${P}/${p.id}/variants`,
        { sku: sku(), options: { Size: 'M', Colour: 'Navy' }, price: eur(1) },
      ],
    ] as const) {
      const res = await t.request(method, path, { token: other, body });
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 404, 'not_found']);
    }
    // A variant asked for under another product of the same tenant is not found either.
    expect((await t.request('GET', `${P}/${draft.id}/variants/${v.body.id}`, { token: sk })).status).toBe(
      404,
    );
    expect((await t.request('GET', `${P}/${p.id}/variants`, { token: pk })).status).toBe(200);
    expect((await t.request('GET', `${P}/${draft.id}/variants/${dv.body.id}`, { token: pk })).status).toBe(
      404,
    );
    const write = await t.request('POST', `${P}/${p.id}/variants`, { token: pk, body: {} });
    expect([write.status, write.body.code]).toEqual([403, 'forbidden']);
    const viewer = await signIn(t, (await createUser(t, sk, 'viewer')).email);
    expect((await t.request('GET', `${P}/${p.id}/variants`, { token: viewer })).status).toBe(200);
    const vw = await t.request('DELETE', `${P}/${p.id}/variants/${v.body.id}`, { token: viewer });
    expect([vw.status, vw.body.code]).toEqual([403, 'forbidden']);

    await t.request('POST', `${P}/${p.id}/archive`, { token: sk });
    const archived = await t.request('PATCH', `${P}/${p.id}/variants/${v.body.id}`, {
      token: sk,
      body: { price: eur(3) },
    });
    expect([archived.status, archived.body.code]).toEqual([409, 'invalid_state']);
  });

  it('holds at most 100 variants a product', async () => {
    const p = await newShirt({
      options: [{ name: 'N', values: Array.from({ length: 100 }, (_, i) => `v${i}`) }],
    });
    for (let i = 0; i < 100; i++) {
      const res = await t.request('POST', `${P}/${p.id}/variants`, {
        token: sk,
        body: { sku: sku(), options: { N: `v${i}` }, price: eur(i) },
      });
      expect(res.status).toBe(201);
    }
    const over = await t.request('POST', `${P}/${p.id}/variants`, {
      token: sk,
      body: { sku: sku(), options: { N: 'v0' }, price: eur(1) },
    });
    expect([over.status, over.body.code]).toEqual([409, 'too_many_variants']);
    const page = await t.request('GET', `${P}/${p.id}/variants?limit=60`, { token: sk });
    expect(page.body.data).toHaveLength(60);
    const rest = await t.request(
      'GET',
      `${P}/${p.id}/variants?limit=60&startingAfter=${page.body.nextCursor}`,
      { token: sk },
    );
    expect(rest.body.data).toHaveLength(40);
    expect(rest.body.hasMore).toBe(false);
    // A hundred and one writes in a row: a budget for shared, loaded machines.
  }, 300_000);
});
