// One contract, every layer: the server's routes, the SDK's methods, the mocks and the OpenAPI
// document are the same set of operations; and one black-box suite of requests answers the same
// statuses and error codes from the real server (on each database) and from the msw mocks.
import { readFileSync } from 'node:fs';
import { AgentStack } from '@agentstack/sdk';
import { demoTenant } from '@agentstack/sdk/catalog';
import { allOperations } from '@agentstack/sdk/contract';
import { createMockApi, MOCK_ROUTES } from '@agentstack/sdk/mocks';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_DOC, renderApiDoc } from '../../../scripts/api-reference.mjs';
import {
  createTenant,
  createUser,
  DATABASES,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from './harness';

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
const CONTRACT = allOperations().map(({ operation }) => key(operation.method, operation.path));

describe('one operation set across layers', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t?.stop());

  it('has each operation once in the contract', () => {
    expect(new Set(CONTRACT).size).toBe(CONTRACT.length);
  });

  it('serves exactly the contract: server routes, mocks, SDK methods and OpenAPI paths agree', async () => {
    const served = (await t.request('GET', '/openapi.json')).body;
    const openapi = Object.entries(served.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => key(method, path.replace(/\{(\w+)\}/g, ':$1'))),
    );
    const mocks = MOCK_ROUTES.map((r) => key(r.operation.method, r.operation.path));
    const client = new AgentStack({ apiKey: 'sk_x' }) as unknown as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    const sdk = allOperations().filter(({ id }) => {
      const [domain, resource, method] = id.split('.') as [string, string, string];
      return typeof client[domain]?.[resource]?.[method] === 'function';
    });
    expect([...openapi].sort()).toEqual([...CONTRACT].sort());
    expect([...mocks].sort()).toEqual([...CONTRACT].sort());
    expect(sdk.length).toBe(CONTRACT.length);
  });

  it('documents exactly the contract in docs/api.md (run `node scripts/api-reference.mjs` after a change)', async () => {
    const text = readFileSync(API_DOC, 'utf8');
    expect(text).toContain('<!-- generated:operations -->');
    expect(await renderApiDoc(text)).toBe(text);
  });
});

/** What the suite compares: the status and the problem's code and param. */
interface Outcome {
  step: string;
  status: number;
  code?: string;
  param?: string;
}

interface Target {
  request(
    method: string,
    path: string,
    init?: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: any }>;
  operator: string;
  secret: string;
  publishable: string;
  /** A dashboard admin's email (password TEST_PASSWORD). */
  adminEmail: string;
  /** The sign-up code sent to `email` (the server's email outbox; the mocks' model). */
  signUpCode(email: string): Promise<string>;
}

const STARTER = demoTenant('starter');
const LIMITS = { 'commerce.products': 2, 'platform.dashboardUsers': null };
const MOCK_BASE = 'http://contract.mock.test';

async function send(base: string, method: string, path: string, init: Parameters<Target['request']>[2] = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  } else if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** The same requests against any target; returns what happened, step by step, checking each. */
async function runSuite(target: Target): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const step = async (
    name: string,
    expected: number | [number, string],
    method: string,
    path: string,
    init: Parameters<Target['request']>[2] = {},
  ) => {
    const res = await target.request(method, path, { token: target.secret, ...init });
    const [status, code] = Array.isArray(expected) ? expected : [expected, undefined];
    const outcome: Outcome = { step: name, status: res.status };
    if (res.status >= 400) {
      outcome.code = res.body?.code;
      if (res.body?.param !== undefined) outcome.param = res.body.param;
      expect(res.headers.get('content-type'), name).toContain('application/problem+json');
    }
    outcomes.push(outcome);
    expect({ step: name, status: res.status, code: outcome.code }).toEqual({ step: name, status, code });
    return res;
  };
  const P = '/v1/commerce/products';
  const price = { amount: 1900, currency: 'EUR' };

  await step('empty list', 200, 'GET', P);
  await step('no credential', [401, 'unauthenticated'], 'GET', P, { token: null });
  await step('malformed authorization', [401, 'unauthenticated'], 'GET', P, {
    token: null,
    headers: { authorization: 'Basic abc' },
  });
  await step('operator on a tenant resource', [403, 'forbidden'], 'GET', P, { token: target.operator });
  await step('unknown query parameter', [400, 'validation_failed'], 'GET', `${P}?colour=red`);
  await step('limit out of range', [400, 'validation_failed'], 'GET', `${P}?limit=0`);
  await step('missing price', [400, 'validation_failed'], 'POST', P, { body: { title: 'No price' } });
  await step('unknown field', [400, 'validation_failed'], 'POST', P, {
    body: { title: 'x', price, colour: 'red' },
  });
  await step('invalid JSON', [400, 'invalid_json'], 'POST', P, { rawBody: '{"title":' });
  const a = await step('create active', 201, 'POST', P, {
    body: { title: 'Linen apron', sku: 'APRON-1', price, status: 'active' },
  });
  await step('duplicate SKU', [409, 'duplicate_sku'], 'POST', P, {
    body: { title: 'Again', sku: 'APRON-1', price },
  });
  const b = await step('create draft', 201, 'POST', P, { body: { title: 'Bread knife', price } });
  await step('over the plan limit', [402, 'tier_limit_reached'], 'POST', P, {
    body: { title: 'Third', price },
  });
  await step('retrieve', 200, 'GET', `${P}/${a.body.id}`);
  await step('retrieve unknown', [404, 'not_found'], 'GET', `${P}/prod_0000000000000000000000`);
  const pk = await step('publishable list', 200, 'GET', P, { token: target.publishable });
  expect(pk.body.data.map((p: { id: string }) => p.id)).toEqual([a.body.id]);
  await step('publishable create', [403, 'forbidden'], 'POST', P, {
    token: target.publishable,
    body: { title: 'x', price },
  });
  await step('publishable sees no draft', [404, 'not_found'], 'GET', `${P}/${b.body.id}`, {
    token: target.publishable,
  });
  await step('negative price', [400, 'validation_failed'], 'PATCH', `${P}/${a.body.id}`, {
    body: { price: { amount: -1, currency: 'EUR' } },
  });
  await step('archive', 200, 'POST', `${P}/${b.body.id}/archive`);
  await step('edit archived', [409, 'invalid_state'], 'PATCH', `${P}/${b.body.id}`, {
    body: { title: 'New' },
  });
  await step('unarchive', 200, 'POST', `${P}/${b.body.id}/unarchive`);
  await step('body on a bodiless action', [400, 'validation_failed'], 'POST', `${P}/${b.body.id}/archive`, {
    body: { reason: 'x' },
  });
  await step('bulk archive on Startup', [403, 'feature_not_in_plan'], 'POST', `${P}/bulk-archive`, {
    body: { ids: [a.body.id] },
  });
  const sorted = await step('sorted by title', 200, 'GET', `${P}?order=title`);
  expect(sorted.body.data.map((p: { title: string }) => p.title)).toEqual(['Bread knife', 'Linen apron']);
  // The catalogue: variants, prices per currency, categories, collections, media, vendors, filters.
  const A = `${P}/${a.body.id}`;
  const usd = { amount: 2100, currency: 'USD' };
  await step('option axes and a price per currency', 200, 'PATCH', A, {
    body: { options: [{ name: 'Size', values: ['S', 'M'] }], prices: [usd] },
  });
  await step('a second price in the main currency', [400, 'validation_failed'], 'PATCH', A, {
    body: { prices: [{ amount: 1, currency: 'EUR' }] },
  });
  const variant = await step('create a variant', 201, 'POST', `${A}/variants`, {
    body: { sku: 'APRON-1-S', options: { Size: 'S' }, price, prices: [usd] },
  });
  await step("a variant with the product's SKU", [409, 'duplicate_sku'], 'POST', `${A}/variants`, {
    body: { sku: 'APRON-1', options: { Size: 'M' }, price },
  });
  await step('a variant with the same options', [409, 'duplicate_variant'], 'POST', `${A}/variants`, {
    body: { sku: 'APRON-1-S2', options: { Size: 'S' }, price },
  });
  await step('a variant with an unknown value', [422, 'invalid_variant_options'], 'POST', `${A}/variants`, {
    body: { sku: 'APRON-1-XL', options: { Size: 'XL' }, price },
  });
  await step('options that orphan a variant', [409, 'options_in_use'], 'PATCH', A, {
    body: { options: [{ name: 'Size', values: ['M'] }] },
  });
  await step('update a variant', 200, 'PATCH', `${A}/variants/${variant.body.id}`, {
    body: { price: { amount: 2000, currency: 'EUR' } },
  });
  await step('list variants', 200, 'GET', `${A}/variants`);
  await step('publishable reads variants', 200, 'GET', `${A}/variants/${variant.body.id}`, {
    token: target.publishable,
  });
  await step('publishable variants of a draft', [404, 'not_found'], 'GET', `${P}/${b.body.id}/variants`, {
    token: target.publishable,
  });
  await step(
    'a variant under another product',
    [404, 'not_found'],
    'GET',
    `${P}/${b.body.id}/variants/${variant.body.id}`,
  );
  await step(
    'a variant of an unknown product',
    [404, 'not_found'],
    'POST',
    `${P}/prod_0000000000000000000000/variants`,
    {
      body: { sku: 'NOPE', price },
    },
  );
  const C = '/v1/commerce/categories';
  const root = await step('create a category', 201, 'POST', C, { body: { name: 'Kitchen' } });
  const child = await step('create a subcategory', 201, 'POST', C, {
    body: { name: 'Aprons', parentId: root.body.id },
  });
  await step('a category under its descendant', [409, 'category_cycle'], 'PATCH', `${C}/${root.body.id}`, {
    body: { parentId: child.body.id },
  });
  await step('a category under an unknown one', [404, 'not_found'], 'POST', C, {
    body: { name: 'Orphan', parentId: 'cat_0000000000000000000000' },
  });
  let deepest = child.body.id;
  for (const level of [3, 4, 5]) {
    deepest = (
      await step(`category level ${level}`, 201, 'POST', C, {
        body: { name: `L${level}`, parentId: deepest },
      })
    ).body.id;
  }
  await step('a sixth level', [422, 'category_too_deep'], 'POST', C, {
    body: { name: 'L6', parentId: deepest },
  });
  await step('delete a category with children', [409, 'invalid_state'], 'DELETE', `${C}/${root.body.id}`);
  await step('categories', 200, 'GET', `${C}?order=name`);
  const coll = await step('create a collection', 201, 'POST', '/v1/commerce/collections', {
    body: { title: 'Bestsellers' },
  });
  await step('an unknown collection on a product', [404, 'not_found'], 'PATCH', A, {
    body: { collectionIds: ['coll_0000000000000000000000'] },
  });
  await step('put the product in groups, with ordered media', 200, 'PATCH', A, {
    body: {
      categoryIds: [child.body.id],
      collectionIds: [coll.body.id],
      media: [
        { url: 'https://cdn.example.test/a.jpg', alt: 'Front' },
        { url: 'https://cdn.example.test/b.jpg' },
      ],
    },
  });
  await step('media over plain http', [400, 'validation_failed'], 'PATCH', A, {
    body: { media: [{ url: 'http://cdn.example.test/a.jpg' }] },
  });
  const inCategory = await step(
    'filter by a category and its descendants',
    200,
    'GET',
    `${P}?category=${root.body.id}`,
  );
  expect(inCategory.body.data.map((p: { id: string }) => p.id)).toEqual([a.body.id]);
  const filtered = await step(
    'filter by option and price',
    200,
    'GET',
    `${P}?option=Size:S&currency=USD&priceMin=2000&priceMax=2100&collection=${coll.body.id}`,
  );
  expect(filtered.body.data.map((p: { id: string }) => p.id)).toEqual([a.body.id]);
  const byIds = await step(
    'filter by product and variant ids',
    200,
    'GET',
    `${P}?ids=${variant.body.id},${b.body.id}`,
  );
  expect(byIds.body.data.map((p: { id: string }) => p.id).sort()).toEqual([a.body.id, b.body.id].sort());
  await step('ids of another kind', [400, 'validation_failed'], 'GET', `${P}?ids=cat_0000000000000000000000`);
  await step('a price range without a currency', [400, 'validation_failed'], 'GET', `${P}?priceMin=1`);
  await step('vendors on Startup', [403, 'feature_not_in_plan'], 'GET', '/v1/commerce/vendors');
  await step('a vendor on Startup', [403, 'feature_not_in_plan'], 'PATCH', A, {
    body: { vendorId: 'ven_0000000000000000000000' },
  });
  await step('delete a variant', 200, 'DELETE', `${A}/variants/${variant.body.id}`);
  await step('a deleted variant', [404, 'not_found'], 'GET', `${A}/variants/${variant.body.id}`);
  await step('delete a collection', 200, 'DELETE', `/v1/commerce/collections/${coll.body.id}`);
  // Inventory: stock per item and location, movements, reservations that never oversell.
  const L = '/v1/commerce/inventory-levels';
  await step('receive stock', 200, 'POST', `${L}/adjust`, {
    body: { itemId: a.body.id, delta: 2, reason: 'receipt' },
  });
  await step('a receipt that removes', [400, 'validation_failed'], 'POST', `${L}/adjust`, {
    body: { itemId: a.body.id, delta: -1, reason: 'receipt' },
  });
  await step('stock of an unknown item', [404, 'not_found'], 'POST', `${L}/adjust`, {
    body: { itemId: 'var_0000000000000000000000', delta: 1, reason: 'receipt' },
  });
  const stocked = await step('stock shows on the product', 200, 'GET', A);
  expect(stocked.body.inventoryQuantity).toBe(2);
  await step('stock is not written on the product', [400, 'validation_failed'], 'PATCH', A, {
    body: { inventoryQuantity: 5 },
  });
  const held = await step('reserve', 201, 'POST', '/v1/commerce/reservations', {
    body: { itemId: a.body.id, quantity: 2, reference: 'cart_contract' },
  });
  const listed = await step('reserved stock is not available', 200, 'GET', `${P}?limit=100`);
  expect(listed.body.data.find((p: { id: string }) => p.id === a.body.id).inventoryQuantity).toBe(0);
  await step('reserve more than available', [409, 'out_of_stock'], 'POST', '/v1/commerce/reservations', {
    body: { itemId: a.body.id, quantity: 1 },
  });
  await step('remove reserved stock', [409, 'out_of_stock'], 'POST', `${L}/adjust`, {
    body: { itemId: a.body.id, delta: -1, reason: 'correction' },
  });
  await step('release', 200, 'DELETE', `/v1/commerce/reservations/${held.body.id}`);
  await step('release again', [404, 'not_found'], 'DELETE', `/v1/commerce/reservations/${held.body.id}`);
  await step('movements', 200, 'GET', `/v1/commerce/inventory-movements?itemId=${a.body.id}`);
  await step('low stock filter', 200, 'GET', `${L}?lowStock=true`);
  await step('low stock filter, not a boolean', [400, 'validation_failed'], 'GET', `${L}?lowStock=yes`);
  await step(
    'a second location on Startup',
    [403, 'feature_not_in_plan'],
    'POST',
    '/v1/commerce/stock-locations',
    {
      body: { name: 'Second' },
    },
  );
  await step('publishable reads no stock', [403, 'forbidden'], 'GET', L, { token: target.publishable });
  // Orders: a manual order at catalogue prices walks the state machine; money never exceeds captured.
  const O = '/v1/commerce/orders';
  const order = await step('create an order', 201, 'POST', O, {
    body: { currency: 'EUR', items: [{ itemId: a.body.id, quantity: 1 }] },
  });
  await step('an order beyond the stock', [409, 'out_of_stock'], 'POST', O, {
    body: { currency: 'EUR', items: [{ itemId: a.body.id, quantity: 2 }] },
  });
  await step("an order with the client's total", [400, 'validation_failed'], 'POST', O, {
    body: { currency: 'EUR', items: [{ itemId: a.body.id, quantity: 1 }], total: price },
  });
  await step('ship a pending order', [409, 'invalid_transition'], 'POST', `${O}/${order.body.id}/ship`, {
    body: {},
  });
  await step('mark it paid', 200, 'POST', `${O}/${order.body.id}/mark-paid`, { body: {} });
  await step('mark it paid again', [409, 'invalid_transition'], 'POST', `${O}/${order.body.id}/mark-paid`, {
    body: {},
  });
  await step(
    'refund more than captured',
    [409, 'refund_exceeds_captured'],
    'POST',
    `${O}/${order.body.id}/refund`,
    {
      body: { amount: 1_000_000 },
    },
  );
  await step('refund part', 200, 'POST', `${O}/${order.body.id}/refund`, { body: { amount: 100 } });
  await step('orders by payment status', 200, 'GET', `${O}?paymentStatus=partially_refunded`);
  await step('orders by an unknown status', [400, 'validation_failed'], 'GET', `${O}?status=lost`);
  await step('retrieve an unknown order', [404, 'not_found'], 'GET', `${O}/ord_0000000000000000000000`);
  await step('cancel it (refunds the rest)', 200, 'POST', `${O}/${order.body.id}/cancel`, { body: {} });
  await step(
    'return a canceled order',
    [409, 'invalid_transition'],
    'POST',
    `${O}/${order.body.id}/request-return`,
    {
      body: {},
    },
  );
  await step('publishable reads no orders', [403, 'forbidden'], 'GET', O, { token: target.publishable });
  // Checkout: a storefront cart paid with the built-in test provider's cards.
  const shopCart = await step('a storefront cart', 201, 'POST', '/v1/commerce/carts', {
    token: target.publishable,
    body: { currency: 'EUR' },
  });
  const storefrontBuyer = {
    token: target.publishable,
    headers: { 'AgentStack-Cart-Token': shopCart.body.token },
  };
  await step('add to it', 200, 'POST', `/v1/commerce/carts/${shopCart.body.id}/lines`, {
    ...storefrontBuyer,
    body: { itemId: a.body.id, quantity: 1 },
  });
  const pay = (number: string) => ({ payment: { card: { number, expMonth: 12, expYear: 2030 } } });
  await step(
    'check out without the cart token',
    [404, 'not_found'],
    'POST',
    `/v1/commerce/carts/${shopCart.body.id}/checkout`,
    {
      token: target.publishable,
      body: pay('4242424242424242'),
    },
  );
  await step(
    'a declined card',
    [402, 'payment_declined'],
    'POST',
    `/v1/commerce/carts/${shopCart.body.id}/checkout`,
    {
      ...storefrontBuyer,
      body: pay('4000000000000002'),
    },
  );
  await step(
    'a card number that is not one',
    [400, 'validation_failed'],
    'POST',
    `/v1/commerce/carts/${shopCart.body.id}/checkout`,
    {
      ...storefrontBuyer,
      body: pay('4242-4242'),
    },
  );
  await step('check out', 201, 'POST', `/v1/commerce/carts/${shopCart.body.id}/checkout`, {
    ...storefrontBuyer,
    body: pay('4242424242424242'),
  });
  await step(
    'check out again: the same order',
    201,
    'POST',
    `/v1/commerce/carts/${shopCart.body.id}/checkout`,
    {
      ...storefrontBuyer,
      body: pay('4242424242424242'),
    },
  );
  await step(
    'add to a completed cart',
    [409, 'invalid_state'],
    'POST',
    `/v1/commerce/carts/${shopCart.body.id}/lines`,
    {
      ...storefrontBuyer,
      body: { itemId: a.body.id, quantity: 1 },
    },
  );
  // Custom order steps are Enterprise: everyone with order access reads them (none here).
  const OW = '/v1/commerce/order-workflow';
  await step('the order workflow', 200, 'GET', OW);
  await step('custom steps on Startup', [403, 'feature_not_in_plan'], 'PATCH', OW, {
    body: { steps: [{ key: 'packed', name: 'Packed' }] },
  });
  await step('duplicate step keys', [400, 'validation_failed'], 'PATCH', OW, {
    body: {
      steps: [
        { key: 'packed', name: 'A' },
        { key: 'packed', name: 'B' },
      ],
    },
  });
  await step('publishable reads no workflow', [403, 'forbidden'], 'GET', OW, { token: target.publishable });
  await step(
    'advance an unknown order',
    [404, 'not_found'],
    'POST',
    '/v1/commerce/orders/ord_0000000000000000000000/advance-step',
  );
  // Carts: a publishable key with the cart's token; prices from the catalogue.
  const CT = '/v1/commerce/carts';
  const shopper = { token: target.publishable };
  const cart = await step('create a cart', 201, 'POST', CT, { ...shopper, body: { currency: 'EUR' } });
  const CART = `${CT}/${cart.body.id}`;
  const withToken = { ...shopper, headers: { 'agentstack-cart-token': cart.body.token } };
  await step('a cart without a currency', [400, 'validation_failed'], 'POST', CT, { ...shopper, body: {} });
  await step('a cart without its token', [404, 'not_found'], 'GET', CART, shopper);
  await step('a cart with a wrong token', [404, 'not_found'], 'GET', CART, {
    ...shopper,
    headers: { 'agentstack-cart-token': 'ctok_wrong' },
  });
  const added = await step('add a line', 200, 'POST', `${CART}/lines`, {
    ...withToken,
    body: { itemId: a.body.id, quantity: 2 },
  });
  expect(added.body.lines[0].subtotal.amount).toBe(2 * added.body.lines[0].unitPrice.amount);
  await step('add a draft', [409, 'product_unavailable'], 'POST', `${CART}/lines`, {
    ...withToken,
    body: { itemId: b.body.id, quantity: 1 },
  });
  await step('add nothing', [400, 'validation_failed'], 'POST', `${CART}/lines`, {
    ...withToken,
    body: { itemId: a.body.id, quantity: 0 },
  });
  await step('too many units', [422, 'cart_limit_exceeded'], 'POST', `${CART}/lines`, {
    ...withToken,
    body: { itemId: a.body.id, quantity: 10_000 },
  });
  const LINE = `${CART}/lines/${added.body.lines[0].id}`;
  await step('change a line', 200, 'PATCH', LINE, { ...withToken, body: { quantity: 3 } });
  await step('an address in the cart', 200, 'PATCH', CART, {
    ...withToken,
    body: {
      email: 'shopper@example.com',
      shippingAddress: {
        name: 'Ada',
        line1: '1 Main St',
        city: 'Paris',
        postalCode: '75001',
        countryCode: 'FR',
      },
    },
  });
  await step('a lower-case country', [400, 'validation_failed'], 'PATCH', CART, {
    ...withToken,
    body: { shippingAddress: { name: 'Ada', line1: '1', city: 'P', postalCode: '1', countryCode: 'fr' } },
  });
  await step('remove a line', 200, 'DELETE', LINE, withToken);
  await step('remove it again', [404, 'not_found'], 'DELETE', LINE, withToken);
  await step('publishable lists no carts', [403, 'forbidden'], 'GET', CT, shopper);
  await step('carts', 200, 'GET', `${CT}?status=open`);
  await step('staff read a cart without its token', 200, 'GET', CART);
  // Pricing: a region's tax, its shipping options, discount codes.
  const RG = '/v1/commerce/regions';
  const SO = '/v1/commerce/shipping-options';
  const DC = '/v1/commerce/discount-codes';
  const france = { name: 'France', currency: 'EUR', countries: ['FR'], taxRateBps: 2000 };
  const region = await step('create a region', 201, 'POST', RG, { body: france });
  await step('a region taxing over 100 %', [400, 'validation_failed'], 'POST', RG, {
    body: { ...france, taxRateBps: 10_001 },
  });
  await step('publishable reads regions', 200, 'GET', RG, shopper);
  await step('publishable creates no region', [403, 'forbidden'], 'POST', RG, { ...shopper, body: france });
  const standard = await step('create a shipping option', 201, 'POST', SO, {
    body: {
      regionId: region.body.id,
      name: 'Standard',
      amount: { amount: 490, currency: 'EUR' },
      freeOver: { amount: 100_000, currency: 'EUR' },
    },
  });
  await step('shipping in another currency', [400, 'validation_failed'], 'POST', SO, {
    body: { regionId: region.body.id, name: 'Dollar', amount: { amount: 490, currency: 'USD' } },
  });
  const rc = await step('a cart in a region', 201, 'POST', CT, {
    ...shopper,
    body: { regionId: region.body.id },
  });
  const RC = `${CT}/${rc.body.id}`;
  const rcToken = { ...shopper, headers: { 'agentstack-cart-token': rc.body.token } };
  await step('fill it', 200, 'POST', `${RC}/lines`, { ...rcToken, body: { itemId: a.body.id, quantity: 1 } });
  await step("the cart's shipping options", 200, 'GET', `${RC}/shipping-options`, rcToken);
  const shipped = await step('choose shipping', 200, 'PATCH', RC, {
    ...rcToken,
    body: { shippingOptionId: standard.body.id },
  });
  expect(shipped.body.shippingTotal.amount).toBe(490);
  expect(shipped.body.taxTotal.amount).toBe(
    Math.floor(((shipped.body.subtotal.amount + 490) * 2000 + 5000) / 10_000),
  );
  await step('shipping to another country', [422, 'shipping_unavailable'], 'PATCH', RC, {
    ...rcToken,
    body: { shippingAddress: { name: 'A', line1: '1', city: 'B', postalCode: '1', countryCode: 'DE' } },
  });
  await step('create a discount code', 201, 'POST', DC, {
    body: { code: 'save10', type: 'percentage', percentOff: 10 },
  });
  await step('the same code again', [409, 'conflict'], 'POST', DC, {
    body: { code: 'SAVE10', type: 'fixed', amountOff: { amount: 100, currency: 'EUR' } },
  });
  await step('a percentage without one', [400, 'validation_failed'], 'POST', DC, {
    body: { code: 'NONE', type: 'percentage' },
  });
  await step('publishable lists no codes', [403, 'forbidden'], 'GET', DC, shopper);
  const discounted = await step('apply a code', 200, 'POST', `${RC}/discount`, {
    ...rcToken,
    body: { code: 'Save10' },
  });
  expect(discounted.body.discount.code).toBe('SAVE10');
  const unknownCode = await step(
    'apply an unknown code',
    [409, 'discount_not_applicable'],
    'POST',
    `${RC}/discount`,
    {
      ...rcToken,
      body: { code: 'NOPE' },
    },
  );
  expect(unknownCode.body.reason).toBe('unknown');
  await step('remove the code', 200, 'DELETE', `${RC}/discount`, rcToken);
  await step('discount codes', 200, 'GET', `${DC}?active=true`);
  await step('delete a region', 200, 'DELETE', `${RG}/${region.body.id}`);
  await step('its shipping option went with it', [404, 'not_found'], 'GET', `${SO}/${standard.body.id}`);
  const ent = await step('entitlements', 200, 'GET', '/v1/platform/entitlements');
  expect(ent.body.limits['commerce.products']).toEqual({ limit: 2, used: 2 });
  await step('plans', 200, 'GET', '/v1/platform/plans');
  await step('plans take no query', [400, 'validation_failed'], 'GET', '/v1/platform/plans?limit=5');

  // Idempotency, with an operator key.
  const agency = {
    name: 'Contract Agency',
    brand: {
      name: 'Contract',
      logoUrl: null,
      primaryColor: '#112233',
      accentColor: '#445566',
      colorScheme: 'light',
    },
  };
  const headers = { 'idempotency-key': 'contract-suite-1' };
  const first = await step('keyed create', 201, 'POST', '/v1/platform/agencies', {
    token: target.operator,
    body: agency,
    headers,
  });
  const again = await step('keyed retry', 201, 'POST', '/v1/platform/agencies', {
    token: target.operator,
    body: agency,
    headers,
  });
  expect(again.body.id).toBe(first.body.id);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  await step('key reused for another body', [409, 'idempotency_conflict'], 'POST', '/v1/platform/agencies', {
    token: target.operator,
    body: { ...agency, name: 'Other' },
    headers,
  });

  // Agency keys: act on their own agency's tenants only (this suite's tenant has no agency).
  const agencyKey = await step(
    'create an agency key',
    201,
    'POST',
    `/v1/platform/agencies/${first.body.id}/api-keys`,
    {
      token: target.operator,
      body: { name: 'Contract console' },
    },
  );
  const own = await step('agency key lists its tenants', 200, 'GET', '/v1/platform/tenants', {
    token: agencyKey.body.secret,
  });
  expect(own.body.data).toEqual([]);
  await step(
    "agency key on another's tenant",
    [404, 'not_found'],
    'GET',
    `/v1/platform/tenants/${ent.body.tenantId}`,
    {
      token: agencyKey.body.secret,
    },
  );
  await step(
    'agency key mints for another tenant',
    [404, 'not_found'],
    'POST',
    `/v1/platform/tenants/${ent.body.tenantId}/api-keys`,
    {
      token: agencyKey.body.secret,
      body: { type: 'secret', name: 'stolen' },
    },
  );
  await step('agency key creates no tenant', [403, 'forbidden'], 'POST', '/v1/platform/tenants', {
    token: agencyKey.body.secret,
    body: { name: 'Mine', subscription: { platform: 'growth', commerce: null, fintech: null, social: null } },
  });
  const AK = `/v1/platform/agencies/${first.body.id}/api-keys`;
  const keys = await step('agency key lists its keys', 200, 'GET', AK, { token: agencyKey.body.secret });
  expect(keys.body.data.map((k: { id: string }) => k.id)).toContain(agencyKey.body.id);
  await step('agency key mints no agency key', [403, 'forbidden'], 'POST', AK, {
    token: agencyKey.body.secret,
    body: { name: 'self-made' },
  });
  await step(
    "agency key on another agency's keys",
    [404, 'not_found'],
    'GET',
    '/v1/platform/agencies/agy_00000000000000000000000000/api-keys',
    { token: agencyKey.body.secret },
  );
  await step(
    'agency key renames no agency',
    [403, 'forbidden'],
    'PATCH',
    `/v1/platform/agencies/${first.body.id}`,
    {
      token: agencyKey.body.secret,
      body: { name: 'Renamed' },
    },
  );
  await step(
    "operator lists a tenant's keys",
    200,
    'GET',
    `/v1/platform/tenants/${ent.body.tenantId}/api-keys`,
    {
      token: target.operator,
    },
  );
  await step('agency key revokes itself', 200, 'POST', `${AK}/${agencyKey.body.id}/revoke`, {
    token: agencyKey.body.secret,
  });
  await step('a revoked agency key', [401, 'invalid_api_key'], 'GET', '/v1/platform/tenants', {
    token: agencyKey.body.secret,
  });

  // Users and sessions.
  const U = '/v1/platform/users';
  await step('user with a bad email', [400, 'validation_failed'], 'POST', U, {
    body: { email: 'nope', name: 'N', role: 'viewer', password: TEST_PASSWORD },
  });
  await step('user already exists', [409, 'conflict'], 'POST', U, {
    body: { email: target.adminEmail, name: 'Twice', role: 'viewer', password: TEST_PASSWORD },
  });
  await step('users sorted by email', 200, 'GET', `${U}?order=email`);
  await step('users with a bad order', [400, 'validation_failed'], 'GET', `${U}?order=shoeSize`);
  await step('wrong password', [401, 'invalid_credentials'], 'POST', '/v1/platform/sessions', {
    token: null,
    body: { email: target.adminEmail, password: 'not the password' },
  });
  const session = await step('sign in', 201, 'POST', '/v1/platform/sessions', {
    token: null,
    body: { email: target.adminEmail, password: TEST_PASSWORD },
  });
  const me = await step('me as a session', 200, 'GET', '/v1/platform/me', { token: session.body.token });
  expect(me.body.role).toBe('admin');
  await step('an admin may not mint an owner key', [403, 'forbidden'], 'POST', '/v1/platform/api-keys', {
    token: session.body.token,
    body: { type: 'secret', name: 'escalate', role: 'owner' },
  });
  const adminKey = await step('an admin key', 201, 'POST', '/v1/platform/api-keys', {
    token: session.body.token,
    body: { type: 'secret', name: 'admin key' },
  });
  expect(adminKey.body.role).toBe('admin');
  expect(adminKey.body.createdBy?.type).toBe('user');
  await step('which may not promote to owner', [403, 'forbidden'], 'POST', U, {
    token: adminKey.body.secret,
    body: { email: 'owner2@example.test', name: 'O', role: 'owner', password: TEST_PASSWORD },
  });
  await step('sign out', 200, 'DELETE', '/v1/platform/sessions/current', { token: session.body.token });
  await step('signed-out token', [401, 'session_expired'], 'GET', '/v1/platform/me', {
    token: session.body.token,
  });

  // Invitations: invite, accept (signed in), sign in with the chosen password; a token works once.
  const I = '/v1/platform/invitations';
  const invitee = { email: 'invitee@contract.test', name: 'Invitee', role: 'support' };
  await step('invite an existing user', [409, 'conflict'], 'POST', I, {
    body: { ...invitee, email: target.adminEmail },
  });
  const invited = await step('invite', 201, 'POST', I, { body: invitee });
  await step('invite the same email twice', [409, 'conflict'], 'POST', I, { body: invitee });
  const pending = await step('pending invitations', 200, 'GET', I);
  expect(pending.body.data.map((i: { email: string }) => i.email)).toContain(invitee.email);
  expect(JSON.stringify(pending.body)).not.toContain(invited.body.token);
  await step('accept with a short password', [400, 'validation_failed'], 'POST', `${I}/accept`, {
    token: null,
    body: { token: invited.body.token, password: 'short' },
  });
  const accepted = await step('accept', 201, 'POST', `${I}/accept`, {
    token: null,
    body: { token: invited.body.token, password: 'the invitee chose this' },
  });
  expect(accepted.body.user).toMatchObject({ email: invitee.email, role: 'support' });
  await step('accepted session', 200, 'GET', '/v1/platform/me', { token: accepted.body.token });
  await step('invitee signs in', 201, 'POST', '/v1/platform/sessions', {
    token: null,
    body: { email: invitee.email, password: 'the invitee chose this' },
  });
  await step('reused invitation token', [404, 'not_found'], 'POST', `${I}/accept`, {
    token: null,
    body: { token: invited.body.token, password: 'the invitee chose this' },
  });
  const other = await step('invite another', 201, 'POST', I, {
    body: { ...invitee, email: 'revoked@contract.test' },
  });
  await step('revoke an invitation', 200, 'POST', `${I}/${other.body.id}/revoke`);
  await step('revoked invitation token', [404, 'not_found'], 'POST', `${I}/accept`, {
    token: null,
    body: { token: other.body.token, password: 'the invitee chose this' },
  });

  // Webhook endpoints: the secret shown at creation and rotation only.
  const W = '/v1/platform/webhook-endpoints';
  await step('a webhook receiver over ftp:', [400, 'validation_failed'], 'POST', W, {
    body: { url: 'ftp://hooks.example.test/in', enabledEvents: ['*'] },
  });
  await step('a webhook filter that is no event type', [400, 'validation_failed'], 'POST', W, {
    body: { url: 'https://hooks.example.test/in', enabledEvents: ['*.created'] },
  });
  const hook = await step('create a webhook endpoint', 201, 'POST', W, {
    body: { url: 'https://hooks.example.test/in', enabledEvents: ['product.*'] },
  });
  expect(hook.body.secret).toMatch(/^whsec_/);
  const hooks = await step('list webhook endpoints', 200, 'GET', W);
  expect(JSON.stringify(hooks.body)).not.toContain(hook.body.secret);
  const test = await step('send a test event', 200, 'POST', `${W}/${hook.body.id}/test`);
  await step('list webhook deliveries', 200, 'GET', `${W}/${hook.body.id}/deliveries?status=pending`);
  await step(
    'replay a pending delivery',
    [409, 'invalid_state'],
    'POST',
    `${W}/${hook.body.id}/deliveries/${test.body.id}/replay`,
  );
  await step('replay failed deliveries', 200, 'POST', `${W}/${hook.body.id}/deliveries/replay`, {
    body: { since: '2026-01-01T00:00:00.000Z' },
  });
  await step(
    'replay without a since',
    [400, 'validation_failed'],
    'POST',
    `${W}/${hook.body.id}/deliveries/replay`,
    {
      body: {},
    },
  );
  await step(
    'deliveries of an unknown endpoint',
    [404, 'not_found'],
    'GET',
    `${W}/we_00000000000000000000/deliveries`,
  );
  await step('disable a webhook endpoint', 200, 'PATCH', `${W}/${hook.body.id}`, {
    body: { status: 'disabled' },
  });
  const rotated = await step('rotate a webhook secret', 200, 'POST', `${W}/${hook.body.id}/rotate-secret`, {
    body: { expiresInSeconds: 3600 },
  });
  expect(rotated.body.secret).not.toBe(hook.body.secret);
  await step(
    'replay to a disabled endpoint',
    [409, 'invalid_state'],
    'POST',
    `${W}/${hook.body.id}/deliveries/replay`,
    {
      body: { since: '2026-01-01T00:00:00.000Z' },
    },
  );
  await step('webhook endpoints with a publishable key', [403, 'forbidden'], 'GET', W, {
    token: target.publishable,
  });
  await step('delete a webhook endpoint', 200, 'DELETE', `${W}/${hook.body.id}`);
  await step('a deleted webhook endpoint', [404, 'not_found'], 'GET', `${W}/${hook.body.id}`);

  // API keys.
  const created = await step('create a key', 201, 'POST', '/v1/platform/api-keys', {
    body: { type: 'secret', name: 'ci' },
  });
  await step('use the new key', 200, 'GET', P, { token: created.body.secret });
  const viewer = await step('a viewer key', 201, 'POST', '/v1/platform/api-keys', {
    body: { type: 'secret', name: 'read only', role: 'viewer' },
  });
  await step('a viewer key cannot write', [403, 'forbidden'], 'POST', P, {
    token: viewer.body.secret,
    body: { title: 'x', price },
  });
  await step('a publishable key has no /me', [403, 'forbidden'], 'GET', '/v1/platform/me', {
    token: target.publishable,
  });
  await step('revoke it', 200, 'POST', `/v1/platform/api-keys/${created.body.id}/revoke`);
  await step('revoked key', [401, 'invalid_api_key'], 'GET', P, { token: created.body.secret });

  // Customers: sign-up through a code, sign-in, the signed-in shopper and their addresses, staff reads.
  const CU = '/v1/commerce/customers';
  const buyer = { email: 'shopper.contract@example.test', password: 'shopper password 1' };
  const storefront = { token: target.publishable };
  await step('customer sign-up with a secret key', [403, 'forbidden'], 'POST', `${CU}/sign-up`, {
    body: buyer,
  });
  await step('customer sign-up with a short password', [400, 'validation_failed'], 'POST', `${CU}/sign-up`, {
    ...storefront,
    body: { ...buyer, password: 'short' },
  });
  await step('customer sign-up', 201, 'POST', `${CU}/sign-up`, {
    ...storefront,
    body: { ...buyer, name: 'Ada' },
  });
  await step('customer sign-in before the code', [401, 'invalid_credentials'], 'POST', `${CU}/sign-in`, {
    ...storefront,
    body: buyer,
  });
  await step('an unknown sign-up code', [401, 'invalid_credentials'], 'POST', `${CU}/verify`, {
    ...storefront,
    body: { token: 'cvt_unknown' },
  });
  const code = await target.signUpCode(buyer.email);
  const verified = await step('redeem a sign-up code', 201, 'POST', `${CU}/verify`, {
    ...storefront,
    body: { token: code },
  });
  await step('a used sign-up code', [401, 'invalid_credentials'], 'POST', `${CU}/verify`, {
    ...storefront,
    body: { token: code },
  });
  const signedIn = await step('customer sign-in', 201, 'POST', `${CU}/sign-in`, {
    ...storefront,
    body: buyer,
  });
  await step(
    'customer sign-in with a wrong password',
    [401, 'invalid_credentials'],
    'POST',
    `${CU}/sign-in`,
    {
      ...storefront,
      body: { ...buyer, password: 'not the password' },
    },
  );
  const cst = { token: signedIn.body.token as string };
  const customerId = verified.body.customer.id as string;
  await step('the signed-in customer', 200, 'GET', `${CU}/me`, cst);
  await step('update the signed-in customer', 200, 'PATCH', `${CU}/me`, {
    ...cst,
    body: { phone: '+33 1 23' },
  });
  await step('a new password without the current one', [400, 'validation_failed'], 'PATCH', `${CU}/me`, {
    ...cst,
    body: { password: 'a brand new password' },
  });
  const address = {
    name: 'Ada Lovelace',
    line1: '12 Rue des Lilas',
    city: 'Paris',
    postalCode: '75011',
    countryCode: 'FR',
  };
  const saved = await step('add an address', 201, 'POST', `${CU}/me/addresses`, {
    ...cst,
    body: { address },
  });
  await step('an address with a bad country', [400, 'validation_failed'], 'POST', `${CU}/me/addresses`, {
    ...cst,
    body: { address: { ...address, countryCode: 'France' } },
  });
  await step('list addresses', 200, 'GET', `${CU}/me/addresses`, cst);
  await step('make an address the default', 200, 'PATCH', `${CU}/me/addresses/${saved.body.id}`, {
    ...cst,
    body: { isDefault: true },
  });
  await step('staff routes with a customer token', [403, 'forbidden'], 'GET', CU, cst);
  await step("a shopper's account with a secret key", [403, 'forbidden'], 'GET', `${CU}/me`);
  await step('customers by email', 200, 'GET', `${CU}?email=${encodeURIComponent(buyer.email)}`);
  await step('retrieve a customer', 200, 'GET', `${CU}/${customerId}`);
  await step('an unknown customer', [404, 'not_found'], 'GET', `${CU}/cus_00000000000000000000`);
  await step('update a customer', 200, 'PATCH', `${CU}/${customerId}`, {
    body: { metadata: { vip: 'yes' } },
  });
  await step('delete an address', 200, 'DELETE', `${CU}/me/addresses/${saved.body.id}`, cst);
  await step('a deleted address', [404, 'not_found'], 'DELETE', `${CU}/me/addresses/${saved.body.id}`, cst);
  await step("the signed-in shopper's orders", 200, 'GET', `${CU}/me/orders`, cst);
  await step(
    "another's order for a shopper",
    [404, 'not_found'],
    'GET',
    `${CU}/me/orders/ord_00000000000000000000`,
    cst,
  );
  await step('customer sign-out', 200, 'DELETE', `${CU}/me/session`, cst);
  await step('a signed-out customer token', [401, 'session_expired'], 'GET', `${CU}/me`, cst);

  // Stripe settings: the payment-gateway add-on; secrets never answered; the webhook verifies.
  const ST = '/v1/commerce/payments/stripe';
  await step('Stripe settings without the add-on', [403, 'feature_not_in_plan'], 'GET', ST);
  await step('Stripe settings with a publishable key', [403, 'forbidden'], 'GET', ST, {
    token: target.publishable,
  });
  await step(
    'a Stripe event without a signature',
    [400, 'invalid_signature'],
    'POST',
    `${ST}/webhooks/ten_00000000000000000000`,
    {
      token: null,
      body: { id: 'evt_1', object: 'event', type: 'payment_intent.succeeded' },
    },
  );

  await step('unknown route', [404, 'route_not_found'], 'GET', '/v1/commerce/nothing-here');
  const wrong = await step('wrong method on a known path', [405, 'method_not_allowed'], 'DELETE', P);
  expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST');
  await step('a body that is not JSON', [415, 'unsupported_media_type'], 'POST', P, {
    rawBody: 'title=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await step('a NUL byte in a title', [400, 'validation_failed'], 'POST', P, {
    body: { title: 'a\u0000b', price },
  });
  await step('unknown API version', [400, 'bad_request'], 'GET', P, {
    headers: { 'agentstack-version': '1999-01-01' },
  });
  return outcomes;
}

let serverOutcomes: Outcome[] | undefined;

describe.each(DATABASES)('contract suite on the real server (%s)', (kind) => {
  let t: TestServer;
  let target: Target;
  beforeAll(async () => {
    // The email outbox: customers' sign-up codes arrive there.
    t = await startTestServer(kind, {
      server: { publicUrl: 'http://localhost:4000', email: { outbox: true } },
    });
    const tenant = await createTenant(t, { subscription: STARTER.subscription, limitOverrides: LIMITS });
    const admin = await createUser(t, tenant.secretKey, 'admin');
    target = {
      request: (method, path, init) => send(t.url, method, path, init),
      operator: t.operatorKey,
      secret: tenant.secretKey,
      publishable: tenant.publishableKey,
      adminEmail: admin.email,
      async signUpCode(email) {
        const outbox = await t.request('GET', '/v1/platform/outbox/messages', { token: tenant.secretKey });
        const message = outbox.body.data.find((m: { to: string }) => m.to === email);
        return /cvt_[0-9A-Za-z]+/.exec(message?.text ?? '')?.[0] ?? 'cvt_missing';
      },
    };
  });
  afterAll(() => t?.stop());

  it('answers every step as the contract says', async () => {
    const outcomes = await runSuite(target);
    if (serverOutcomes) expect(outcomes).toEqual(serverOutcomes);
    serverOutcomes = outcomes;
    // A long black-box walk (every resource's steps): a budget for shared, loaded machines.
  }, 300_000);
});

describe('contract suite on the msw mocks', () => {
  const api = createMockApi({ baseUrl: MOCK_BASE, tenant: 'starter', products: 0, limitOverrides: LIMITS });
  const msw = setupServer(...api.handlers);
  beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => msw.close());

  it('answers every step exactly as the server does', async () => {
    const admin = api.db.users.find((u) => u.role === 'admin')!;
    api.db.passwords.set(admin.id, TEST_PASSWORD);
    const outcomes = await runSuite({
      request: (method, path, init) => send(MOCK_BASE, method, path, init),
      operator: 'op_contract',
      secret: 'sk_contract',
      publishable: 'pk_contract',
      adminEmail: admin.email,
      async signUpCode(email) {
        for (const [code, pending] of api.db.customerSignUps) if (pending.email === email) return code;
        return 'cvt_missing';
      },
    });
    // The server suite ran first in this file (vitest runs describes in order).
    expect(serverOutcomes).toBeDefined();
    expect(outcomes).toEqual(serverOutcomes);
  }, 300_000);
});
