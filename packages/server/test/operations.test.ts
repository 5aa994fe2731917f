import { request as httpRequest } from 'node:http';
import { Validator } from '@seriousme/openapi-schema-validator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from './harness';

describe.each(DATABASES)('operations on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.stop());

  it('answers health and readiness', async () => {
    expect((await t.request('GET', '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await t.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: kind });
  });

  it('serves a valid OpenAPI 3.1 document built from the shared schemas', async () => {
    const doc = await t.request('GET', '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(
      doc.body.paths['/v1/commerce/products'].post.requestBody.content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/ProductCreate',
    });
    expect(doc.body.components.schemas.Product.properties.price.properties.amount.type).toBe('integer');
  });

  it('counts requests in Prometheus text by route pattern', async () => {
    const { secretKey } = await createTenant(t);
    await t.request('GET', '/v1/commerce/products', { token: secretKey });
    const res = await fetch(`${t.url}/metrics`);
    const text = await res.text();
    expect(text).toMatch(
      /agentstack_http_requests_total\{method="GET",route="\/v1\/commerce\/products",status="200"\} \d+/,
    );
    expect(text).toContain('# TYPE agentstack_http_request_duration_seconds histogram');
    expect(text).toMatch(/agentstack_process_resident_memory_bytes \d+/);
  });

  it('answers CORS preflights and marks responses for browsers', async () => {
    const pre = await fetch(`${t.url}/v1/commerce/products`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const { secretKey } = await createTenant(t);
    const res = await t.request('GET', '/v1/commerce/products', {
      token: secretKey,
      headers: { origin: 'https://shop.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('Request-Id');
    const denied = await t.request('GET', '/v1/nothing', { headers: { origin: 'https://shop.example' } });
    expect(denied.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers every error as problem+json with a request id', async () => {
    const unknown = await t.request('GET', '/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ code: 'route_not_found', status: 404, title: 'Not Found' });
    expect(unknown.body.requestId).toBe(unknown.headers.get('request-id'));

    const echoed = await t.request('GET', '/healthz', { headers: { 'request-id': 'trace-abc.123' } });
    expect(echoed.headers.get('request-id')).toBe('trace-abc.123');

    const { secretKey } = await createTenant(t);
    const big = await postDeclaringLength(`${t.url}/v1/commerce/products`, secretKey, 2 * 1024 * 1024);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).code).toBe('payload_too_large');

    const version = await t.request('GET', '/v1/commerce/products', {
      token: secretKey,
      headers: { 'agentstack-version': '1999-01-01' },
    });
    expect(version.status).toBe(400);
    expect(version.body.param).toBe('AgentStack-Version');

    const operatorOnTenantRoute = await t.request('GET', '/v1/commerce/products', { token: t.operatorKey });
    expect(operatorOnTenantRoute.status).toBe(403);
    const tenantOnOperatorRoute = await t.request('GET', '/v1/platform/tenants', { token: secretKey });
    expect(tenantOnOperatorRoute.status).toBe(403);

    const body = await t.request('POST', `/v1/commerce/products/prod_x/archive`, {
      token: secretKey,
      body: { extra: 1 },
    });
    expect(body.status).toBe(400);
    expect(body.body.code).toBe('validation_failed');
  });

  it('lets operators manage tenants and plans, validating add-ons', async () => {
    const bad = await t.request('POST', '/v1/platform/tenants', {
      token: t.operatorKey,
      body: {
        name: 'Acme',
        subscription: { platform: 'starter', commerce: null, fintech: null, social: null },
        addons: ['commerce_payment_gateway'],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.param).toBe('addons.0');
    const { tenantId, secretKey } = await createTenant(t, {
      subscription: { platform: 'starter', commerce: 'commerce_startup', fintech: null, social: null },
    });
    let ent = await t.request('GET', '/v1/platform/entitlements', { token: secretKey });
    expect(ent.body.features).not.toContain('commerce.bulkOperations');
    expect(ent.body.limits['commerce.products']).toEqual({ limit: 1000, used: 0 });
    const up = await t.request('PATCH', `/v1/platform/tenants/${tenantId}`, {
      token: t.operatorKey,
      body: { subscription: { commerce: 'commerce_growth' }, addons: ['commerce_advanced_analytics'] },
    });
    expect(up.status).toBe(200);
    expect(up.body.subscription).toEqual({
      platform: 'starter',
      commerce: 'commerce_growth',
      fintech: null,
      social: null,
    });
    ent = await t.request('GET', '/v1/platform/entitlements', { token: secretKey });
    expect(ent.body.features).toEqual(
      expect.arrayContaining(['commerce.bulkOperations', 'commerce.advancedAnalytics']),
    );
    expect(ent.body.limits['commerce.products'].limit).toBe(10000);
    const plans = await t.request('GET', '/v1/platform/plans', { token: secretKey });
    expect(plans.body.data.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([
        'commerce_startup',
        'fintech_scaling',
        'social_platform',
        'social_live_streaming',
      ]),
    );
  });

  it('revokes API keys at once', async () => {
    const { secretKey } = await createTenant(t);
    const created = await t.request('POST', '/v1/platform/api-keys', {
      token: secretKey,
      body: { type: 'secret', name: 'ci' },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^sk_/);
    const list = await t.request('GET', '/v1/platform/api-keys', { token: secretKey });
    expect(list.body.data.some((k: Record<string, unknown>) => 'secret' in k)).toBe(false);
    expect((await t.request('GET', '/v1/commerce/products', { token: created.body.secret })).status).toBe(
      200,
    );
    const revoked = await t.request('POST', `/v1/platform/api-keys/${created.body.id}/revoke`, {
      token: secretKey,
    });
    expect(revoked.body.revokedAt).not.toBeNull();
    const after = await t.request('GET', '/v1/commerce/products', { token: created.body.secret });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid_api_key');
  });
});

describe('graceful shutdown', () => {
  it('finishes a request that is in flight when stop() is called', async () => {
    const t = await startTestServer('pglite');
    const { secretKey } = await createTenant(t);
    const body = JSON.stringify({ title: 'Late arrival', price: { amount: 100, currency: 'EUR' } });
    const req = httpRequest(`${t.url}/v1/commerce/products`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secretKey}`,
        'content-type': 'application/json',
        'content-length': String(body.length),
        // The server answers 100 Continue once it has parsed the headers and started the request.
        expect: '100-continue',
      },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
    });
    await new Promise<void>((resolve) => req.once('continue', () => resolve()));
    const stopped = t.stop();
    req.end(body);
    const res = await response;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body).title).toBe('Late arrival');
    await stopped;
  });

  it('stops accepting, finishes, and closes the database', async () => {
    const t = await startTestServer('pglite');
    expect((await t.request('GET', '/healthz')).status).toBe(200);
    await t.stop();
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
  });
});

/** Declares a body larger than the limit and reads the answer the server gives before reading it. */
function postDeclaringLength(
  url: string,
  token: string,
  length: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': String(length),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!('code' in error) || (error.code !== 'EPIPE' && error.code !== 'ECONNRESET')) reject(error);
    });
    req.write('{"title":"');
  });
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('database resilience on postgres', () => {
  it('survives PostgreSQL terminating its idle connections', async () => {
    const t = await startTestServer('postgres');
    try {
      const { secretKey } = await createTenant(t);
      expect((await t.request('GET', '/v1/commerce/products', { token: secretKey })).status).toBe(200);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const name = new URL(t.databaseUrl!).pathname.slice(1);
      const killed = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      // The pool discards the dead connections and the next request opens fresh ones.
      const after = await t.request('GET', '/v1/commerce/products', { token: secretKey });
      expect(after.status).toBe(200);
      expect((await t.request('GET', '/readyz')).status).toBe(200);
    } finally {
      await t.stop();
    }
  });
});
