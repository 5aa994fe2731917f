import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from './harness';

const body = (i: number) => ({
  title: `Item ${i}`,
  sku: `ITEM-${i}`,
  price: { amount: 1000, currency: 'EUR' },
});

// These tests race two server instances on one database, as behind a load balancer. PGlite is one
// in-process connection that a second instance cannot share, so there they would only race one
// instance against itself and pass without proving anything.
const PGLITE_REASON =
  'concurrency tests need two server instances on one PostgreSQL database (TEST_DATABASE_URL); PGlite cannot be shared by two instances, so they would pass vacuously';

describe.each(DATABASES)('concurrency across two instances on %s', (kind) => {
  if (kind === 'pglite') {
    console.log(`skipped on PGlite: ${PGLITE_REASON}`);
    it.skip(`skipped on PGlite: ${PGLITE_REASON}`, () => {});
    return;
  }
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    a = await startTestServer(kind);
    b = await startTestServer(kind, { databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.server.stop();
    await a?.stop();
  });

  it('runs two instances, each with its own pool, on one database', () => {
    expect(b.url).not.toBe(a.url);
    expect(b.server.context.database).not.toBe(a.server.context.database);
    expect(b.databaseUrl).toBe(a.databaseUrl);
  });

  it('applies one effect for many concurrent requests with the same Idempotency-Key', async () => {
    const { secretKey } = await createTenant(a);
    const headers = { 'idempotency-key': 'create-item-1' };
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? b : a).request('POST', '/v1/commerce/products', {
          token: secretKey,
          body: body(1),
          headers,
        }),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    const inProgress = responses.filter((r) => r.status === 409);
    expect(created.length + inProgress.length).toBe(24);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of inProgress) expect(r.body.code).toBe('idempotency_in_progress');

    const replay = await a.request('POST', '/v1/commerce/products', {
      token: secretKey,
      body: body(1),
      headers,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(created[0]!.body.id);

    const list = await a.request('GET', '/v1/commerce/products?limit=100', { token: secretKey });
    expect(list.body.data).toHaveLength(1);

    const conflict = await b.request('POST', '/v1/commerce/products', {
      token: secretKey,
      body: body(2),
      headers,
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('idempotency_conflict');
  });

  it('replays stored errors and re-runs nothing for a key whose request failed with 4xx', async () => {
    const { secretKey } = await createTenant(a, { limitOverrides: { 'commerce.products': 0 } });
    const headers = { 'idempotency-key': 'over-limit' };
    const first = await a.request('POST', '/v1/commerce/products', {
      token: secretKey,
      body: body(3),
      headers,
    });
    expect(first.status).toBe(402);
    const second = await b.request('POST', '/v1/commerce/products', {
      token: secretKey,
      body: body(3),
      headers,
    });
    expect(second.status).toBe(402);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.requestId).toBe(first.body.requestId);
  });

  it('never lets concurrent creates pass the product limit', async () => {
    const { secretKey } = await createTenant(a, { limitOverrides: { 'commerce.products': 10 } });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? b : a).request('POST', '/v1/commerce/products', { token: secretKey, body: body(100 + i) }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 402)).toHaveLength(40);
    const ent = await b.request('GET', '/v1/platform/entitlements', { token: secretKey });
    expect(ent.body.limits['commerce.products']).toEqual({ limit: 10, used: 10 });
  });

  it('runs creates of a tenant without a product limit side by side, every one counted and listed', async () => {
    const { secretKey } = await createTenant(a, { limitOverrides: { 'commerce.products': null } });
    const list = (t: TestServer) => t.request('GET', '/v1/commerce/products?limit=100', { token: secretKey });
    expect((await list(b)).body.data).toEqual([]);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? b : a).request('POST', '/v1/commerce/products', { token: secretKey, body: body(900 + i) }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(201));
    expect((await list(b)).body.data).toHaveLength(40);
    const ent = await a.request('GET', '/v1/platform/entitlements', { token: secretKey });
    expect(ent.body.limits['commerce.products']).toEqual({ limit: null, used: 40 });
  });

  it('keys scope per tenant: the same key in two tenants is two requests', async () => {
    const one = await createTenant(a);
    const two = await createTenant(a);
    const headers = { 'idempotency-key': 'shared-key' };
    const r1 = await a.request('POST', '/v1/commerce/products', {
      token: one.secretKey,
      body: body(7),
      headers,
    });
    const r2 = await b.request('POST', '/v1/commerce/products', {
      token: two.secretKey,
      body: body(7),
      headers,
    });
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect(r1.body.id).not.toBe(r2.body.id);
  });

  it('serves catalogue pages that are never staler than the last committed write, on every instance', async () => {
    const { secretKey } = await createTenant(a);
    const list = async (t: TestServer) =>
      (await t.request('GET', '/v1/commerce/products?limit=5', { token: secretKey })).body.data.map(
        (p: { title: string }) => p.title,
      );
    expect(await list(a)).toEqual([]);
    expect(await list(b)).toEqual([]);
    const created = await b.request('POST', '/v1/commerce/products', { token: secretKey, body: body(500) });
    expect(await list(a)).toEqual(['Item 500']);
    await a.request('PATCH', `/v1/commerce/products/${created.body.id}`, {
      token: secretKey,
      body: { title: 'Renamed' },
    });
    expect(await list(b)).toEqual(['Renamed']);
    expect(await list(a)).toEqual(['Renamed']);
    await b.request('POST', `/v1/commerce/products/${created.body.id}/archive`, { token: secretKey });
    const statuses = (await a.request('GET', '/v1/commerce/products', { token: secretKey })).body.data.map(
      (p: { status: string }) => p.status,
    );
    expect(statuses).toEqual(['archived']);
  });
});
