import { AgentStack, type Product } from '@agentstack/sdk';
import { createMockApi } from '@agentstack/sdk/mocks';
import { QueryClient } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/server';
import { AgentStackProvider } from '../../provider/AgentStackProvider';
import { productKeys } from '../commerce/productKeys';
import { useProduct } from '../commerce/useProduct';
import { useProducts } from '../commerce/useProducts';
import { platformKeys } from '../platform/platformKeys';
import { useUser } from '../platform/useUser';
import { useUsers } from '../platform/useUsers';
import { useRealtime } from './useRealtime';

const BASE = 'http://realtime.test';
const api = createMockApi({ baseUrl: BASE, tenant: 'growth' });
/** Writes through the API, as another user or a back office would. */
const writer = new AgentStack({ apiKey: 'sk_test_writer', baseUrl: BASE, maxRetries: 0 });

/** The realtime requests the hooks made (their `topics`), and their aborts. */
let streams: Array<{ topics: string | null; aborted: () => boolean }>;

function setup(apiKey = 'sk_test_realtime') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
  const client = new AgentStack({ apiKey, baseUrl: BASE, maxRetries: 0 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AgentStackProvider client={client} queryClient={queryClient}>
      {children}
    </AgentStackProvider>
  );
  return { queryClient, wrapper };
}

/** A stream that announces it is ready, then a gap, then stays open. */
const gapStream = () =>
  new HttpResponse(
    new ReadableStream({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode(
            'retry: 1000\n\nid: 5\nevent: ready\ndata: {"seq":5}\n\nid: 9\nevent: gap\ndata: {"afterSeq":5,"firstAvailableSeq":10}\n\n',
          ),
        );
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  );

beforeEach(() => {
  streams = [];
  server.use(...api.handlers);
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/v1/realtime') {
      streams.push({ topics: url.searchParams.get('topics'), aborted: () => request.signal.aborted });
    }
  });
});
afterEach(() => {
  server.events.removeAllListeners();
  api.reset();
});

describe('useRealtime', () => {
  it('shows a product created through the API in the cached list, and patches a cached product', async () => {
    const { wrapper, queryClient } = setup();
    const [first] = api.db.products;
    const { result } = renderHook(
      () => ({
        live: useRealtime(['products']),
        list: useProducts({ limit: 5 }),
        detail: useProduct(first!.id),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.live.status).toBe('connected'));
    await waitFor(() => expect(result.current.list.data).toBeDefined());
    await waitFor(() => expect(result.current.detail.data).toBeDefined());
    const detailFetches = () => queryClient.getQueryState(productKeys.detail(first!.id))?.dataUpdateCount;
    const fetchedOnce = detailFetches();

    const created = await writer.commerce.products.create({
      title: 'Live lantern',
      price: { amount: 2400, currency: 'EUR' },
    });
    await waitFor(() => expect(result.current.list.data?.data[0]?.id).toBe(created.id));

    const updated = await writer.commerce.products.update(first!.id, { title: 'Renamed live' });
    await waitFor(() => expect(result.current.detail.data?.title).toBe('Renamed live'));
    // Patched from the event's copy (one more cache update), not refetched: same object as the API's.
    expect(result.current.detail.data).toEqual(updated);
    expect(detailFetches()).toBe((fetchedOnce ?? 0) + 1);
    expect(queryClient.getQueryState(productKeys.detail(first!.id))?.isInvalidated).toBe(false);
    expect(streams.map((s) => s.topics)).toEqual(['products']);
  });

  it('does not replace a cached product with an older copy from an event', async () => {
    const { wrapper, queryClient } = setup();
    const [first] = api.db.products;
    const { result } = renderHook(
      () => ({
        live: useRealtime('products'),
        list: useProducts({ limit: 100 }),
        detail: useProduct(first!.id),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.live.status).toBe('connected'));
    await waitFor(() => expect(result.current.detail.data && result.current.list.data).toBeDefined());
    // The cache already holds a copy from the future (e.g. a write's own answer).
    const future: Product = {
      ...result.current.detail.data!,
      title: 'Newer',
      updatedAt: '2999-01-01T00:00:00.000Z',
    };
    queryClient.setQueryData(productKeys.detail(first!.id), future);
    await writer.commerce.products.update(first!.id, { title: 'Older' });
    // The list, refetched for the event, shows it was handled; the detail kept the newer copy.
    await waitFor(() =>
      expect(result.current.list.data?.data.find((p) => p.id === first!.id)?.title).toBe('Older'),
    );
    expect(queryClient.getQueryData(productKeys.detail(first!.id))?.title).toBe('Newer');
  });

  it('follows the team: a user added elsewhere is listed, a deleted one leaves the cache', async () => {
    const { wrapper, queryClient } = setup();
    const staff = api.db.users.find((u) => u.role === 'viewer')!;
    const { result } = renderHook(
      () => ({ live: useRealtime('users'), list: useUsers({ limit: 100 }), one: useUser(staff.id) }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.live.status).toBe('connected'));
    await waitFor(() => expect(result.current.list.data && result.current.one.data).toBeDefined());
    const added = await writer.platform.users.create({
      email: 'live.member@example.com',
      name: 'Live Member',
      role: 'viewer',
      password: 'a long enough password',
    });
    await waitFor(() => expect(result.current.list.data?.data.map((u) => u.id)).toContain(added.id));
    await writer.platform.users.del(staff.id);
    await waitFor(() => expect(result.current.list.data?.data.map((u) => u.id)).not.toContain(staff.id));
    expect(queryClient.getQueryState(platformKeys.user(staff.id))?.data).toBeUndefined();
  });

  it('refetches everything its topics cover after a gap', async () => {
    const { wrapper, queryClient } = setup();
    const { result } = renderHook(() => ({ list: useProducts({ limit: 5 }) }), { wrapper });
    await waitFor(() => expect(result.current.list.data).toBeDefined());
    const listUpdates = queryClient.getQueryState(productKeys.list({ limit: 5 }))!.dataUpdateCount;

    server.use(http.get(`${BASE}/v1/realtime`, gapStream));
    const gaps: unknown[] = [];
    const live = renderHook(() => useRealtime(['product.created'], { onGap: (gap) => gaps.push(gap) }), {
      wrapper,
    });
    await waitFor(() => expect(live.result.current.status).toBe('connected'));
    await waitFor(() => expect(gaps).toEqual([{ afterSeq: 5, firstAvailableSeq: 10 }]));
    // The active list was refetched: its data was written again.
    await waitFor(() =>
      expect(queryClient.getQueryState(productKeys.list({ limit: 5 }))!.dataUpdateCount).toBe(
        listUpdates + 1,
      ),
    );
    live.unmount();
  });

  it('closes the stream on unmount', async () => {
    const { wrapper } = setup();
    const { result, unmount } = renderHook(() => useRealtime(['products', 'users']), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('connected'));
    expect(api.db.eventListeners.size).toBe(1);
    expect(streams).toHaveLength(1);
    expect(streams[0]!.topics).toBe('products,users');
    unmount();
    await waitFor(() => expect(streams[0]!.aborted()).toBe(true));
    await waitFor(() => expect(api.db.eventListeners.size).toBe(0));
  });

  it('stays offline without opening a stream for a publishable key', async () => {
    const { wrapper } = setup('pk_test_storefront');
    const { result } = renderHook(() => useRealtime(['products']), { wrapper });
    expect(result.current.status).toBe('connecting');
    await waitFor(() => expect(result.current.status).toBe('offline'));
    expect(streams).toEqual([]);
  });

  it('streams only the topics the role may read', async () => {
    const viewerApi = createMockApi({ baseUrl: BASE, tenant: 'growth', role: 'viewer' });
    server.use(...viewerApi.handlers);
    const { wrapper } = setup('viewer_session_token');
    const { result } = renderHook(() => useRealtime(['products', 'users', 'invitation.created']), {
      wrapper,
    });
    await waitFor(() => expect(result.current.status).toBe('connected'));
    expect(streams.map((s) => s.topics)).toEqual(['products']);
    const none = renderHook(() => useRealtime(['users']), { wrapper });
    await waitFor(() => expect(none.result.current.status).toBe('offline'));
    expect(streams).toHaveLength(1);
  });

  it('goes offline, without retrying, when the server refuses the stream', async () => {
    let refused = 0;
    server.use(
      http.get(`${BASE}/v1/realtime`, () => {
        refused++;
        return HttpResponse.json(
          { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden', detail: 'No.' },
          { status: 403, headers: { 'content-type': 'application/problem+json' } },
        );
      }),
    );
    const errors: unknown[] = [];
    const { wrapper } = setup();
    const { result } = renderHook(() => useRealtime(['products'], { onError: (e) => errors.push(e) }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.status).toBe('offline'));
    expect(refused).toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('is off when disabled', () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useRealtime(['products'], { enabled: false }), { wrapper });
    expect(result.current.status).toBe('offline');
    expect(streams).toEqual([]);
  });
});
