import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from './harness';

/** Writes `chunks` on a raw socket and resolves with everything read once the server closes it. */
function rawExchange(url: string, chunks: string[]): Promise<{ text: string; status: number; body: any }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (data) => {
      text += data;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const raw = text.slice(text.indexOf('\r\n\r\n') + 4);
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      resolve({ text, status, body });
    });
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
  });
}

const product = { title: 'Mug', price: { amount: 1200, currency: 'EUR' } };

describe.each(DATABASES)('HTTP edge on %s', (kind) => {
  let t: TestServer;
  let sk: string;
  beforeAll(async () => {
    t = await startTestServer(kind);
    sk = (await createTenant(t)).secretKey;
  });
  afterAll(() => t?.stop());

  it('accepts only application/json bodies on JSON operations (415 otherwise)', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await t.request('POST', '/v1/commerce/products', {
        token: sk,
        rawBody: JSON.stringify(product),
        headers: { 'content-type': type },
      });
      expect(res.status, type).toBe(415);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('unsupported_media_type');
    }
    const untyped = await fetch(`${t.url}/v1/commerce/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sk}`, 'content-type': '' },
      body: new Blob([JSON.stringify(product)]),
    });
    expect(untyped.status).toBe(415);
    const charset = await t.request('POST', '/v1/commerce/products', {
      token: sk,
      rawBody: JSON.stringify(product),
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
    });
    expect(charset.status).toBe(201);
    // An action without a body needs no Content-Type.
    const archive = await t.request('POST', `/v1/commerce/products/${charset.body.id}/archive`, {
      token: sk,
    });
    expect(archive.status).toBe(200);
  });

  it('keeps idle connections longer than the load balancer or client in front (no reuse race)', async () => {
    // A server that closes an idle connection first races the client reusing it, and the client
    // gets a reset instead of an answer. Node announces its idle timeout in Keep-Alive.
    const keepAlive = await fetch(`${t.url}/healthz`);
    await keepAlive.arrayBuffer();
    expect(keepAlive.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const del = await t.request('DELETE', '/v1/commerce/products', { token: sk });
    expect(del.status).toBe(405);
    expect(del.headers.get('content-type')).toContain('application/problem+json');
    expect(del.body.code).toBe('method_not_allowed');
    expect(del.headers.get('allow')).toBe('GET, HEAD, POST');
    const put = await t.request('PUT', '/v1/commerce/products/prod_0123456789', { token: sk, body: product });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, PATCH');
    const health = await t.request('POST', '/healthz');
    expect(health.status).toBe(405);
    expect(health.headers.get('allow')).toBe('GET, HEAD');
    expect((await t.request('GET', '/v1/commerce/nothing')).status).toBe(404);
  });

  it('answers oversized URLs and headers with problem+json', async () => {
    const longQuery = await t.request('GET', `/v1/commerce/products?query=${'a'.repeat(9000)}`, {
      token: sk,
    });
    expect(longQuery.status).toBe(414);
    expect(longQuery.headers.get('content-type')).toContain('application/problem+json');
    expect(longQuery.body.code).toBe('uri_too_long');

    // Past Node's header limit the request never reaches the app: answered at the socket.
    const hugeUrl = await rawExchange(t.url, [
      `GET /v1/commerce/products?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ]);
    expect(hugeUrl.status).toBe(414);
    expect(hugeUrl.text).toContain('Content-Type: application/problem+json');
    expect(hugeUrl.body.code).toBe('uri_too_long');

    const hugeHeader = await rawExchange(t.url, [
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    ]);
    expect(hugeHeader.status).toBe(431);
    expect(hugeHeader.text).toContain('Content-Type: application/problem+json');
    expect(hugeHeader.body.code).toBe('header_fields_too_large');

    const garbage = await rawExchange(t.url, ['NOT HTTP AT ALL\r\n\r\n']);
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('bad_request');
  });
});

describe.each(DATABASES)('slow clients on %s', (kind) => {
  let t: TestServer;
  let sk: string;
  beforeAll(async () => {
    t = await startTestServer(kind, {
      server: { bodyTimeoutMs: 200, headersTimeoutMs: 200, requestTimeoutMs: 1000 },
    });
    sk = (await createTenant(t)).secretKey;
  });
  afterAll(() => t?.stop());

  it('cuts off a body that stops arriving: 408 problem and the connection closed', async () => {
    const res = await rawExchange(t.url, [
      'POST /v1/commerce/products HTTP/1.1\r\nHost: x\r\n' +
        `Authorization: Bearer ${sk}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ti`,
    ]);
    // rawExchange resolves only once the server closed the socket.
    expect(res.status).toBe(408);
    expect(res.text).toContain('application/problem+json');
    expect(res.body.code).toBe('request_timeout');
  });

  it('cuts off headers that stop arriving: 408 problem and the connection closed', async () => {
    const res = await rawExchange(t.url, ['GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: 1']);
    expect(res.status).toBe(408);
    expect(res.body.code).toBe('request_timeout');
  });
});
