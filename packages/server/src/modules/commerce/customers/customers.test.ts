import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  type TestServer,
  testEmail,
} from '../../../../test/harness';

const C = '/v1/commerce/customers';
const PASSWORD = 'shopper password 1';
const ADDRESS = {
  name: 'Ada Lovelace',
  line1: '12 Rue des Lilas',
  city: 'Paris',
  postalCode: '75011',
  countryCode: 'FR',
};

describe.each(DATABASES)('customers on %s', (kind) => {
  let t: TestServer;
  const logs: string[] = [];
  let shop: { tenantId: string; secretKey: string; publishableKey: string };
  let other: { tenantId: string; secretKey: string; publishableKey: string };

  /** The sign-up code emailed to `email` (the development outbox, read by the tenant's owner key). */
  const codeFor = async (secretKey: string, email: string): Promise<string> => {
    const outbox = await t.request('GET', '/v1/platform/outbox/messages', { token: secretKey });
    const message = outbox.body.data.find((m: { to: string }) => m.to === email);
    expect(message, `no email to ${email}`).toBeDefined();
    const code = /cvt_[0-9A-Za-z]{32}/.exec(message.text)?.[0];
    expect(code, message.text).toBeDefined();
    return code as string;
  };
  const signUp = (pk: string, email: string, password = PASSWORD, extra: Record<string, unknown> = {}) =>
    t.request('POST', `${C}/sign-up`, { token: pk, body: { email, password, ...extra } });
  /** A verified, signed-in customer of `tenant`: its email and token. */
  const customer = async (tenant = shop, email = testEmail('shopper')) => {
    expect((await signUp(tenant.publishableKey, email, PASSWORD, { name: 'Ada' })).status).toBe(201);
    const verified = await t.request('POST', `${C}/verify`, {
      token: tenant.publishableKey,
      body: { token: await codeFor(tenant.secretKey, email) },
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(201);
    return { email, token: verified.body.token as string, id: verified.body.customer.id as string };
  };

  beforeAll(async () => {
    t = await startTestServer(kind, {
      server: {
        publicUrl: 'http://localhost:4000',
        email: { outbox: true },
        logLevel: 'debug',
        logWrite: (line) => logs.push(line),
      },
    });
    shop = await createTenant(t);
    other = await createTenant(t);
  });
  afterAll(() => t?.stop());

  it('signs up through an emailed code, then signs in and out with a hashed, revocable customer token', async () => {
    const email = testEmail('Shopper').toUpperCase();
    const started = await signUp(shop.publishableKey, email, PASSWORD, { name: 'Ada' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body).toEqual({
      object: 'customer_sign_up',
      email: email.toLowerCase(),
      delivery: { status: 'sent' },
      expiresAt: expect.any(String),
    });
    // No account exists before the code is redeemed.
    const early = await t.request('POST', `${C}/sign-in`, {
      token: shop.publishableKey,
      body: { email, password: PASSWORD },
    });
    expect([early.status, early.body.code]).toEqual([401, 'invalid_credentials']);

    const code = await codeFor(shop.secretKey, email.toLowerCase());
    // Another store's publishable key cannot redeem this store's code.
    const elsewhere = await t.request('POST', `${C}/verify`, {
      token: other.publishableKey,
      body: { token: code },
    });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([401, 'invalid_credentials']);

    const verified = await t.request('POST', `${C}/verify`, {
      token: shop.publishableKey,
      body: { token: code },
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(201);
    expect(verified.headers.get('cache-control')).toContain('no-store');
    expect(verified.body).toMatchObject({
      object: 'customer_session',
      token: expect.stringMatching(/^cst_/),
      customer: { object: 'customer', email: email.toLowerCase(), name: 'Ada', phone: null },
    });
    expect(JSON.stringify(verified.body)).not.toMatch(/password/i);
    // A code works once.
    const again = await t.request('POST', `${C}/verify`, {
      token: shop.publishableKey,
      body: { token: code },
    });
    expect([again.status, again.body.code]).toEqual([401, 'invalid_credentials']);

    const me = await t.request('GET', `${C}/me`, { token: verified.body.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(verified.body.customer.id);

    // Only hashes at rest: neither the token, nor the code, nor the password.
    const db = t.server.context.db;
    const stored = JSON.stringify(
      await db.execute(
        sql`select s.token_hash, c.password_hash from customer_sessions s join customers c on c.id = s.customer_id where c.id = ${me.body.id}`,
      ),
    );
    expect(stored).not.toContain(verified.body.token);
    expect(stored).not.toContain(PASSWORD);
    expect(stored).toContain('scrypt$');

    const signedIn = await t.request('POST', `${C}/sign-in`, {
      token: shop.publishableKey,
      body: { email, password: PASSWORD },
    });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(201);
    expect(signedIn.body.customer.lastLoginAt).not.toBeNull();

    const out = await t.request('DELETE', `${C}/me/session`, { token: signedIn.body.token });
    expect(out.body).toEqual({ object: 'customer_session', revoked: true });
    const after = await t.request('GET', `${C}/me`, { token: signedIn.body.token });
    expect([after.status, after.body.code]).toEqual([401, 'session_expired']);
    // The other session lives on.
    expect((await t.request('GET', `${C}/me`, { token: verified.body.token })).status).toBe(200);
  });

  it('answers a sign-up for an address with an account exactly as for a new one, and emails its owner instead', async () => {
    const existing = await customer();
    const fresh = testEmail('fresh');
    const a = await signUp(shop.publishableKey, existing.email, 'another password 2');
    const b = await signUp(shop.publishableKey, fresh, 'another password 2');
    expect([a.status, b.status]).toEqual([201, 201]);
    const shape = (body: Record<string, unknown>) => ({ ...body, email: '<email>', expiresAt: '<at>' });
    expect(shape(a.body)).toEqual(shape(b.body));
    expect([...a.headers.keys()].sort()).toEqual([...b.headers.keys()].sort());

    const outbox = (await t.request('GET', '/v1/platform/outbox/messages', { token: shop.secretKey })).body
      .data;
    const notice = outbox.find((m: { to: string }) => m.to === existing.email);
    expect(notice.subject).toMatch(/account/);
    expect(notice.text).not.toMatch(/cvt_/);
    // The existing account is untouched: its password still works, the attempted one does not.
    const wrong = await t.request('POST', `${C}/sign-in`, {
      token: shop.publishableKey,
      body: { email: existing.email, password: 'another password 2' },
    });
    expect(wrong.status).toBe(401);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const known = await customer();
    const unknown = await t.request('POST', `${C}/sign-in`, {
      token: shop.publishableKey,
      body: { email: testEmail('nobody'), password: PASSWORD },
    });
    const wrong = await t.request('POST', `${C}/sign-in`, {
      token: shop.publishableKey,
      body: { email: known.email, password: 'not the password' },
    });
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(unknown.status).toBe(401);
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
  });

  it('keeps customers to their tenant: a customer of one store cannot sign in at another', async () => {
    const mine = await customer(shop);
    const there = await t.request('POST', `${C}/sign-in`, {
      token: other.publishableKey,
      body: { email: mine.email, password: PASSWORD },
    });
    expect([there.status, there.body.code]).toEqual([401, 'invalid_credentials']);
    // The same address may have its own account at the other store.
    const theirs = await customer(other, mine.email);
    expect(theirs.id).not.toBe(mine.id);
    // Staff of one tenant do not see the other's customers.
    expect((await t.request('GET', `${C}/${theirs.id}`, { token: shop.secretKey })).status).toBe(404);
    expect((await t.request('GET', `${C}/${theirs.id}`, { token: other.secretKey })).status).toBe(200);
  });

  it('needs a publishable key to sign up or in, and gives a customer token the storefront rights plus its own account only', async () => {
    const anonymous = await t.request('POST', `${C}/sign-in`, {
      body: { email: testEmail('x'), password: PASSWORD },
    });
    expect(anonymous.status).toBe(401);
    const me = await customer();
    for (const [method, path] of [
      ['GET', C],
      ['GET', `${C}/${me.id}`],
      ['PATCH', `${C}/${me.id}`],
      ['GET', '/v1/platform/me'],
      ['GET', '/v1/platform/users'],
      ['GET', '/v1/commerce/inventory-levels'],
      ['POST', '/v1/commerce/products'],
      ['POST', '/v1/platform/api-keys'],
      ['POST', '/v1/realtime/tokens'],
    ] as const) {
      const res = await t.request(method, path, { token: me.token, body: method === 'GET' ? undefined : {} });
      expect([res.status, res.body.code], `${method} ${path}`).toEqual([403, 'forbidden']);
    }
    // The catalogue, as the publishable key sees it: live products only.
    const draft = await t.request('POST', '/v1/commerce/products', {
      token: shop.secretKey,
      body: { title: 'Secret draft', status: 'draft', price: { amount: 100, currency: 'EUR' } },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(
      (await t.request('GET', `/v1/commerce/products/${draft.body.id}`, { token: me.token })).status,
    ).toBe(404);
    const list = await t.request('GET', '/v1/commerce/products', { token: me.token });
    expect(list.status).toBe(200);
    expect(list.body.data.map((p: { id: string }) => p.id)).not.toContain(draft.body.id);
    // Staff have no account of their own here.
    const staff = await t.request('GET', `${C}/me`, { token: shop.secretKey });
    expect([staff.status, staff.body.code]).toEqual([403, 'forbidden']);
  });

  it("keeps addresses to their customer: another customer's address answers 404", async () => {
    const ada = await customer();
    const bob = await customer();
    const first = await t.request('POST', `${C}/me/addresses`, {
      token: ada.token,
      body: { address: ADDRESS },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ object: 'customer_address', address: ADDRESS, isDefault: true });
    const second = await t.request('POST', `${C}/me/addresses`, {
      token: ada.token,
      body: { address: { ...ADDRESS, line1: '1 Quai Voltaire' } },
    });
    expect(second.body.isDefault).toBe(false);
    const made = await t.request('PATCH', `${C}/me/addresses/${second.body.id}`, {
      token: ada.token,
      body: { isDefault: true },
    });
    expect(made.body.isDefault).toBe(true);
    const page = await t.request('GET', `${C}/me/addresses`, { token: ada.token });
    expect(page.body.data.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault])).toEqual([
      [first.body.id, false],
      [second.body.id, true],
    ]);

    // Bob sees none of them and can touch none of them.
    expect((await t.request('GET', `${C}/me/addresses`, { token: bob.token })).body.data).toEqual([]);
    const steal = await t.request('PATCH', `${C}/me/addresses/${first.body.id}`, {
      token: bob.token,
      body: { address: { ...ADDRESS, name: 'Bob' } },
    });
    expect([steal.status, steal.body.code]).toEqual([404, 'not_found']);
    expect(
      (await t.request('DELETE', `${C}/me/addresses/${first.body.id}`, { token: bob.token })).status,
    ).toBe(404);

    const removed = await t.request('DELETE', `${C}/me/addresses/${first.body.id}`, { token: ada.token });
    expect(removed.body).toEqual({ id: first.body.id, object: 'customer_address', deleted: true });
    expect((await t.request('GET', `${C}/me/addresses`, { token: ada.token })).body.data).toHaveLength(1);

    const bad = await t.request('POST', `${C}/me/addresses`, {
      token: ada.token,
      body: { address: { ...ADDRESS, countryCode: 'france', line1: 'a\u0000b' } },
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
  });

  it('caps addresses at 20, also under concurrent saves, with one default at most', async () => {
    const ada = await customer();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t.request('POST', `${C}/me/addresses`, {
          token: ada.token,
          body: { address: { ...ADDRESS, line1: `${i} Rue` }, isDefault: true },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code).toBe('too_many_addresses');
    const all = await t.request('GET', `${C}/me/addresses?limit=100`, { token: ada.token });
    expect(all.body.data).toHaveLength(20);
    expect(all.body.data.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
  });

  it('updates the signed-in customer; a new password needs the current one and signs out the other sessions', async () => {
    const ada = await customer();
    const other = await t.request('POST', `${C}/sign-in`, {
      token: shop.publishableKey,
      body: { email: ada.email, password: PASSWORD },
    });
    const named = await t.request('PATCH', `${C}/me`, {
      token: ada.token,
      body: { name: 'Ada L.', phone: '+33 1 23' },
    });
    expect(named.body).toMatchObject({ name: 'Ada L.', phone: '+33 1 23' });
    const alone = await t.request('PATCH', `${C}/me`, {
      token: ada.token,
      body: { password: 'brand new password' },
    });
    expect([alone.status, alone.body.code]).toEqual([400, 'validation_failed']);
    const wrong = await t.request('PATCH', `${C}/me`, {
      token: ada.token,
      body: { password: 'brand new password', currentPassword: 'not it' },
    });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'invalid_credentials']);
    const changed = await t.request('PATCH', `${C}/me`, {
      token: ada.token,
      body: { password: 'brand new password', currentPassword: PASSWORD },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await t.request('GET', `${C}/me`, { token: other.body.token })).status).toBe(401);
    expect((await t.request('GET', `${C}/me`, { token: ada.token })).status).toBe(200);
    const old = await t.request('POST', `${C}/sign-in`, {
      token: shop.publishableKey,
      body: { email: ada.email, password: PASSWORD },
    });
    expect(old.status).toBe(401);
  });

  it('lets staff list, find and update customers by permission', async () => {
    const ada = await customer();
    const { secretKey } = shop;
    const found = await t.request('GET', `${C}?email=${encodeURIComponent(ada.email.toUpperCase())}`, {
      token: secretKey,
    });
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([ada.id]);
    const support = await signIn(t, (await createUser(t, secretKey, 'support')).email);
    const viewer = await signIn(t, (await createUser(t, secretKey, 'viewer')).email);
    expect((await t.request('GET', `${C}/${ada.id}`, { token: support })).status).toBe(200);
    expect((await t.request('GET', `${C}/${ada.id}`, { token: viewer })).status).toBe(403);
    const refused = await t.request('PATCH', `${C}/${ada.id}`, { token: support, body: { name: 'x' } });
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    const updated = await t.request('PATCH', `${C}/${ada.id}`, {
      token: secretKey,
      body: { metadata: { vip: 'yes' } },
    });
    expect(updated.body.metadata).toEqual({ vip: 'yes' });
  });

  it('limits sign-in guesses per (store, email) like dashboard sign-in', async () => {
    const ada = await customer();
    const guesses = [];
    for (let i = 0; i < 11; i++) {
      guesses.push(
        await t.request('POST', `${C}/sign-in`, {
          token: shop.publishableKey,
          body: { email: ada.email, password: `guess ${i}` },
        }),
      );
    }
    expect(guesses.slice(0, 10).map((g) => g.status)).toEqual(Array(10).fill(401));
    expect(guesses[10]?.status).toBe(429);
    expect(Number(guesses[10]?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("lists the shopper's own orders only; another's order answers 404", async () => {
    const ada = await customer();
    const bob = await customer();
    const product = await t.request('POST', '/v1/commerce/products', {
      token: shop.secretKey,
      body: { title: 'Wool scarf', status: 'active', price: { amount: 2900, currency: 'EUR' } },
    });
    await t.request('POST', '/v1/commerce/inventory-levels/adjust', {
      token: shop.secretKey,
      body: { itemId: product.body.id, delta: 10, reason: 'receipt' },
    });
    const order = async (customerId: string) => {
      const res = await t.request('POST', '/v1/commerce/orders', {
        token: shop.secretKey,
        body: { currency: 'EUR', customerId, items: [{ itemId: product.body.id, quantity: 1 }] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const adas = [await order(ada.id), await order(ada.id)];
    const bobs = await order(bob.id);
    const mine = await t.request('GET', `${C}/me/orders`, { token: ada.token });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.data.map((o: { id: string }) => o.id)).toEqual([...adas].reverse());
    const one = await t.request('GET', `${C}/me/orders/${adas[0]}`, { token: ada.token });
    expect(one.body.id).toBe(adas[0]);
    // Staff's ids stay out of the shopper's timeline.
    expect(one.body.timeline.map((e: { actor: string }) => e.actor)).toEqual(
      one.body.timeline.map(() => 'store'),
    );
    const theirs = await t.request('GET', `${C}/me/orders/${bobs}`, { token: ada.token });
    expect([theirs.status, theirs.body.code]).toEqual([404, 'not_found']);
    // The staff filter cannot widen it: a customer token has no /v1/commerce/orders at all.
    const staff = await t.request('GET', `/v1/commerce/orders?customerId=${bob.id}`, { token: ada.token });
    expect(staff.status).toBe(403);
    const filtered = await t.request('GET', `${C}/me/orders?status=canceled`, { token: ada.token });
    expect(filtered.body.data).toEqual([]);
  });

  it('never logs an email, a password, a code, a token or an address', async () => {
    const email = testEmail('logged');
    await signUp(shop.publishableKey, email);
    const code = await codeFor(shop.secretKey, email);
    const v = await t.request('POST', `${C}/verify`, { token: shop.publishableKey, body: { token: code } });
    await t.request('POST', `${C}/me/addresses`, { token: v.body.token, body: { address: ADDRESS } });
    await t.request('POST', `${C}/sign-in`, {
      token: shop.publishableKey,
      body: { email, password: 'wrong one' },
    });
    const text = logs.join('\n');
    expect(text).toContain('/v1/commerce/customers/sign-up');
    for (const secret of [email, PASSWORD, code, v.body.token, ADDRESS.line1, 'wrong one']) {
      expect(text).not.toContain(secret);
    }
  });
});
