import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCustomer,
  createTenant,
  DATABASES,
  EMAIL_OUTBOX,
  startTestServer,
  type TestResponse,
  type TestServer,
} from './harness';

/** Every bad input is a 400 problem naming the field, on every string the contract accepts. */
function expectRejected(res: TestResponse, param: string, code = 'validation_failed'): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.code).toBe(code);
  expect(res.body.param).toBe(param);
}

const NUL = '\u0000';
const LONE = '\ud800';
const product = (extra: Record<string, unknown> = {}) => ({
  title: 'Mug',
  price: { amount: 1200, currency: 'EUR' },
  ...extra,
});

describe.each(DATABASES)('input rules on %s', (kind) => {
  let t: TestServer;
  let sk: string;
  /** A customer token, for the signed-in shopper's reads. */
  let cst: string;
  beforeAll(async () => {
    t = await startTestServer(kind, { server: EMAIL_OUTBOX });
    const tenant = await createTenant(t);
    sk = tenant.secretKey;
    cst = (await createCustomer(t, tenant)).token;
  });
  afterAll(() => t?.stop());

  it('rejects NUL, control characters and lone surrogates in every body string, naming the field', async () => {
    for (const bad of [NUL, LONE, '\u0007']) {
      const post = (path: string, body: unknown, token = sk) => t.request('POST', path, { token, body });
      expectRejected(await post('/v1/commerce/products', product({ title: `a${bad}b` })), 'title');
      expectRejected(await post('/v1/commerce/products', product({ description: bad })), 'description');
      expectRejected(await post('/v1/commerce/products', product({ metadata: { k: bad } })), 'metadata.k');
      const keyed = await post('/v1/commerce/products', product({ metadata: { [`k${bad}`]: 'v' } }));
      expect(keyed.status).toBe(400);
      expect(keyed.body.param).toMatch(/^metadata/);
      expectRejected(await post('/v1/platform/api-keys', { type: 'secret', name: bad }), 'name');
      expectRejected(
        await post('/v1/platform/users', {
          email: `a${bad}@x.test`,
          name: 'A',
          role: 'viewer',
          password: 'x'.repeat(12),
        }),
        'email',
      );
      expectRejected(
        await post('/v1/platform/users', {
          email: 'a@x.test',
          name: bad,
          role: 'viewer',
          password: 'x'.repeat(12),
        }),
        'name',
      );
      expectRejected(await post('/v1/platform/sessions', { email: 'a@x.test', password: bad }), 'password');
      expectRejected(
        await post(
          '/v1/platform/tenants',
          { name: bad, subscription: { platform: 'starter', commerce: null, fintech: null, social: null } },
          t.operatorKey,
        ),
        'name',
      );
      expectRejected(
        await post(
          '/v1/platform/agencies',
          {
            name: 'Agency',
            brand: {
              name: bad,
              logoUrl: null,
              primaryColor: '#000000',
              accentColor: '#ffffff',
              colorScheme: 'light',
            },
          },
          t.operatorKey,
        ),
        'brand.name',
      );
    }
  });

  it('rejects NUL in path ids and query strings; undecodable escapes never reach the database', async () => {
    const bad = '%00';
    expectRejected(await t.request('GET', `/v1/commerce/products/prod_${bad}`, { token: sk }), 'id');
    expectRejected(
      await t.request('PATCH', `/v1/commerce/products/prod_${bad}`, { token: sk, body: { title: 'x' } }),
      'id',
    );
    expectRejected(
      await t.request('GET', `/v1/commerce/products?startingAfter=a${bad}`, { token: sk }),
      'startingAfter',
    );
    expectRejected(await t.request('GET', `/v1/commerce/products?query=a${bad}`, { token: sk }), 'query');
    expectRejected(
      await t.request('GET', `/v1/platform/users?startingAfter=${bad}`, { token: sk }),
      'startingAfter',
    );
    // A surrogate cannot be percent-encoded in UTF-8: the escape stays as it is, a harmless string.
    const surrogate = '%ED%A0%80';
    expect((await t.request('GET', `/v1/commerce/products/prod_${surrogate}`, { token: sk })).status).toBe(
      404,
    );
    expect((await t.request('GET', `/v1/commerce/products?query=${surrogate}`, { token: sk })).status).toBe(
      200,
    );
    // A lone surrogate written as a JSON escape arrives intact: rejected too.
    const raw = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      rawBody: '{"title":"\\udc00","price":{"amount":1,"currency":"EUR"}}',
      headers: { 'content-type': 'application/json' },
    });
    expectRejected(raw, 'title');
  });

  it('accepts only ISO 4217 currencies', async () => {
    expectRejected(
      await t.request('POST', '/v1/commerce/products', {
        token: sk,
        body: product({ price: { amount: 1, currency: 'ZZZ' } }),
      }),
      'price.currency',
    );
    const ok = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      body: product({ price: { amount: 1, currency: 'JPY' } }),
    });
    expect(ok.status).toBe(201);
  });

  it('accepts https URLs, and http only for localhost', async () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://example.com/a.png',
      'http://example.com/a.png',
      `https://example.com/${'a'.repeat(2100)}`,
    ]) {
      expectRejected(
        await t.request('POST', '/v1/commerce/products', { token: sk, body: product({ imageUrl: url }) }),
        'imageUrl',
      );
      expectRejected(
        await t.request('POST', '/v1/platform/agencies', {
          token: t.operatorKey,
          body: {
            name: 'Agency',
            brand: {
              name: 'B',
              logoUrl: url,
              primaryColor: '#000000',
              accentColor: '#ffffff',
              colorScheme: 'light',
            },
          },
        }),
        'brand.logoUrl',
      );
    }
    for (const url of [
      'https://cdn.example.com/a.png',
      'http://localhost:3000/a.png',
      'http://127.0.0.1/a.png',
    ]) {
      const ok = await t.request('POST', '/v1/commerce/products', {
        token: sk,
        body: product({ imageUrl: url }),
      });
      expect(ok.status, url).toBe(201);
    }
  });

  it('accepts only plain decimal integers as query numbers', async () => {
    for (const limit of ['1e1', '0x10', '%205', '%2B5', '5.0', '-1', '', 'Infinity', '0b11']) {
      expectRejected(await t.request('GET', `/v1/commerce/products?limit=${limit}`, { token: sk }), 'limit');
    }
    expect((await t.request('GET', '/v1/commerce/products?limit=5', { token: sk })).status).toBe(200);
  });

  it('rejects unknown query parameters on every read, as bodies do', async () => {
    const doc = (await t.request('GET', '/openapi.json')).body;
    const lists = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path, ops]) => ops.get && !path.includes('{'))
      .map(([path]) => path);
    expect(lists.length).toBeGreaterThan(4);
    for (const path of lists) {
      let res = await t.request('GET', `${path}?bogus=1`, { token: sk });
      if (res.status === 403) res = await t.request('GET', `${path}?bogus=1`, { token: t.operatorKey });
      if (res.status === 403) res = await t.request('GET', `${path}?bogus=1`, { token: cst });
      expect(res.status, path).toBe(400);
      // Reads with a required parameter (the realtime stream's topics) report that one too.
      const errors = (res.body.errors ?? []) as Array<{ code: string; param?: string }>;
      expect(
        errors.some((e) => e.code === 'unknown_field' && e.param === 'bogus'),
        `${path}: ${JSON.stringify(errors)}`,
      ).toBe(true);
    }
  });

  it('rejects members named __proto__ anywhere in a body, however escaped', async () => {
    for (const raw of [
      '{"title":"a","price":{"amount":1,"currency":"EUR"},"metadata":{"__proto__":{"a":"b"}}}',
      '{"title":"a","price":{"amount":1,"currency":"EUR"},"metadata":{"\\u005f_proto__":"x"}}',
      '{"__proto__":{"title":"a"},"title":"b","price":{"amount":1,"currency":"EUR"}}',
    ]) {
      const res = await t.request('POST', '/v1/commerce/products', {
        token: sk,
        rawBody: raw,
        headers: { 'content-type': 'application/json' },
      });
      expectRejected(res, '__proto__');
    }
  });

  it('enforces the documented metadata bounds', async () => {
    const post = (metadata: Record<string, string>) =>
      t.request('POST', '/v1/commerce/products', { token: sk, body: product({ metadata }) });
    const keys = (n: number, value = 'v') =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));
    expect((await post(keys(50))).status).toBe(201);
    expectRejected(await post(keys(51)), 'metadata');
    const longKey = await post({ ['k'.repeat(41)]: 'v' });
    expect(longKey.status).toBe(400);
    expect(longKey.body.param).toMatch(/^metadata/);
    expectRejected(await post({ k: 'v'.repeat(501) }), 'metadata.k');
    // 50 keys × 500 characters of three UTF-8 bytes each is over the 16 KiB total.
    expectRejected(await post(keys(50, '€'.repeat(500))), 'metadata');
    expect((await post({ '': 'v' })).status).toBe(400);
  });
});
