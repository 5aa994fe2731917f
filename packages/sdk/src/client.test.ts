import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentStack, API_VERSION } from './client';
import {
  type AgentStackError,
  ConnectionError,
  IdempotencyError,
  isAgentStackError,
  isConnectionError,
  isRateLimitError,
  isTimeoutError,
  type RateLimitError,
} from './errors';
import { PagePromise } from './pagination';
import { sleep } from './sleep';

// The client waits only through `sleep`: record the waits instead of waiting, so retry tests are
// exact and instant.
vi.mock('./sleep', () => ({
  sleep: vi.fn(async (_ms: number, signal?: AbortSignal) => signal?.throwIfAborted()),
}));
const waits = () => vi.mocked(sleep).mock.calls.map(([ms]) => ms);

const BASE = 'https://api.test';
const server = setupServer();
const client = new AgentStack({ apiKey: 'sk_test_123', baseUrl: BASE });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => vi.mocked(sleep).mockClear());
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const product = {
  id: 'prod_01ABCDEFGH',
  object: 'product',
  title: 'Mug',
  description: '',
  sku: null,
  status: 'draft',
  price: { amount: 1200, currency: 'EUR' },
  inventoryQuantity: 0,
  imageUrl: null,
  metadata: {},
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  archivedAt: null,
};

function problem(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(
    {
      type: `https://agentstack.dev/errors/${code}`,
      title: code,
      status,
      code,
      requestId: 'req_1',
      ...extra,
    },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

/** Records every request a handler saw. */
function recorder(respond: (attempt: number, request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const resolver = async ({ request }: { request: Request }) => {
    requests.push(request.clone());
    return respond(requests.length, request);
  };
  return { requests, resolver };
}

describe('requests', () => {
  it('sends auth, version and JSON, and an Idempotency-Key on POST only', async () => {
    const { requests, resolver } = recorder(() => HttpResponse.json(product, { status: 201 }));
    server.use(
      http.post(`${BASE}/v1/commerce/products`, resolver),
      http.get(`${BASE}/v1/commerce/products/:id`, resolver),
    );

    const created = await client.commerce.products.create({
      title: 'Mug',
      price: { amount: 1200, currency: 'EUR' },
    });
    await client.commerce.products.retrieve('prod_01ABCDEFGH');

    expect(created).toEqual(product);
    const [post, get] = requests;
    expect(post?.headers.get('authorization')).toBe('Bearer sk_test_123');
    expect(post?.headers.get('agentstack-version')).toBe(API_VERSION);
    expect(post?.headers.get('content-type')).toBe('application/json');
    expect(post?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post?.json()).toEqual({ title: 'Mug', price: { amount: 1200, currency: 'EUR' } });
    expect(get?.headers.get('idempotency-key')).toBeNull();
    expect(get?.method).toBe('GET');
  });

  it('merges client and per-call headers, honours apiVersion and a caller-chosen idempotency key', async () => {
    const { requests, resolver } = recorder(() => HttpResponse.json(product));
    server.use(http.post(`${BASE}/v1/commerce/products/:id/archive`, resolver));
    const custom = new AgentStack({
      apiKey: 'k',
      baseUrl: BASE,
      headers: { 'x-team': 'a' },
      apiVersion: '2027-01-01',
    });

    await custom.commerce.products.archive('prod_1', {
      idempotencyKey: 'my-key',
      headers: { 'x-call': 'b' },
    });

    expect(requests[0]?.headers.get('x-team')).toBe('a');
    expect(requests[0]?.headers.get('x-call')).toBe('b');
    expect(requests[0]?.headers.get('agentstack-version')).toBe('2027-01-01');
    expect(requests[0]?.headers.get('idempotency-key')).toBe('my-key');
  });

  it('encodes ids in paths and refuses an empty id before sending', async () => {
    const { requests, resolver } = recorder(() => HttpResponse.json(product));
    server.use(http.get(`${BASE}/v1/commerce/products/:id`, resolver));
    await client.commerce.products.retrieve('a/b?c');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/v1/commerce/products/a%2Fb%3Fc');
    expect(() => client.commerce.products.retrieve('')).toThrow(TypeError);
  });

  it('sends list params as the query string, leaving out undefined ones', async () => {
    const { requests, resolver } = recorder(() =>
      HttpResponse.json({ data: [], hasMore: false, nextCursor: null }),
    );
    server.use(http.get(`${BASE}/v1/commerce/products`, resolver));
    await client.commerce.products.list({ limit: 5, status: 'active', query: undefined });
    expect(new URL(requests[0]?.url ?? '').search).toBe('?limit=5&status=active');
  });

  it('resolves DELETE answers and empty bodies', async () => {
    server.use(
      http.delete(`${BASE}/v1/platform/sessions/current`, () =>
        HttpResponse.json({ object: 'session', revoked: true }),
      ),
      http.delete(`${BASE}/v1/platform/users/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    await expect(client.platform.sessions.revoke()).resolves.toEqual({ object: 'session', revoked: true });
    await expect(client.platform.users.del('usr_1')).resolves.toBeUndefined();
  });

  it('turns a 2xx body that is not JSON into an AgentStackError', async () => {
    server.use(
      http.get(
        `${BASE}/v1/platform/me`,
        () => new HttpResponse('<html>portal</html>', { headers: { 'Request-Id': 'req_p' } }),
      ),
    );
    const error = await client.platform.me.retrieve().catch((e: unknown) => e);
    expect(isAgentStackError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unknown_error', status: 200, requestId: 'req_p' });
  });

  it('generates a v4 idempotency key without crypto.randomUUID (insecure browser contexts)', async () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const { requests, resolver } = recorder(() => HttpResponse.json(product));
      server.use(http.post(`${BASE}/v1/commerce/products/:id/archive`, resolver));
      await client.commerce.products.archive('prod_1');
      expect(requests[0]?.headers.get('idempotency-key')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    } finally {
      // Removing the own property uncovers the prototype's method again.
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });

  it('sends no Authorization header when apiKey is explicitly null', async () => {
    let auth: string | null = 'unset';
    server.use(
      http.get(`${BASE}/v1/platform/plans`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({ data: [], hasMore: false, nextCursor: null });
      }),
    );
    await new AgentStack({ apiKey: null, baseUrl: BASE }).platform.plans.list();
    expect(auth).toBeNull();
  });

  it('requires an apiKey', () => {
    expect(() => new AgentStack({ apiKey: '' })).toThrow(/apiKey/);
  });

  it('uses a custom fetch', async () => {
    const fetch = vi.fn(async () => Response.json(product));
    const custom = new AgentStack({ apiKey: 'k', baseUrl: 'https://elsewhere.test/api', fetch });
    await custom.commerce.products.retrieve('prod_1');
    const [request] = fetch.mock.calls[0] as unknown as [Request];
    expect(request.url).toBe('https://elsewhere.test/api/v1/commerce/products/prod_1');
  });

  it('withOptions derives a client with replaced options', async () => {
    const { requests, resolver } = recorder(() => HttpResponse.json({}));
    server.use(http.get(`${BASE}/v1/platform/me`, resolver));
    await client.withOptions({ apiKey: 'sess_abc' }).platform.me.retrieve();
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer sess_abc');
  });
});

describe('retries', () => {
  it('retries a 503 POST with the same idempotency key, backing off exponentially with jitter', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { requests, resolver } = recorder((attempt) =>
      attempt < 3 ? problem(503, 'internal_error') : HttpResponse.json(product, { status: 201 }),
    );
    server.use(http.post(`${BASE}/v1/commerce/products`, resolver));

    await client.commerce.products.create({ title: 'Mug', price: { amount: 1200, currency: 'EUR' } });

    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    // Equal jitter: half of 500 ms, then half of 1 s, when Math.random() is 0.
    expect(waits()).toEqual([250, 500]);
  });

  it('spreads waits with jitter between half and all of the step', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const { resolver } = recorder((attempt) =>
      attempt < 2 ? problem(500, 'internal_error') : HttpResponse.json(product),
    );
    server.use(http.get(`${BASE}/v1/commerce/products/:id`, resolver));
    await client.commerce.products.retrieve('prod_1');
    expect(waits()[0]).toBeGreaterThan(490);
    expect(waits()[0]).toBeLessThanOrEqual(500);
  });

  it('honours Retry-After in seconds on 429', async () => {
    const { requests, resolver } = recorder((attempt) =>
      attempt === 1 ? problem(429, 'rate_limited', {}, { 'Retry-After': '3' }) : HttpResponse.json(product),
    );
    server.use(http.get(`${BASE}/v1/commerce/products/:id`, resolver));
    await client.commerce.products.retrieve('prod_1');
    expect(requests).toHaveLength(2);
    expect(waits()).toEqual([3000]);
  });

  it('waits out a 429 on a POST and retries it with the same idempotency key', async () => {
    const { requests, resolver } = recorder((attempt) =>
      attempt < 3
        ? problem(429, 'rate_limited', {}, { 'Retry-After': String(attempt), RateLimit: '"growth";r=0;t=2' })
        : HttpResponse.json(product, { status: 201 }),
    );
    server.use(http.post(`${BASE}/v1/commerce/products`, resolver));
    await client.commerce.products.create({ title: 'Mug', price: { amount: 1200, currency: 'EUR' } });
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(waits()).toEqual([1000, 2000]);
  });

  it('never retries a PATCH on 429: it carries no idempotency key', async () => {
    const { requests, resolver } = recorder(() => problem(429, 'rate_limited', {}, { 'Retry-After': '1' }));
    server.use(http.patch(`${BASE}/v1/commerce/products/:id`, resolver));
    const error = await client.commerce.products.update('prod_1', { title: 'Cup' }).catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect(requests).toHaveLength(1);
    expect(waits()).toEqual([]);
  });

  it('gives up after maxRetries 429s, with the limit read from the RateLimit headers', async () => {
    const { requests, resolver } = recorder(() =>
      problem(
        429,
        'rate_limited',
        {},
        { 'Retry-After': '1', RateLimit: '"starter";r=0;t=2', 'RateLimit-Policy': '"starter";q=50;w=2' },
      ),
    );
    server.use(http.get(`${BASE}/v1/commerce/products/:id`, resolver));
    const error = (await client.commerce.products
      .retrieve('prod_1')
      .catch((e: unknown) => e)) as RateLimitError;
    expect(requests).toHaveLength(3); // the call and its 2 retries
    expect(waits()).toEqual([1000, 1000]);
    expect(error.retryAfter).toBe(1);
    expect(error.rateLimit).toEqual({
      policy: 'starter',
      quota: 50,
      windowSeconds: 2,
      remaining: 0,
      resetSeconds: 2,
    });
  });

  it('honours Retry-After as an HTTP date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-25T10:00:00Z'));
    const { resolver } = recorder((attempt) =>
      attempt === 1
        ? problem(503, 'internal_error', {}, { 'Retry-After': 'Wed, 25 Nov 2026 10:00:07 GMT' })
        : HttpResponse.json(product),
    );
    server.use(http.get(`${BASE}/v1/commerce/products/:id`, resolver));
    await client.commerce.products.retrieve('prod_1');
    expect(waits()).toEqual([7000]);
  });

  it('gives up at once when Retry-After exceeds 60 s, exposing retryAfter', async () => {
    const { requests, resolver } = recorder(() => problem(429, 'rate_limited', {}, { 'Retry-After': '120' }));
    server.use(http.get(`${BASE}/v1/commerce/products/:id`, resolver));
    const error = await client.commerce.products.retrieve('prod_1').catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect((error as RateLimitError).retryAfter).toBe(120);
    expect(requests).toHaveLength(1);
  });

  it('stops after maxRetries and throws the last error', async () => {
    const { requests, resolver } = recorder(() => problem(502, 'internal_error'));
    server.use(http.get(`${BASE}/v1/commerce/products/:id`, resolver));
    const error = await client.commerce.products
      .retrieve('prod_1', { maxRetries: 1 })
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'api', status: 502 });
  });

  it('retries 409 idempotency_in_progress but not other conflicts', async () => {
    const inProgress = recorder((attempt) =>
      attempt === 1 ? problem(409, 'idempotency_in_progress') : HttpResponse.json(product, { status: 201 }),
    );
    server.use(http.post(`${BASE}/v1/commerce/products`, inProgress.resolver));
    await client.commerce.products.create({ title: 'Mug', price: { amount: 1, currency: 'EUR' } });
    expect(inProgress.requests).toHaveLength(2);

    const conflict = recorder(() => problem(409, 'idempotency_conflict'));
    server.use(http.post(`${BASE}/v1/commerce/products`, conflict.resolver));
    const error = await client.commerce.products
      .create({ title: 'Mug', price: { amount: 1, currency: 'EUR' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyError);
    expect(conflict.requests).toHaveLength(1);
  });

  it('does not retry PATCH, nor 4xx answers', async () => {
    const patch = recorder(() => problem(503, 'internal_error'));
    const get = recorder(() => problem(404, 'not_found'));
    server.use(
      http.patch(`${BASE}/v1/commerce/products/:id`, patch.resolver),
      http.get(`${BASE}/v1/commerce/products/:id`, get.resolver),
    );
    await expect(client.commerce.products.update('prod_1', { title: 'x' })).rejects.toMatchObject({
      status: 503,
    });
    await expect(client.commerce.products.retrieve('prod_1')).rejects.toMatchObject({ status: 404 });
    expect(patch.requests).toHaveLength(1);
    expect(get.requests).toHaveLength(1);
    expect(waits()).toEqual([]);
  });

  it('retries network errors, then throws a ConnectionError', async () => {
    const { requests, resolver } = recorder(() => HttpResponse.error());
    server.use(http.get(`${BASE}/v1/platform/me`, resolver));
    const error = await client.platform.me.retrieve().catch((e: unknown) => e);
    expect(requests).toHaveLength(3);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(isConnectionError(error)).toBe(true);
    expect(error).toMatchObject({ status: null, code: 'connection_error', problem: null });
  });

  it('recovers from a network error with the same idempotency key', async () => {
    const { requests, resolver } = recorder((attempt) =>
      attempt === 1 ? HttpResponse.error() : HttpResponse.json(product, { status: 201 }),
    );
    server.use(http.post(`${BASE}/v1/commerce/products/:id/unarchive`, resolver));
    await client.commerce.products.unarchive('prod_1');
    expect(requests.map((r) => r.headers.get('idempotency-key'))).toEqual([
      requests[0]?.headers.get('idempotency-key'),
      requests[0]?.headers.get('idempotency-key'),
    ]);
  });
});

describe('cancellation and timeouts', () => {
  const hang = () => new Promise<Response>(() => {});

  it('rejects with the signal reason when aborted mid-request', async () => {
    server.use(http.get(`${BASE}/v1/platform/me`, hang));
    const controller = new AbortController();
    const pending = client.platform.me.retrieve({ signal: controller.signal });
    controller.abort(new Error('user left'));
    await expect(pending).rejects.toThrow('user left');
  });

  it('does not send at all with an already-aborted signal', async () => {
    const { requests, resolver } = recorder(() => HttpResponse.json({}));
    server.use(http.get(`${BASE}/v1/platform/me`, resolver));
    const error = await client.platform.me.retrieve({ signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(isAgentStackError(error)).toBe(false);
    expect(requests).toHaveLength(0);
  });

  it('stops retrying when aborted during the wait between attempts', async () => {
    const controller = new AbortController();
    vi.mocked(sleep).mockImplementationOnce(async () => {
      controller.abort(new Error('gave up'));
      controller.signal.throwIfAborted();
    });
    const { requests, resolver } = recorder(() => problem(503, 'internal_error'));
    server.use(http.get(`${BASE}/v1/platform/me`, resolver));
    await expect(client.platform.me.retrieve({ signal: controller.signal })).rejects.toThrow('gave up');
    expect(requests).toHaveLength(1);
  });

  it('throws a TimeoutError when an attempt exceeds the timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server.use(http.get(`${BASE}/v1/platform/me`, hang));
    const pending = client.platform.me.retrieve({ timeout: 5_000, maxRetries: 0 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await pending;
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'timeout', code: 'timeout', status: null });
    expect((error as AgentStackError).message).toContain('5000 ms');
  });

  it('retries a timed-out attempt', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { requests, resolver } = recorder((attempt) =>
      attempt === 1 ? hang() : HttpResponse.json({ ok: true }),
    );
    server.use(http.get(`${BASE}/v1/platform/me`, resolver));
    const pending = client.platform.me.retrieve({ timeout: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(pending).resolves.toEqual({ ok: true });
    expect(requests).toHaveLength(2);
  });
});

describe('pagination', () => {
  const items = Array.from({ length: 7 }, (_, i) => ({ ...product, id: `prod_0000000${7 - i}AAAA` }));
  beforeEach(() => {
    server.use(
      http.get(`${BASE}/v1/commerce/products`, ({ request }) => {
        const url = new URL(request.url);
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const after = url.searchParams.get('startingAfter');
        const start = after ? items.findIndex((p) => p.id === after) + 1 : 0;
        const data = items.slice(start, start + limit);
        const hasMore = start + limit < items.length;
        return HttpResponse.json({ data, hasMore, nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null });
      }),
    );
  });

  it('awaiting a list gives the first page', async () => {
    const page = await client.commerce.products.list({ limit: 3 });
    expect(page.data.map((p) => p.id)).toEqual(items.slice(0, 3).map((p) => p.id));
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).toBe(items[2]?.id);
  });

  it('for await walks every item across pages with startingAfter', async () => {
    const seen: string[] = [];
    for await (const p of client.commerce.products.list({ limit: 3 })) seen.push(p.id);
    expect(seen).toEqual(items.map((p) => p.id));
  });

  it('.all(), .pages() and .toArray({ max })', async () => {
    const all: string[] = [];
    for await (const p of client.commerce.products.list({ limit: 2 }).all()) all.push(p.id);
    expect(all).toHaveLength(7);
    const sizes: number[] = [];
    for await (const page of client.commerce.products.list({ limit: 3 }).pages())
      sizes.push(page.data.length);
    expect(sizes).toEqual([3, 3, 1]);
    expect(await client.commerce.products.list({ limit: 2 }).toArray({ max: 5 })).toHaveLength(5);
  });

  it('is a real Promise whose then() returns a plain promise', async () => {
    const list = client.commerce.products.list({ limit: 3 });
    expect(list).toBeInstanceOf(Promise);
    const next = list.then((page) => page.data.length);
    expect(next).not.toBeInstanceOf(PagePromise);
    expect(await next).toBe(3);
    const [a, b] = await Promise.all([list, list]);
    expect(a).toBe(b);
  });

  it('shares the first request between await and iteration', async () => {
    const { requests, resolver } = recorder(() =>
      HttpResponse.json({ data: items, hasMore: false, nextCursor: null }),
    );
    server.use(http.get(`${BASE}/v1/commerce/products`, resolver));
    const list = client.commerce.products.list();
    await list;
    expect(await list.toArray()).toHaveLength(7);
    expect(requests).toHaveLength(1);
  });

  it('rejects through catch/then like a promise', async () => {
    server.use(http.get(`${BASE}/v1/commerce/products`, () => problem(401, 'invalid_api_key')));
    const code = await client.commerce.products.list().then(
      () => 'ok',
      (e: AgentStackError) => e.code,
    );
    expect(code).toBe('invalid_api_key');
  });
});
