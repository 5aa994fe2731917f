import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentStack } from './client';
import { isAuthenticationError } from './errors';
import type { RealtimeStatus } from './realtime';
import type { RealtimeEvent } from './schemas/realtime/event';
import { sleep } from './sleep';

// Waits between reconnections go through `sleep`: recorded, not waited.
vi.mock('./sleep', () => ({
  sleep: vi.fn(async (_ms: number, signal?: AbortSignal) => signal?.throwIfAborted()),
}));

const BASE = 'https://api.test';
const server = setupServer();
const client = new AgentStack({ apiKey: 'sk_test_123', baseUrl: BASE });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => vi.mocked(sleep).mockClear());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const event = (seq: number): RealtimeEvent => ({
  id: `evt_0000000000${seq}`,
  object: 'event',
  type: 'product.created',
  seq,
  createdAt: '2026-11-30T12:00:00.000Z',
  data: { id: `prod_${seq}` },
});
const frame = (name: string, id: number, data: unknown) =>
  `id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/** A stream that sends `chunks` (split anywhere, as a network would) and then ends. */
function sse(chunks: string[]): HttpResponse<ReadableStream> {
  const encoder = new TextEncoder();
  return new HttpResponse(
    new ReadableStream({
      start(controller) {
        for (const c of chunks) controller.enqueue(encoder.encode(c));
        controller.close();
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  );
}

/** Resolves with the collected values once `count` arrived. */
function collector<T>(count: number) {
  const items: T[] = [];
  let resolve!: () => void;
  const done = new Promise<void>((r) => {
    resolve = r;
  });
  return {
    items,
    done,
    push(item: T) {
      items.push(item);
      if (items.length === count) resolve();
    },
  };
}

describe('client.realtime.subscribe', () => {
  it('parses the stream, reconnects when it ends and resumes with Last-Event-ID: no gap, no duplicate', async () => {
    const requests: Array<{ lastEventId: string | null; topics: string | null; auth: string | null }> = [];
    server.use(
      http.get(`${BASE}/v1/realtime`, ({ request }) => {
        const url = new URL(request.url);
        requests.push({
          lastEventId: request.headers.get('last-event-id'),
          topics: url.searchParams.get('topics'),
          auth: request.headers.get('authorization'),
        });
        if (requests.length === 1) {
          const text = `retry: 250\n\n${frame('ready', 5, { seq: 5 })}: heartbeat\n\n${frame('product.created', 6, event(6))}`;
          // Split mid-line, as TCP may.
          return sse([text.slice(0, 17), text.slice(17, 60), text.slice(60)]);
        }
        return sse([frame('ready', 6, { seq: 6 }), frame('product.created', 7, event(7))]);
      }),
    );
    const got = collector<RealtimeEvent>(2);
    const statuses: RealtimeStatus[] = [];
    const stop = client.realtime.subscribe(['products', 'user.created'], (e) => got.push(e), {
      onStatus: (s) => statuses.push(s),
    });
    await got.done;
    stop();
    expect(got.items.map((e) => e.seq)).toEqual([6, 7]);
    expect(requests).toEqual([
      { lastEventId: null, topics: 'products,user.created', auth: 'Bearer sk_test_123' },
      { lastEventId: '6', topics: 'products,user.created', auth: 'Bearer sk_test_123' },
    ]);
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    // The first wait follows the server's `retry:` hint (with jitter: between half and all of it).
    const first = vi.mocked(sleep).mock.calls[0]?.[0] as number;
    expect(first).toBeGreaterThanOrEqual(125);
    expect(first).toBeLessThanOrEqual(250);
  });

  it('backs off exponentially while the server fails, then resumes', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/v1/realtime`, () => {
        calls++;
        if (calls <= 3) return HttpResponse.error();
        return sse([frame('ready', 0, { seq: 0 }), frame('product.created', 1, event(1))]);
      }),
    );
    const got = collector<RealtimeEvent>(1);
    const errors: unknown[] = [];
    const stop = client.realtime.subscribe('products', (e) => got.push(e), {
      onError: (e) => errors.push(e),
      lastEventId: 0,
    });
    await got.done;
    stop();
    expect(errors).toHaveLength(3);
    const waits = vi.mocked(sleep).mock.calls.map(([ms]) => ms as number);
    // Steps of 1 s, 2 s, 4 s (the default hint doubling), each with jitter.
    expect(waits.slice(0, 3).map((ms, i) => ms >= 500 * 2 ** i && ms <= 1000 * 2 ** i)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('stops for good on 401, reporting the error and going offline', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/v1/realtime`, () => {
        calls++;
        return HttpResponse.json(
          { type: 'x', title: 'Unauthorized', status: 401, code: 'invalid_api_key', detail: 'no' },
          { status: 401, headers: { 'content-type': 'application/problem+json' } },
        );
      }),
    );
    const offline = collector<RealtimeStatus>(2);
    const errors: unknown[] = [];
    client.realtime.subscribe('products', () => undefined, {
      onStatus: (s) => offline.push(s),
      onError: (e) => errors.push(e),
    });
    await offline.done;
    expect(offline.items).toEqual(['connecting', 'offline']);
    expect(calls).toBe(1);
    expect(isAuthenticationError(errors[0])).toBe(true);
  });

  it('tells of a gap, goes on, and stops when its signal aborts', async () => {
    server.use(
      http.get(`${BASE}/v1/realtime`, () =>
        sse([
          frame('ready', 2, { seq: 2 }),
          frame('gap', 9, { afterSeq: 2, firstAvailableSeq: 10 }),
          frame('product.created', 10, event(10)),
        ]),
      ),
    );
    const got = collector<RealtimeEvent>(1);
    const gaps: unknown[] = [];
    const controller = new AbortController();
    client.realtime.subscribe('products', (e) => got.push(e), {
      onGap: (g) => gaps.push(g),
      signal: controller.signal,
      lastEventId: 2,
    });
    await got.done;
    controller.abort();
    expect(gaps).toEqual([{ afterSeq: 2, firstAvailableSeq: 10 }]);
    expect(got.items[0]?.seq).toBe(10);
  });
});
