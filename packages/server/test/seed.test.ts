import { DEMO_BRANDS, DEMO_PRODUCTS, DEMO_TENANTS } from '@agentstack/sdk/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/app';
import { type DemoCredentials, formatDemoCredentials, seedDemo } from '../src/seed';
import { createPostgresDatabase, DATABASES, startTestServer, type TestServer } from './harness';

describe.each(DATABASES)('seedDemo (%s)', (kind) => {
  let t: TestServer;
  let creds: DemoCredentials;

  beforeAll(async () => {
    t = await startTestServer(kind);
    // The harness installs an operator key; seeding wants a truly empty database.
    await t.server.context.database.query('delete from operator_keys');
    const seeded = await seedDemo(t.server.context, { operatorKey: 'op_knownDemoOperatorKey0123456789' });
    expect(seeded).not.toBeNull();
    creds = seeded!;
  });
  afterAll(() => t?.stop());

  it('creates the three demo tenants with keys, plans and users', () => {
    expect(creds.operatorKey).toBe('op_knownDemoOperatorKey0123456789');
    expect(creds.tenants.map((x) => x.slug)).toEqual(['starter', 'growth', 'enterprise']);
    for (const tenant of creds.tenants) {
      expect(tenant.id).toMatch(/^ten_/);
      expect(tenant.secretKey).toMatch(/^sk_/);
      expect(tenant.publishableKey).toMatch(/^pk_/);
    }
    expect(creds.tenants[0]!.plans).toMatchObject({ platform: 'Starter', commerce: 'Startup' });
    expect(creds.tenants[2]!.plans.platform).toBe('Enterprise');
  });

  it('seeds only once: a second call answers null and adds nothing', async () => {
    expect(await seedDemo(t.server.context)).toBeNull();
    const list = await t.request('GET', '/v1/platform/tenants?limit=100', { token: creds.operatorKey });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(3);
  });

  it("lists each tenant's demo products with its secret key", async () => {
    for (const [i, demo] of DEMO_TENANTS.entries()) {
      const key = creds.tenants[i]!.secretKey;
      const first = await t.request('GET', '/v1/commerce/products?limit=100', { token: key });
      expect(first.status).toBe(200);
      expect(first.body.data).toHaveLength(demo.productCount);
      expect(first.body.data.map((p: { sku: string }) => p.sku).sort()).toEqual(
        DEMO_PRODUCTS.slice(0, demo.productCount)
          .map((p) => p.sku)
          .sort(),
      );
      // Newest first: the catalogue's last product leads.
      expect(first.body.data[0].sku).toBe(DEMO_PRODUCTS[demo.productCount - 1]!.sku);
    }
    const entitlements = await t.request('GET', '/v1/platform/entitlements', {
      token: creds.tenants[0]!.secretKey,
    });
    expect(entitlements.body.limits['commerce.products'].used).toBeGreaterThan(0);
    expect(entitlements.body.limits['platform.dashboardUsers'].used).toBe(1);
  });

  it('signs the seeded owners in', async () => {
    for (const tenant of creds.tenants) {
      const res = await t.request('POST', '/v1/platform/sessions', { body: tenant.user });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        tenantId: tenant.id,
        user: { role: 'owner', email: tenant.user.email },
      });
      const me = await t.request('GET', '/v1/platform/me', { token: res.body.token });
      expect(me.body).toMatchObject({ kind: 'session', tenantName: tenant.name, role: 'owner' });
    }
  });

  it('brands the tenants through their agencies', async () => {
    const brands = await Promise.all(
      creds.tenants.map(
        async (x) => (await t.request('GET', '/v1/platform/brand', { token: x.publishableKey })).body,
      ),
    );
    expect(brands.map((b) => b.name).sort()).toEqual([
      DEMO_BRANDS.aurora.name,
      DEMO_BRANDS.aurora.name,
      DEMO_BRANDS.nocturne.name,
    ]);
    const enterprise = creds.tenants.findIndex((x) => x.slug === 'enterprise');
    expect(brands[enterprise]).toEqual(DEMO_BRANDS.nocturne);
    const agencies = await t.request('GET', '/v1/platform/agencies', { token: creds.operatorKey });
    expect(agencies.body.data).toHaveLength(2);
  });

  it('formats the credentials for the terminal', () => {
    const text = formatDemoCredentials(creds, 'http://127.0.0.1:4321');
    expect(text).toContain(creds.operatorKey);
    for (const tenant of creds.tenants) {
      expect(text).toContain(tenant.secretKey);
      expect(text).toContain(tenant.publishableKey);
      expect(text).toContain(tenant.user.email);
      expect(text).toContain(tenant.user.password);
    }
    expect(text).toContain(
      `curl -H "Authorization: Bearer ${creds.tenants[0]!.secretKey}" http://127.0.0.1:4321/v1/commerce/products`,
    );
  });
});

describe.each(DATABASES)('seedDemo on a non-empty database (%s)', (kind) => {
  it('does nothing when an operator key exists', async () => {
    const t = await startTestServer(kind);
    try {
      expect(await seedDemo(t.server.context)).toBeNull();
      const tenants = await t.request('GET', '/v1/platform/tenants', { token: t.operatorKey });
      expect(tenants.body.data).toHaveLength(0);
    } finally {
      await t.stop();
    }
  });

  it.skipIf(kind !== 'postgres')(
    'seeds once when two servers start on the same database at the same time',
    async () => {
      const db = await createPostgresDatabase();
      const [one, two] = await Promise.all([
        createServer({ databaseUrl: db.url, logLevel: 'silent' }),
        createServer({ databaseUrl: db.url, logLevel: 'silent' }),
      ]);
      try {
        const results = await Promise.all([seedDemo(one.context), seedDemo(two.context)]);
        expect(results.filter((r) => r !== null)).toHaveLength(1);
        const [row] = await one.context.database.query<{ n: number }>(
          'select count(*)::int as n from tenants',
        );
        expect(row!.n).toBe(3);
      } finally {
        await one.stop();
        await two.stop();
        await db.drop();
      }
    },
  );
});
