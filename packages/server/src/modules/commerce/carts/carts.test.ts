import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  type TestServer,
} from '../../../../test/harness';
import type { TenantPrincipal } from '../../../auth/principal';
import { lockCartForCheckout, markCartCompleted, STALE_CART_DAYS, staleCartCleanup } from './service';

const CARTS = '/v1/commerce/carts';
const TOKEN = 'agentstack-cart-token';

describe.each(DATABASES)('carts on %s', (kind) => {
  let t: TestServer;
  let sk: string;
  let pk: string;
  let tenantId: string;

  const product = async (body: Record<string, unknown> = {}) => {
    const res = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      body: { title: 'Linen shirt', status: 'active', price: { amount: 4900, currency: 'EUR' }, ...body },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const variant = async (productId: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', `/v1/commerce/products/${productId}/variants`, { token: sk, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const newCart = async (body: Record<string, unknown> = { currency: 'EUR' }, token = pk) => {
    const res = await t.request('POST', CARTS, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; token: string };
  };
  const call = (method: string, path: string, cartToken: string | undefined, body?: unknown, token = pk) =>
    t.request(method, path, { token, body, headers: cartToken ? { [TOKEN]: cartToken } : {} });

  beforeAll(async () => {
    t = await startTestServer(kind);
    ({ secretKey: sk, publishableKey: pk, tenantId } = await createTenant(t));
  });
  afterAll(() => t?.stop());

  it('prices lines on the server from the catalogue, in the cart currency, and adds to a held line', async () => {
    const shirt = await product({ prices: [{ amount: 5500, currency: 'USD' }] });
    const cart = await newCart({ currency: 'USD', email: 'ada@example.com' });
    expect(cart.token).toMatch(/^ctok_[0-9A-Za-z]{32}$/);
    const added = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, {
      itemId: shirt.id,
      quantity: 2,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toMatchObject({
      object: 'cart',
      status: 'open',
      currency: 'USD',
      email: 'ada@example.com',
      lines: [
        {
          productId: shirt.id,
          variantId: null,
          itemId: shirt.id,
          quantity: 2,
          unitPrice: { amount: 5500, currency: 'USD' },
          subtotal: { amount: 11000, currency: 'USD' },
        },
      ],
      subtotal: { amount: 11000, currency: 'USD' },
      total: { amount: 11000, currency: 'USD' },
    });
    expect(added.body.token).toBeUndefined();
    const again = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, {
      itemId: shirt.id,
      quantity: 1,
    });
    expect(again.body.lines).toHaveLength(1);
    expect(again.body.lines[0]).toMatchObject({ quantity: 3, subtotal: { amount: 16500 } });
    // a price the client sends is no part of the contract
    const priced = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, {
      itemId: shirt.id,
      quantity: 1,
      unitPrice: { amount: 1, currency: 'USD' },
    });
    expect(priced.status).toBe(400);
  });

  it('sells variants, not their product; refuses drafts and items without a price in the currency', async () => {
    const tee = await product({
      title: 'Tee',
      options: [{ name: 'Size', values: ['S', 'M'] }],
    });
    const m = await variant(tee.id, {
      sku: `TEE-M-${Date.now()}`,
      options: { Size: 'M' },
      price: { amount: 2000, currency: 'EUR' },
    });
    const cart = await newCart();
    const line = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, { itemId: m.id, quantity: 1 });
    expect(line.status, JSON.stringify(line.body)).toBe(200);
    expect(line.body.lines[0]).toMatchObject({
      productId: tee.id,
      variantId: m.id,
      itemId: m.id,
      title: 'Tee',
      variantTitle: 'M',
      unitPrice: { amount: 2000, currency: 'EUR' },
    });
    const whole = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, {
      itemId: tee.id,
      quantity: 1,
    });
    expect(whole.status).toBe(422);
    expect(whole.body.code).toBe('variant_required');
    const draft = await product({ status: 'draft' });
    const refused = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, {
      itemId: draft.id,
      quantity: 1,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('product_unavailable');
    const yen = await newCart({ currency: 'JPY' });
    const noPrice = await call('POST', `${CARTS}/${yen.id}/lines`, yen.token, { itemId: m.id, quantity: 1 });
    expect(noPrice.status).toBe(422);
    expect(noPrice.body.code).toBe('price_unavailable');
    const unknown = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, {
      itemId: 'var_00000000000000000000',
      quantity: 1,
    });
    expect(unknown.status).toBe(404);
    const after = await call('GET', `${CARTS}/${cart.id}`, cart.token);
    expect(after.body.lines).toHaveLength(1);
  });

  it('changes and removes lines', async () => {
    const a = await product();
    const b = await product({ price: { amount: 100, currency: 'EUR' } });
    const cart = await newCart();
    await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, { itemId: a.id, quantity: 1 });
    const two = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, { itemId: b.id, quantity: 1 });
    const [lineA, lineB] = two.body.lines;
    const changed = await call('PATCH', `${CARTS}/${cart.id}/lines/${lineB.id}`, cart.token, { quantity: 5 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.subtotal.amount).toBe(4900 + 500);
    const removed = await call('DELETE', `${CARTS}/${cart.id}/lines/${lineA.id}`, cart.token);
    expect(removed.status).toBe(200);
    expect(removed.body.lines.map((l: { id: string }) => l.id)).toEqual([lineB.id]);
    expect(removed.body.total.amount).toBe(500);
    const gone = await call('DELETE', `${CARTS}/${cart.id}/lines/${lineA.id}`, cart.token);
    expect(gone.status).toBe(404);
  });

  it('opens a cart to a publishable key only with its own token: missing, wrong or another cart’s token is 404', async () => {
    const mine = await newCart();
    const theirs = await newCart();
    const item = await product();
    for (const token of [undefined, 'ctok_wrong', theirs.token, `${mine.token}x`, 'x'.repeat(5000)]) {
      const read = await call('GET', `${CARTS}/${mine.id}`, token);
      expect(read.status, String(token).slice(0, 40)).toBe(404);
      expect(read.body.code).toBe('not_found');
      const write = await call('POST', `${CARTS}/${mine.id}/lines`, token, { itemId: item.id, quantity: 1 });
      expect([404, 431]).toContain(write.status);
    }
    expect((await call('GET', `${CARTS}/${mine.id}`, mine.token)).status).toBe(200);
    // a publishable key may not list carts
    expect((await t.request('GET', CARTS, { token: pk })).status).toBe(403);
    // another tenant's keys, even with the right token, see nothing
    const other = await createTenant(t);
    const cross = await call('GET', `${CARTS}/${mine.id}`, mine.token, undefined, other.publishableKey);
    expect(cross.status).toBe(404);
    expect((await t.request('GET', `${CARTS}/${mine.id}`, { token: other.secretKey })).status).toBe(404);
    // the token is stored hashed
    const [row] = await t.server.context.database.query<{ token_hash: string }>(
      'select token_hash from carts where id = $1',
      [mine.id],
    );
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.token_hash).not.toContain(mine.token.slice(5));
  });

  it('lets the tenant’s staff read and list any cart without a token; viewers cannot change one', async () => {
    const cart = await newCart();
    const read = await t.request('GET', `${CARTS}/${cart.id}`, { token: sk });
    expect(read.status).toBe(200);
    const list = await t.request('GET', `${CARTS}?status=open&limit=100`, { token: sk });
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(cart.id);
    const viewer = await createUser(t, sk, 'viewer');
    const session = await signIn(t, viewer.email);
    expect((await t.request('GET', `${CARTS}/${cart.id}`, { token: session })).status).toBe(200);
    const item = await product();
    const write = await t.request('POST', `${CARTS}/${cart.id}/lines`, {
      token: session,
      body: { itemId: item.id, quantity: 1 },
    });
    expect(write.status).toBe(403);
  });

  it('bounds quantities, lines and money; rejects NUL and huge strings', async () => {
    const item = await product();
    const cart = await newCart();
    for (const quantity of [0, -1, 1.5, 10_001, 1e300, '1']) {
      const res = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, { itemId: item.id, quantity });
      expect(res.status, String(quantity)).toBe(400);
    }
    await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, { itemId: item.id, quantity: 10_000 });
    const over = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, {
      itemId: item.id,
      quantity: 1,
    });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('cart_limit_exceeded');
    const dear = await product({ price: { amount: 1_000_000_000_00, currency: 'EUR' } });
    const rich = await newCart();
    const much = await call('POST', `${CARTS}/${rich.id}/lines`, rich.token, {
      itemId: dear.id,
      quantity: 2,
    });
    expect(much.status).toBe(422);
    expect(much.body.code).toBe('cart_limit_exceeded');
    expect((await call('GET', `${CARTS}/${rich.id}`, rich.token)).body.lines).toEqual([]);
    for (const body of [
      { currency: 'EUR', email: 'a\u0000@example.com' },
      { currency: 'EUR', metadata: { note: 'x\u0000y' } },
      { currency: 'EUR', metadata: { note: 'x'.repeat(100_000) } },
      { currency: 'XXQ' },
      {},
    ]) {
      const res = await t.request('POST', CARTS, { token: pk, body });
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    const address = await call('PATCH', `${CARTS}/${cart.id}`, cart.token, {
      shippingAddress: { name: 'A\u0000', line1: 'x', city: 'y', postalCode: '1', countryCode: 'FR' },
    });
    expect(address.status).toBe(400);
  });

  it('sets email, address and metadata; a completed cart changes no more', async () => {
    const item = await product();
    const cart = await newCart();
    await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, { itemId: item.id, quantity: 1 });
    const shippingAddress = {
      name: 'Ada Lovelace',
      line1: '1 Rue de Rivoli',
      city: 'Paris',
      postalCode: '75001',
      countryCode: 'FR',
    };
    const updated = await call('PATCH', `${CARTS}/${cart.id}`, cart.token, {
      email: 'ada@example.com',
      shippingAddress,
      metadata: { gift: 'yes' },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({
      email: 'ada@example.com',
      shippingAddress,
      metadata: { gift: 'yes' },
    });
    // A change writes every field of the cart: a missing address stays SQL NULL, not JSON null.
    const storedAddress = async () =>
      (
        await t.server.context.database.query<{ missing: boolean }>(
          'select shipping_address is null as missing from carts where id = $1',
          [cart.id],
        )
      )[0]?.missing;
    expect(await storedAddress()).toBe(false);
    const cleared = await call('PATCH', `${CARTS}/${cart.id}`, cart.token, { shippingAddress: null });
    expect(cleared.body.shippingAddress).toBeNull();
    expect(await storedAddress()).toBe(true);
    await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, { itemId: item.id, quantity: 1 });
    expect(await storedAddress()).toBe(true);
    await t.server.context.db.transaction((tx) => markCartCompleted(tx, tenantId, cart.id, 'ord_0000000000'));
    const done = await call('GET', `${CARTS}/${cart.id}`, cart.token);
    expect(done.body).toMatchObject({ status: 'completed', orderId: 'ord_0000000000' });
    expect(done.body.completedAt).toEqual(expect.any(String));
    const refused = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, {
      itemId: item.id,
      quantity: 1,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invalid_state');
    await expect(
      t.server.context.db.transaction((tx) => markCartCompleted(tx, tenantId, cart.id, 'ord_1111111111')),
    ).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('deletes carts abandoned for 30 days, never one that was checked out, changed lately or completed', async () => {
    const shirt = await product();
    const stocked = await t.request('POST', '/v1/commerce/inventory-levels/adjust', {
      token: sk,
      body: { itemId: shirt.id, delta: 5, reason: 'receipt' },
    });
    expect(stocked.status, JSON.stringify(stocked.body)).toBe(200);
    const [stale, recent, checkedOut, completed] = [
      await newCart(),
      await newCart(),
      await newCart(),
      await newCart(),
    ];
    for (const cart of [stale, recent, checkedOut]) {
      const added = await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, {
        itemId: shirt.id,
        quantity: 1,
      });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
    }
    // A checkout that was declined leaves its order behind (canceled), and the cart open.
    const declined = await call('POST', `${CARTS}/${checkedOut.id}/checkout`, checkedOut.token, {
      payment: { card: { number: '4000000000000002', expMonth: 12, expYear: 2030, cvc: '123' } },
    });
    expect(declined.status, JSON.stringify(declined.body)).toBe(402);
    await t.server.context.db.execute(
      sql`update carts set status = 'completed', completed_at = now() where id = ${completed.id}`,
    );
    const age = (days: number, ids: string[]) =>
      t.server.context.db.execute(
        sql`update carts set updated_at = now() - make_interval(days => ${days}::int) where id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    await age(STALE_CART_DAYS + 1, [stale.id, checkedOut.id, completed.id]);
    await age(STALE_CART_DAYS - 1, [recent.id]);

    expect(await staleCartCleanup.run(t.server.context)).toBe(false);
    const status = async (cart: { id: string; token: string }) =>
      (await call('GET', `${CARTS}/${cart.id}`, cart.token)).status;
    expect(await status(stale)).toBe(404);
    expect(await status(recent)).toBe(200);
    expect(await status(checkedOut)).toBe(200);
    expect(await status(completed)).toBe(200);
  });

  it('locks and reprices a cart for checkout from the catalogue as it is now, and checks the token', async () => {
    const item = await product({ price: { amount: 1000, currency: 'EUR' } });
    const cart = await newCart();
    await call('POST', `${CARTS}/${cart.id}/lines`, cart.token, { itemId: item.id, quantity: 3 });
    await t.request('PATCH', `/v1/commerce/products/${item.id}`, {
      token: sk,
      body: { price: { amount: 1200, currency: 'EUR' } },
    });
    const principal = (await t.server.context.auth.authenticate(`Bearer ${pk}`)) as TenantPrincipal;
    await expect(
      t.server.context.db.transaction((tx) => lockCartForCheckout(tx, principal, cart.id, 'ctok_nope')),
    ).rejects.toMatchObject({ status: 404 });
    const snapshot = await t.server.context.db.transaction((tx) =>
      lockCartForCheckout(tx, principal, cart.id, cart.token),
    );
    expect(snapshot).toMatchObject({
      cartId: cart.id,
      tenantId,
      status: 'open',
      currency: 'EUR',
      discountCodeId: null,
      lines: [{ itemId: item.id, quantity: 3, unitPrice: { amount: 1200 }, subtotal: { amount: 3600 } }],
      subtotal: { amount: 3600, currency: 'EUR' },
      total: { amount: 3600, currency: 'EUR' },
    });
    expect((await call('GET', `${CARTS}/${cart.id}`, cart.token)).body.total.amount).toBe(3600);
    const empty = await newCart();
    await expect(
      t.server.context.db.transaction((tx) => lockCartForCheckout(tx, principal, empty.id, empty.token)),
    ).rejects.toMatchObject({ status: 409, code: 'invalid_state' });
  });
});
