import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRANDS, DEMO_PRODUCTS, DEMO_TENANTS } from '../catalog/demo';
import { AgentStack } from '../client';
import {
  type ConflictError,
  isAuthenticationError,
  isConflictError,
  isIdempotencyError,
  isNotFoundError,
  isPermissionError,
  isPlanLimitError,
  isValidationError,
  type PlanLimitError,
  type ValidationError,
} from '../errors';
import { Product, ProductCreate } from '../schemas/commerce/product';
import { listOf } from '../schemas/common';
import { Agency, Brand } from '../schemas/platform/agency';
import { ApiKey, ApiKeyWithSecret } from '../schemas/platform/apiKey';
import { Entitlements, Plan, Principal } from '../schemas/platform/entitlements';
import { Subscription, Tenant } from '../schemas/platform/tenant';
import { Session, User, UserCreate } from '../schemas/platform/user';
import { createFixtures } from './db';
import { createMockApi, type MockApi, problemResponse } from './index';

const BASE = 'http://mock.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Installs a fresh mock API and returns it with a client of each credential kind. */
function setup(options: Parameters<typeof createMockApi>[0] = {}) {
  const api: MockApi = createMockApi({ baseUrl: BASE, ...options });
  server.use(...api.handlers);
  const make = (apiKey: string) => new AgentStack({ apiKey, baseUrl: BASE, maxRetries: 0 });
  return { api, client: make('sk_test'), publishable: make('pk_test'), operator: make('op_test'), make };
}

const newProduct = (over: Partial<ProductCreate> = {}): ProductCreate => ({
  title: 'Walnut tray',
  sku: 'TRY-WAL-01',
  status: 'active',
  price: { amount: 4500, currency: 'EUR' },
  ...over,
});

describe('fixtures', () => {
  it('demo data validates against the schemas', () => {
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(55);
    for (const p of DEMO_PRODUCTS) expect(ProductCreate.safeParse(p).error).toBeUndefined();
    expect(new Set(DEMO_PRODUCTS.map((p) => p.sku)).size).toBe(DEMO_PRODUCTS.length);
    expect(DEMO_PRODUCTS.some((p) => p.status === 'draft')).toBe(true);
    for (const brand of Object.values(DEMO_BRANDS)) expect(Brand.safeParse(brand).error).toBeUndefined();
    expect(DEMO_BRANDS.aurora.colorScheme).toBe('light');
    expect(DEMO_BRANDS.nocturne.colorScheme).toBe('dark');
    expect(DEMO_TENANTS.map((t) => t.slug)).toEqual(['starter', 'growth', 'enterprise']);
    for (const t of DEMO_TENANTS) {
      expect(Subscription.safeParse(t.subscription).error).toBeUndefined();
      expect(UserCreate.safeParse(t.user).error).toBeUndefined();
      expect(t.productCount).toBeLessThanOrEqual(DEMO_PRODUCTS.length);
    }
    expect(DEMO_TENANTS[1]?.addons).toContain('commerce_advanced_analytics');
    expect(DEMO_TENANTS[2]?.productCount).toBe(DEMO_PRODUCTS.length);
  });

  it.each(['starter', 'growth', 'enterprise'] as const)(
    'the %s model validates against the schemas',
    (tenant) => {
      const db = createFixtures({ tenant, brand: 'nocturne', products: 130 });
      const check = (schema: { safeParse(v: unknown): { error?: unknown } }, values: unknown[]) => {
        for (const v of values) expect(schema.safeParse(v).error).toBeUndefined();
      };
      check(Tenant, db.tenants);
      check(Agency, db.agencies);
      check(Product, db.products);
      check(User, db.users);
      check(ApiKey, db.apiKeys);
      expect(db.products).toHaveLength(130);
      expect(new Set(db.products.map((p) => p.sku)).size).toBe(130);
      expect(db.tenant.agencyId).toBe(db.agencies[1]?.id);
    },
  );

  it('is deterministic', () => {
    expect(createFixtures().products.map((p) => p.id)).toEqual(createFixtures().products.map((p) => p.id));
  });
});

describe('platform', () => {
  it('answers me, entitlements, brand and plans, valid against the schemas', async () => {
    const { client, api } = setup({ tenant: 'starter', brand: 'aurora' });
    const me = await client.platform.me.retrieve();
    expect(Principal.parse(me)).toMatchObject({
      kind: 'secret_key',
      tenantId: api.db.tenant.id,
      role: 'owner',
    });

    const ent = Entitlements.parse(await client.platform.entitlements.retrieve());
    expect(ent.subscription.commerce).toBe('commerce_startup');
    expect(ent.limits['commerce.products']).toEqual({ limit: 1000, used: DEMO_TENANTS[0]?.productCount });
    expect(ent.features).not.toContain('commerce.bulkOperations');

    expect(await client.platform.brand.retrieve()).toEqual(DEMO_BRANDS.aurora);
    const plans = await client.platform.plans.list();
    expect(
      listOf(Plan)
        .parse(plans)
        .data.map((p) => p.kind),
    ).toContain('addon');
  });

  it('answers the default brand without an agency, and a custom brand', async () => {
    expect((await setup().client.platform.brand.retrieve()).name).toBe('Dashboard');
    const custom = { ...DEMO_BRANDS.aurora, name: 'Custom Co' };
    expect(await setup({ brand: custom }).client.platform.brand.retrieve()).toEqual(custom);
  });

  it('signs in and out with a demo owner, and the session acts as that user', async () => {
    const { client, make } = setup({ tenant: 'enterprise' });
    const owner = DEMO_TENANTS[2]!.user;
    const session = Session.parse(
      await client.platform.sessions.create({ email: owner.email, password: owner.password }),
    );
    expect(session.user.email).toBe(owner.email);

    const dashboard = make(session.token);
    expect(await dashboard.platform.me.retrieve()).toMatchObject({ kind: 'session', role: 'owner' });
    await expect(dashboard.platform.sessions.revoke()).resolves.toEqual({ object: 'session', revoked: true });
    const error = await dashboard.platform.me.retrieve().catch((e: unknown) => e);
    expect(isAuthenticationError(error)).toBe(true);

    const wrong = await client.platform.sessions
      .create({ email: owner.email, password: 'not-the-password' })
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 401, code: 'invalid_credentials' });
  });

  it('enforces role permissions and the owner rules', async () => {
    const { client, api, make } = setup();
    const viewer = api.db.users.find((u) => u.role === 'viewer')!;
    const session = await client.platform.sessions.create({
      email: viewer.email,
      password: 'demo-password-123',
    });
    const asViewer = make(session.token);
    expect((await asViewer.commerce.products.list()).data.length).toBeGreaterThan(0);
    const denied = await asViewer.commerce.products.create(newProduct()).catch((e: unknown) => e);
    expect(isPermissionError(denied)).toBe(true);
    expect(denied).toMatchObject({ status: 403, code: 'forbidden' });

    const admin = api.db.users.find((u) => u.role === 'admin')!;
    const asAdmin = make(
      (await client.platform.sessions.create({ email: admin.email, password: 'demo-password-123' })).token,
    );
    const promote = await asAdmin.platform.users
      .update(viewer.id, { role: 'owner' })
      .catch((e: unknown) => e);
    expect(isPermissionError(promote)).toBe(true);
    expect(await asAdmin.platform.users.update(viewer.id, { role: 'support' })).toMatchObject({
      role: 'support',
    });
    const self = await asAdmin.platform.users.del(admin.id).catch((e: unknown) => e);
    expect(self).toMatchObject({ status: 403 });
  });

  it('grants the server permissions per credential and role', async () => {
    const { client, publishable, operator, api, make } = setup();
    // A browser key may not read `/me` (no `platform:me:read`), as on the server.
    expect(isPermissionError(await publishable.platform.me.retrieve().catch((e: unknown) => e))).toBe(true);
    expect((await operator.platform.me.retrieve()).permissions).toEqual([
      'agency:manage',
      'agency:tenants',
      'operator',
      'platform:me:read',
      'platform:plans:read',
    ]);
    expect((await client.platform.me.retrieve()).permissions).toContain('commerce:products:write');
    expect(await operator.platform.entitlements.retrieve().catch((e: unknown) => e)).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    expect(
      isPermissionError(await publishable.platform.entitlements.retrieve().catch((e: unknown) => e)),
    ).toBe(true);

    const signIn = async (role: string) => {
      const user = api.db.users.find((u) => u.role === role)!;
      return make(
        (await client.platform.sessions.create({ email: user.email, password: 'demo-password-123' })).token,
      );
    };
    const asViewer = await signIn('viewer');
    expect(isPermissionError(await asViewer.platform.users.list().catch((e: unknown) => e))).toBe(true);
    expect((await (await signIn('support')).platform.users.list()).data.length).toBe(api.db.users.length);
  });

  it('signs in without any credential, like the public sign-in route', async () => {
    setup();
    const owner = DEMO_TENANTS[1]!.user;
    const response = await fetch(`${BASE}/v1/platform/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: owner.email, password: owner.password }),
    });
    expect(response.status).toBe(201);
    expect(Session.parse(await response.json()).user.role).toBe('owner');
  });

  it('manages users and API keys', async () => {
    const { client, make } = setup();
    const user = await client.platform.users.create({
      email: 'new@growth.demo',
      name: 'New Person',
      role: 'support',
      password: 'long-enough-pass',
    });
    expect(User.parse(user).role).toBe('support');
    const dup = await client.platform.users
      .create({ email: 'NEW@growth.demo', name: 'x', role: 'viewer', password: 'long-enough-pass' })
      .catch((e: unknown) => e);
    expect(isConflictError(dup) && dup.param).toBe('email');
    expect(await client.platform.users.del(user.id)).toEqual({ id: user.id, object: 'user', deleted: true });
    expect(isNotFoundError(await client.platform.users.retrieve(user.id).catch((e: unknown) => e))).toBe(
      true,
    );

    const key = ApiKeyWithSecret.parse(await client.platform.apiKeys.create({ type: 'secret', name: 'CI' }));
    expect(key.secret.startsWith(key.prefix.replace('…', ''))).toBe(true);
    expect(key.prefix).toMatch(/^sk_.{6}…$/);
    const listed = await client.platform.apiKeys.list().toArray();
    expect(listed.find((k) => k.id === key.id)).not.toHaveProperty('secret');
    await make(key.secret).platform.me.retrieve();
    expect((await client.platform.apiKeys.revoke(key.id)).revokedAt).not.toBeNull();
    const revoked = await make(key.secret)
      .platform.me.retrieve()
      .catch((e: unknown) => e);
    expect(revoked).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('binds users to vendors and shows a vendor user only its part of orders, as the server', async () => {
    const { client, api, make } = setup({ tenant: 'growth' });
    const [vendorA, vendorB] = api.db.vendors;
    const order = api.db.orders.find(
      (o) => o.status === 'fulfilling' && new Set(o.items.map((i) => i.vendorId)).size > 1,
    )!;
    const a = vendorA!.id;
    const b = order.items.map((i) => i.vendorId).find((v) => v !== a) ?? vendorB!.id;
    const user = await client.platform.users.create({
      email: 'vendor@growth.demo',
      name: 'Vendor person',
      role: 'admin',
      password: 'long-enough-pass',
      vendorId: a,
    });
    expect(User.parse(user).vendorId).toBe(a);
    const owner = await client.platform.users
      .create({ email: 'o@growth.demo', name: 'O', role: 'owner', password: 'long-enough-pass', vendorId: a })
      .catch((e: unknown) => e);
    expect(owner).toMatchObject({ status: 400, code: 'validation_failed', param: 'vendorId' });
    const session = await client.platform.sessions.create({
      email: 'vendor@growth.demo',
      password: 'long-enough-pass',
    });
    const vendor = make(session.token);
    expect((await vendor.platform.me.retrieve()).vendorId).toBe(a);
    expect(await vendor.platform.users.list().catch((e: unknown) => e)).toMatchObject({ status: 403 });
    const mine = await vendor.commerce.orders.retrieve(order.id);
    expect(mine.items.every((i) => i.vendorId === a)).toBe(true);
    expect(mine.payments).toEqual([]);
    expect(mine.email).toBeNull();
    const listed = await vendor.commerce.orders.list({ limit: 100 }).toArray();
    expect(listed.every((o) => o.items.every((i) => i.vendorId === a))).toBe(true);
    const theirs = order.fulfillments.find((f) => f.vendorId === b)!;
    const foreign = await vendor.commerce.orders
      .shipFulfillment(order.id, theirs.id, { trackingNumber: 'X' })
      .catch((e: unknown) => e);
    expect(foreign).toMatchObject({ status: 404, code: 'not_found' });
    expect(await vendor.commerce.orders.ship(order.id, {}).catch((e: unknown) => e)).toMatchObject({
      status: 403,
    });
    const own = mine.fulfillments[0]!;
    const shipped = await vendor.commerce.orders.shipFulfillment(order.id, own.id, { trackingNumber: 'A-1' });
    expect(shipped.fulfillments).toEqual([expect.objectContaining({ id: own.id, status: 'shipped' })]);
    const again = await vendor.commerce.orders.shipFulfillment(order.id, own.id, {}).catch((e: unknown) => e);
    expect(again).toMatchObject({ status: 409, code: 'invalid_transition' });
    const starter = setup({ tenant: 'starter' });
    const noPlan = await starter.client.platform.users
      .create({ email: 'v@s.demo', name: 'V', role: 'viewer', password: 'long-enough-pass', vendorId: a })
      .catch((e: unknown) => e);
    expect(noPlan).toMatchObject({ status: 403, code: 'feature_not_in_plan' });
  });

  it('acts as a signed-in user of the `role` option, adding one for a role nobody has', async () => {
    const { client, api } = setup({ role: 'viewer' });
    const viewer = api.db.users.find((u) => u.role === 'viewer')!;
    expect(await client.platform.me.retrieve()).toMatchObject({
      kind: 'session',
      role: 'viewer',
      userId: viewer.id,
    });
    expect(isPermissionError(await client.platform.users.list().catch((e: unknown) => e))).toBe(true);

    const asOwner = setup({ role: 'owner' });
    const owner = asOwner.api.db.users.find((u) => u.role === 'owner')!;
    expect(await asOwner.client.platform.me.retrieve()).toMatchObject({ role: 'owner', userId: owner.id });
    expect(await asOwner.client.platform.users.del(owner.id).catch((e: unknown) => e)).toMatchObject({
      status: 403,
    });

    const compliance = createFixtures({ role: 'compliance' });
    const added = compliance.users.find((u) => u.id === compliance.actingUserId)!;
    expect(User.parse(added).role).toBe('compliance');
    expect(compliance.users).toHaveLength(createFixtures().users.length + 1);
    expect(createFixtures().actingUserId).toBeNull();
  });

  it('answers 402 tier_limit_reached when a new user needs a seat past platform.dashboardUsers', async () => {
    const { client, api } = setup({ tenant: 'starter', limitOverrides: { 'platform.dashboardUsers': 4 } });
    expect(api.db.users).toHaveLength(4);
    const error = await client.platform.users
      .create({
        email: 'one.more@starter.demo',
        name: 'One More',
        role: 'viewer',
        password: 'long-enough-pass',
      })
      .catch((e: unknown) => e);
    expect(isPlanLimitError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 402,
      code: 'tier_limit_reached',
      problem: { limit: { key: 'platform.dashboardUsers', limit: 4, used: 4 } },
    });
    expect((error as PlanLimitError).upgrade).toMatchObject({ kind: 'plan' });
  });

  it('lets operator keys manage tenants and agencies, and nobody else', async () => {
    const { client, operator } = setup();
    expect(await operator.platform.tenants.list().toArray()).toHaveLength(3);
    const agency = await operator.platform.agencies.create({
      name: 'Resell Co',
      brand: DEMO_BRANDS.nocturne,
    });
    const tenant = await operator.platform.tenants.create({
      name: 'Fresh Shop',
      agencyId: agency.id,
      subscription: { platform: 'starter', commerce: 'commerce_startup', fintech: null, social: null },
    });
    expect(Tenant.parse(tenant).agencyId).toBe(agency.id);
    const updated = await operator.platform.tenants.update(tenant.id, {
      subscription: { commerce: 'commerce_growth' },
    });
    expect(updated.subscription).toMatchObject({ platform: 'starter', commerce: 'commerce_growth' });
    const renamed = await operator.platform.agencies.update(agency.id, { brand: { name: 'Resell Co.' } });
    expect(renamed.brand).toMatchObject({
      name: 'Resell Co.',
      primaryColor: DEMO_BRANDS.nocturne.primaryColor,
    });
    expect(await operator.platform.agencies.retrieve(agency.id)).toEqual(renamed);

    expect(isPermissionError(await client.platform.tenants.list().catch((e: unknown) => e))).toBe(true);
    const badAddon = await operator.platform.tenants
      .update(tenant.id, { addons: ['no_such_addon'] })
      .catch((e: unknown) => e);
    expect(badAddon).toMatchObject({ code: 'validation_failed', param: 'addons.0' });
  });

  it("gives an agency key its own agency's tenants, keys and brand, and nothing of another's", async () => {
    const { api, make, operator } = setup({ brand: 'aurora' });
    const agency = make('ag_demo_aurora');
    const [aurora, nocturne] = api.db.agencies;
    const me = Principal.parse(await agency.platform.me.retrieve());
    expect(me).toMatchObject({ kind: 'agency_key', agencyId: aurora!.id, tenantId: null });
    const tenants = await agency.platform.tenants.list().toArray();
    expect(tenants.map((t) => t.id)).toEqual([api.db.tenant.id]);

    const keys = await agency.platform.agencies.listKeys(aurora!.id).toArray();
    expect(keys.map((k) => k.name)).toEqual(['Agency console']);
    expect(keys[0]).not.toHaveProperty('secret');
    expect(keys[0]!.createdBy?.type).toBe('operator');
    for (const call of [
      () => agency.platform.agencies.retrieve(nocturne!.id),
      () => agency.platform.agencies.listKeys(nocturne!.id).toArray(),
      () => agency.platform.agencies.update(nocturne!.id, { brand: { name: 'Hijacked' } }),
      () => agency.platform.agencies.revokeKey(aurora!.id, api.db.agencyKeys[1]!.id),
    ]) {
      expect(isNotFoundError(await call().catch((e: unknown) => e))).toBe(true);
    }
    const rename = await agency.platform.agencies.update(aurora!.id, { name: 'X' }).catch((e: unknown) => e);
    expect(rename).toMatchObject({ status: 403, code: 'forbidden', param: 'name' });
    const mint = await agency.platform.agencies.createKey(aurora!.id, { name: 'x' }).catch((e: unknown) => e);
    expect(isPermissionError(mint)).toBe(true);
    const rebranded = await agency.platform.agencies.update(aurora!.id, {
      brand: { primaryColor: '#0f766e' },
    });
    expect(rebranded.brand.primaryColor).toBe('#0f766e');

    // Tenant keys: listed and revoked for its own tenant only.
    const minted = await agency.platform.tenants.createApiKey(api.db.tenant.id, {
      type: 'secret',
      name: 'Ops',
    });
    const tenantKeys = await agency.platform.tenants.listApiKeys(api.db.tenant.id).toArray();
    expect(tenantKeys.map((k) => k.id)).toContain(minted.id);
    const revoked = await agency.platform.tenants.revokeApiKey(api.db.tenant.id, minted.id);
    expect(revoked.revokedAt).toEqual(expect.any(String));
    const other = api.db.tenants.find((t) => t.id !== api.db.tenant.id)!;
    expect(
      isNotFoundError(
        await agency.platform.tenants
          .listApiKeys(other.id)
          .toArray()
          .catch((e: unknown) => e),
      ),
    ).toBe(true);

    // Revoked by the operator: 401 from then on.
    await operator.platform.agencies.revokeKey(aurora!.id, keys[0]!.id);
    expect(isAuthenticationError(await agency.platform.me.retrieve().catch((e: unknown) => e))).toBe(true);
  });
});

describe('commerce products', () => {
  it('lists newest first with cursor pagination across every product', async () => {
    const { client, api } = setup();
    const first = await client.commerce.products.list({ limit: 10 });
    expect(first.data).toHaveLength(10);
    expect(first.hasMore).toBe(true);
    const ids = first.data.map((p) => p.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const all = await client.commerce.products.list({ limit: 10 }).toArray();
    expect(all).toHaveLength(api.db.products.length);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    // Like the server's seed: created in catalogue order, so the newest is the last seeded.
    expect(all[0]?.title).toBe(DEMO_PRODUCTS[api.db.products.length - 1]?.title);

    const created = await client.commerce.products.create(newProduct());
    expect((await client.commerce.products.list({ limit: 1 })).data[0]?.id).toBe(created.id);
  });

  it('filters by status and searches title or SKU, case-insensitively', async () => {
    const { client } = setup({ tenant: 'enterprise' });
    const drafts = await client.commerce.products.list({ status: 'draft', limit: 100 });
    expect(drafts.data.length).toBeGreaterThan(0);
    expect(drafts.data.every((p) => p.status === 'draft')).toBe(true);
    const mugs = await client.commerce.products.list({ query: 'MUG' });
    expect(mugs.data.length).toBeGreaterThanOrEqual(3);
    expect(mugs.data.every((p) => /mug/i.test(p.title) || /mug/i.test(p.sku ?? ''))).toBe(true);
    const bySku = await client.commerce.products.list({ query: 'cof-eth' });
    expect(bySku.data.map((p) => p.sku)).toEqual(['COF-ETH-GUJ']);
  });

  it('rejects invalid bodies and list params with validation_failed, param and errors', async () => {
    const { client } = setup();
    const error = (await client.commerce.products
      .create({
        title: ' ',
        price: { amount: -1, currency: 'euro' },
        colour: 'red',
      } as unknown as ProductCreate)
      .catch((e: unknown) => e)) as ValidationError;
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', param: 'title' });
    expect(error.errors.map((e) => e.param).sort()).toEqual([
      'colour',
      'price.amount',
      'price.currency',
      'title',
    ]);
    expect(error.problem.requestId).toBe(error.requestId);

    const badLimit = await client.commerce.products.list({ limit: 500 }).catch((e: unknown) => e);
    expect(badLimit).toMatchObject({ code: 'validation_failed', param: 'limit' });
  });

  it('names unknown fields with code unknown_field, and refuses a body on actions that take none', async () => {
    const { client, api } = setup();
    const unknown = (await client.commerce.products
      .create({ ...newProduct(), colour: 'red' } as ProductCreate)
      .catch((e: unknown) => e)) as ValidationError;
    expect(unknown.errors).toEqual([
      { param: 'colour', code: 'unknown_field', message: "Unknown field 'colour'." },
    ]);
    const id = api.db.products[0]!.id;
    const withBody = await client
      .request('POST', `/v1/commerce/products/${id}/archive`, { body: { now: true } })
      .catch((e: unknown) => e);
    expect(withBody).toMatchObject({ status: 400, code: 'validation_failed', param: 'body' });
  });

  it('answers invalid_json for a malformed body', async () => {
    setup();
    const response = await fetch(`${BASE}/v1/commerce/products`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_x', 'content-type': 'application/json' },
      body: '{"title":',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'invalid_json' });
  });

  it('answers 404 for unknown products and routes, 401 without a credential', async () => {
    const { client } = setup();
    const missing = await client.commerce.products.retrieve('prod_0000000000NOPE').catch((e: unknown) => e);
    expect(isNotFoundError(missing)).toBe(true);
    expect(missing).toMatchObject({ code: 'not_found' });
    const route = await client.request('GET', '/v1/commerce/nothing-here').catch((e: unknown) => e);
    expect(route).toMatchObject({ status: 404, code: 'route_not_found' });
    expect((await fetch(`${BASE}/v1/nowhere`)).status).toBe(404);
    const anonymous = await fetch(`${BASE}/v1/platform/me`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('rejects duplicate SKUs with 409 duplicate_sku on create and update', async () => {
    const { client, api } = setup();
    const taken = api.db.products[0]?.sku ?? '';
    const error = (await client.commerce.products
      .create(newProduct({ sku: taken }))
      .catch((e: unknown) => e)) as ConflictError;
    expect(isConflictError(error)).toBe(true);
    expect(error).toMatchObject({ status: 409, code: 'duplicate_sku', param: 'sku' });
    const other = api.db.products[1]!;
    await expect(client.commerce.products.update(other.id, { sku: taken })).rejects.toMatchObject({
      code: 'duplicate_sku',
    });
    await expect(client.commerce.products.update(other.id, { sku: other.sku })).resolves.toMatchObject({
      sku: other.sku,
    });
  });

  it('updates, archives (idempotently), refuses edits while archived, unarchives to draft', async () => {
    const { client, api } = setup();
    const id = api.db.products[0]!.id;
    const updated = await client.commerce.products.update(id, {
      title: 'Renamed',
      price: { amount: 99, currency: 'EUR' },
    });
    expect(Product.parse(updated)).toMatchObject({ title: 'Renamed', price: { amount: 99 } });

    const archived = await client.commerce.products.archive(id);
    expect(archived).toMatchObject({ status: 'archived' });
    expect(archived.archivedAt).not.toBeNull();
    expect(await client.commerce.products.archive(id)).toEqual(archived);

    const edit = await client.commerce.products.update(id, { title: 'Nope' }).catch((e: unknown) => e);
    expect(edit).toMatchObject({ status: 409, code: 'invalid_state' });

    expect(await client.commerce.products.unarchive(id)).toMatchObject({ status: 'draft', archivedAt: null });
  });

  it('bulk-archives on plans with bulk operations', async () => {
    const { client, api } = setup({ tenant: 'growth' });
    const ids = api.db.products.slice(0, 3).map((p) => p.id);
    const result = await client.commerce.products.bulkArchive({ ids });
    expect(result.data.map((p) => [p.id, p.status])).toEqual(ids.map((id) => [id, 'archived']));
    const missing = await client.commerce.products
      .bulkArchive({ ids: ['prod_0000000000MISSING'] })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, param: 'ids' });
  });

  it('answers 403 feature_not_in_plan with the upgrade for bulk archive on Starter', async () => {
    const { client, api } = setup({ tenant: 'starter' });
    const error = (await client.commerce.products
      .bulkArchive({ ids: [api.db.products[0]!.id] })
      .catch((e: unknown) => e)) as PlanLimitError;
    expect(isPlanLimitError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 403,
      code: 'feature_not_in_plan',
      feature: 'commerce.bulkOperations',
    });
    expect(error.upgrade).toEqual({ kind: 'plan', id: 'commerce_growth', name: 'Growth' });
    expect(api.db.products[0]?.status).not.toBe('archived');
  });

  it('answers 402 tier_limit_reached with limit and upgrade at the product limit; archiving frees a slot', async () => {
    const { client, api } = setup({
      tenant: 'starter',
      products: 5,
      limitOverrides: { 'commerce.products': 5 },
    });
    const error = (await client.commerce.products
      .create(newProduct())
      .catch((e: unknown) => e)) as PlanLimitError;
    expect(isPlanLimitError(error)).toBe(true);
    expect(error).toMatchObject({ status: 402, code: 'tier_limit_reached' });
    expect(error.limit).toEqual({ key: 'commerce.products', limit: 5, used: 5 });
    expect(error.upgrade).toEqual({ kind: 'plan', id: 'commerce_growth', name: 'Growth' });
    expect(error.problem).toMatchObject({ limit: error.limit, upgrade: error.upgrade });

    const first = api.db.products[0]!.id;
    await client.commerce.products.archive(first);
    const created = await client.commerce.products.create(newProduct());
    await expect(client.commerce.products.unarchive(first)).rejects.toMatchObject({
      code: 'tier_limit_reached',
    });
    await client.commerce.products.archive(created.id);
    await expect(client.commerce.products.unarchive(first)).resolves.toMatchObject({ status: 'draft' });
  });

  it('names the next plan for the real Starter limit', async () => {
    const { client } = setup({ tenant: 'starter', products: 1000 });
    const error = (await client.commerce.products
      .create(newProduct())
      .catch((e: unknown) => e)) as PlanLimitError;
    expect(error.upgrade).toEqual({ kind: 'plan', id: 'commerce_growth', name: 'Growth' });
  });

  it('shows publishable keys active products only, read-only', async () => {
    const { publishable, api } = setup({ tenant: 'enterprise' });
    const all = await publishable.commerce.products.list({ limit: 100 }).toArray();
    expect(all.length).toBe(api.db.products.filter((p) => p.status === 'active').length);
    const draft = api.db.products.find((p) => p.status === 'draft')!;
    expect(
      isNotFoundError(await publishable.commerce.products.retrieve(draft.id).catch((e: unknown) => e)),
    ).toBe(true);
    expect(
      isPermissionError(await publishable.commerce.products.create(newProduct()).catch((e: unknown) => e)),
    ).toBe(true);
  });
});

describe('protocol', () => {
  it('replays a POST by idempotency key, and refuses the key for a different body', async () => {
    const { client, api } = setup();
    const before = api.db.products.length;
    const a = await client.commerce.products.create(newProduct(), { idempotencyKey: 'k-1' });
    const b = await client.commerce.products.create(newProduct(), { idempotencyKey: 'k-1' });
    expect(b).toEqual(a);
    expect(api.db.products).toHaveLength(before + 1);

    const response = await fetch(`${BASE}/v1/commerce/products`, {
      method: 'POST',
      // The same credential: keys are scoped to the credential that sent them, as on the server.
      headers: {
        authorization: 'Bearer sk_test',
        'idempotency-key': 'k-1',
        'content-type': 'application/json',
      },
      body: JSON.stringify(newProduct()),
    });
    expect(response.headers.get('idempotent-replayed')).toBe('true');

    const conflict = await client.commerce.products
      .create(newProduct({ sku: 'OTHER-1' }), { idempotencyKey: 'k-1' })
      .catch((e: unknown) => e);
    expect(isIdempotencyError(conflict)).toBe(true);
    expect(conflict).toMatchObject({ status: 409, code: 'idempotency_conflict' });
  });

  it('fingerprints the body canonically: key order does not matter', async () => {
    setup();
    const post = (body: string) =>
      fetch(`${BASE}/v1/commerce/products`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer sk_x',
          'idempotency-key': 'order',
          'content-type': 'application/json',
        },
        body,
      });
    const first = await post('{"title":"A","price":{"amount":1,"currency":"EUR"}}');
    const second = await post('{"price":{"currency":"EUR","amount":1},"title":"A"}');
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
  });

  it('replays stored errors too, but not validation failures', async () => {
    const { client, api } = setup();
    const taken = api.db.products[0]?.sku ?? '';
    const first = await client.commerce.products
      .create(newProduct({ sku: taken }), { idempotencyKey: 'dup' })
      .catch((e) => e);
    const again = await client.commerce.products
      .create(newProduct({ sku: taken }), { idempotencyKey: 'dup' })
      .catch((e) => e);
    expect(again.problem).toEqual(first.problem);

    const invalid = { title: '', price: { amount: 1, currency: 'EUR' } };
    await client.commerce.products.create(invalid, { idempotencyKey: 'v' }).catch(() => {});
    expect(api.db.idempotency.has(`${api.db.tenant.id}:v`)).toBe(false);
  });

  it('answers 409 idempotency_in_progress while the first request with a key runs', async () => {
    const api = createMockApi({ baseUrl: BASE, latencyMs: 1 });
    server.use(...api.handlers);
    const client = new AgentStack({ apiKey: 'sk_x', baseUrl: BASE, maxRetries: 0 });
    const results = await Promise.allSettled([
      client.commerce.products.create(newProduct(), { idempotencyKey: 'same' }),
      client.commerce.products.create(newProduct(), { idempotencyKey: 'same' }),
    ]);
    // Whichever arrives first runs; the other finds its key still in flight.
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ status: 409, code: 'idempotency_in_progress' });
  });

  it('sets Request-Id on every response, echoing a valid incoming one, and checks the API version', async () => {
    setup();
    const ok = await fetch(`${BASE}/v1/platform/me`, { headers: { authorization: 'Bearer sk_x' } });
    expect(ok.headers.get('request-id')).toMatch(/^req_/);
    const echoed = await fetch(`${BASE}/v1/platform/me`, {
      headers: { authorization: 'Bearer sk_x', 'request-id': 'trace-123' },
    });
    expect(echoed.headers.get('request-id')).toBe('trace-123');
    const bad = await fetch(`${BASE}/v1/platform/me`, {
      headers: { authorization: 'Bearer sk_x', 'agentstack-version': '1999-01-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('request-id')).toMatch(/^req_/);
  });

  it('reset() restores the fixtures in place', async () => {
    const { client, api } = setup();
    const db = api.db;
    const count = db.products.length;
    await client.commerce.products.create(newProduct());
    api.reset();
    expect(api.db).toBe(db);
    expect(db.products).toHaveLength(count);
    expect(db.idempotency.size).toBe(0);
  });

  it('problemResponse builds server-shaped problems for overrides', async () => {
    const { http } = await import('msw');
    const { client } = setup();
    server.use(
      http.get(`${BASE}/v1/platform/me`, () =>
        problemResponse(503, 'internal_error', 'Down for maintenance'),
      ),
    );
    const error = await client.platform.me.retrieve().catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'api',
      status: 503,
      code: 'internal_error',
      detail: 'Down for maintenance',
    });
  });
});

describe('product sort orders', () => {
  it('sorts by price and pages with cursors that follow the order', async () => {
    const api = createMockApi({ baseUrl: 'http://sort.test', tenant: 'growth' });
    const server = setupServer(...api.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const client = new AgentStack({ apiKey: 'sk_sort', baseUrl: 'http://sort.test', maxRetries: 0 });
      const walked = await client.commerce.products.list({ order: 'price', limit: 7 }).toArray();
      const prices = walked.map((p) => p.price.amount);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      expect(new Set(walked.map((p) => p.id)).size).toBe(walked.length);
      expect(walked.length).toBe(api.db.products.length);
      const desc = await client.commerce.products.list({ order: '-title', limit: 100 });
      const titles = desc.data.map((p) => p.title);
      expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a)));
    } finally {
      server.close();
    }
  });
});
