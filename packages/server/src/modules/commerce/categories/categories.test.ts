import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  type TestServer,
} from '../../../../test/harness';

const C = '/v1/commerce/categories';

describe.each(DATABASES)('the category tree on %s', (kind) => {
  let t: TestServer;
  let sk: string;
  let other: string;
  const create = async (name: string, parentId?: string | null) => {
    const res = await t.request('POST', C, { token: sk, body: { name, parentId } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; parentId: string | null };
  };
  const move = (id: string, parentId: string | null, token = sk) =>
    t.request('PATCH', `${C}/${id}`, { token, body: { parentId } });

  beforeAll(async () => {
    t = await startTestServer(kind);
    ({ secretKey: sk } = await createTenant(t));
    ({ secretKey: other } = await createTenant(t));
  });
  afterAll(() => t?.stop());

  it('builds a tree, lists it by name, renames and moves subtrees', async () => {
    const root = await create('Clothing');
    const shirts = await create('Shirts', root.id);
    expect(shirts).toMatchObject({
      object: 'product_category',
      name: 'Shirts',
      parentId: root.id,
      description: '',
    });
    expect(shirts.id).toMatch(/^cat_/);
    const shoes = await create('Shoes');
    const moved = await move(shirts.id, shoes.id);
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(shoes.id);
    const renamed = await t.request('PATCH', `${C}/${shirts.id}`, {
      token: sk,
      body: { name: 'Aardvark shirts' },
    });
    expect(renamed.body).toMatchObject({ name: 'Aardvark shirts', parentId: shoes.id });
    const list = await t.request('GET', `${C}?limit=100`, { token: sk });
    expect(list.body.data.map((c: { name: string }) => c.name).slice(0, 1)).toEqual(['Aardvark shirts']);
    expect((await move(shirts.id, null)).body.parentId).toBeNull();
  });

  it('refuses a cycle: under itself or under a descendant (409 category_cycle), nothing written', async () => {
    const a = await create('A');
    const b = await create('B', a.id);
    const c = await create('C', b.id);
    for (const [id, parent] of [
      [a.id, a.id],
      [a.id, b.id],
      [a.id, c.id],
      [b.id, c.id],
    ] as const) {
      const res = await move(id, parent);
      expect([res.status, res.body.code, res.body.param]).toEqual([409, 'category_cycle', 'parentId']);
    }
    expect((await t.request('GET', `${C}/${a.id}`, { token: sk })).body.parentId).toBeNull();
  });

  it('bounds the depth at 5 levels, counting the subtree that moves', async () => {
    let parent: string | undefined;
    const chain: string[] = [];
    for (let i = 1; i <= 5; i++) {
      parent = (await create(`L${i}`, parent)).id;
      chain.push(parent);
    }
    const tooDeep = await t.request('POST', C, { token: sk, body: { name: 'L6', parentId: parent } });
    expect([tooDeep.status, tooDeep.body.code]).toEqual([422, 'category_too_deep']);
    // A two-level subtree fits under level 3, not under level 4.
    const top = await create('Sub');
    await create('Sub child', top.id);
    expect((await move(top.id, chain[2]!)).status).toBe(200);
    const deeper = await move(top.id, chain[3]!);
    expect([deeper.status, deeper.body.code]).toEqual([422, 'category_too_deep']);
  });

  it('deletes leaves only, taking them off their products; 404 across tenants and for unknown parents', async () => {
    const parent = await create('Parent');
    const leaf = await create('Leaf', parent.id);
    const product = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      body: { title: 'In a leaf', price: { amount: 1, currency: 'EUR' }, categoryIds: [leaf.id, parent.id] },
    });
    expect(product.body.categoryIds).toEqual([leaf.id, parent.id]);
    const busy = await t.request('DELETE', `${C}/${parent.id}`, { token: sk });
    expect([busy.status, busy.body.code]).toEqual([409, 'invalid_state']);
    for (const [method, path, body] of [
      ['GET', `${C}/${leaf.id}`],
      ['PATCH', `${C}/${leaf.id}`, { name: 'x' }],
      ['DELETE', `${C}/${leaf.id}`],
    ] as const) {
      expect((await t.request(method, path, { token: other, body })).status).toBe(404);
    }
    const foreignParent = await t.request('POST', C, {
      token: other,
      body: { name: 'x', parentId: parent.id },
    });
    expect([foreignParent.status, foreignParent.body.code, foreignParent.body.param]).toEqual([
      404,
      'not_found',
      'parentId',
    ]);
    const foreignProduct = await t.request('POST', '/v1/commerce/products', {
      token: other,
      body: { title: 'x', price: { amount: 1, currency: 'EUR' }, categoryIds: [leaf.id] },
    });
    expect([foreignProduct.status, foreignProduct.body.param]).toEqual([404, 'categoryIds']);
    expect((await t.request('DELETE', `${C}/${leaf.id}`, { token: sk })).body).toEqual({
      id: leaf.id,
      object: 'product_category',
      deleted: true,
    });
    const after = await t.request('GET', `/v1/commerce/products/${product.body.id}`, { token: sk });
    expect(after.body.categoryIds).toEqual([parent.id]);
    const viewer = await signIn(t, (await createUser(t, sk, 'viewer')).email);
    expect((await t.request('GET', C, { token: viewer })).status).toBe(200);
    expect((await t.request('POST', C, { token: viewer, body: { name: 'v' } })).status).toBe(403);
  });

  it('lets exactly one of two crossing moves win (A under B and B under A at once)', async (ctx) => {
    if (kind !== 'postgres') {
      console.log('skipped on PGlite: one connection runs transactions one at a time, so nothing races');
      ctx.skip();
    }
    for (let round = 0; round < 5; round++) {
      const a = await create(`race A${round}`);
      const b = await create(`race B${round}`);
      const results = await Promise.all([move(a.id, b.id), move(b.id, a.id)]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('category_cycle');
    }
  });
});
