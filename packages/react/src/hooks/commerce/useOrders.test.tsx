import { AgentStack } from '@agentstack/sdk';
import { createMockApi } from '@agentstack/sdk/mocks';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/server';
import { AgentStackProvider } from '../../provider/AgentStackProvider';
import { REALTIME_CACHE, resourceOf } from '../realtime/realtimeCache';
import { orderKeys } from './orderKeys';
import { useOrder, useOrderAction, useOrders } from './useOrders';

const BASE = 'http://order-hooks.test';

function setup() {
  const api = createMockApi({ baseUrl: BASE, tenant: 'growth' });
  server.use(...api.handlers);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const client = new AgentStack({ apiKey: 'sk_test_orders', baseUrl: BASE, maxRetries: 0 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AgentStackProvider client={client} queryClient={queryClient}>
      {children}
    </AgentStackProvider>
  );
  return { api, queryClient, wrapper };
}

let reset: (() => void) | undefined;
afterEach(() => reset?.());

describe('order hooks', () => {
  it('list paid orders, take an allowed action and keep the answer in the cache', async () => {
    const { api, queryClient, wrapper } = setup();
    reset = api.reset;
    const { result } = renderHook(() => ({ paid: useOrders({ status: 'paid' }), act: useOrderAction() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.paid.data?.data.length).toBeGreaterThan(0));
    const order = result.current.paid.data!.data[0]!;
    expect(order.allowedTransitions.map((t) => t.action)).toContain('start_fulfillment');
    const moved = await act(() =>
      result.current.act.mutateAsync({ id: order.id, action: 'start_fulfillment' }),
    );
    expect(moved.status).toBe('fulfilling');
    expect(queryClient.getQueryData(orderKeys.detail(order.id))?.status).toBe('fulfilling');
    // The paid list was refetched: the order left it.
    await waitFor(() => expect(result.current.paid.data?.data.some((o) => o.id === order.id)).toBe(false));
  });

  it('surface invalid_transition with the transitions the order can take', async () => {
    const { api, wrapper } = setup();
    reset = api.reset;
    const { result } = renderHook(
      () => ({ delivered: useOrders({ status: 'delivered' }), act: useOrderAction() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.delivered.data?.data.length).toBeGreaterThan(0));
    const order = result.current.delivered.data!.data[0]!;
    await act(async () => {
      await result.current.act.mutateAsync({ id: order.id, action: 'mark_paid' }).catch(() => {});
    });
    await waitFor(() => expect(result.current.act.error?.code).toBe('invalid_transition'));
  });

  it('read one order, disabled while the id is empty', async () => {
    const { api, wrapper } = setup();
    reset = api.reset;
    const id = api.db.orders[0]!.id;
    const { result, rerender } = renderHook(({ orderId }) => useOrder(orderId), {
      wrapper,
      initialProps: { orderId: '' as string },
    });
    expect(result.current.fetchStatus).toBe('idle');
    rerender({ orderId: id });
    await waitFor(() => expect(result.current.data?.id).toBe(id));
  });

  it('follow the orders topic: an order event patches the cached order, a fulfilment event refetches it', () => {
    const queryClient = new QueryClient();
    const { api } = setup();
    reset = api.reset;
    const order = api.db.orders[0]!;
    queryClient.setQueryData(orderKeys.detail(order.id), {
      ...order,
      updatedAt: '2020-01-01T00:00:00.000Z',
    } as never);
    const event = (type: string, data: unknown) =>
      ({ id: 'evt_1', type, createdAt: new Date().toISOString(), data }) as never;
    expect(resourceOf('fulfillment.shipped')).toBe('orders');
    const newer = { ...order, status: 'shipped', updatedAt: '2030-01-01T00:00:00.000Z' };
    expect(REALTIME_CACHE.orders.apply(queryClient, event('order.shipped', newer))).toEqual([
      orderKeys.lists(),
    ]);
    expect(queryClient.getQueryData(orderKeys.detail(order.id))?.status).toBe('shipped');
    expect(
      REALTIME_CACHE.orders.apply(
        queryClient,
        event('fulfillment.shipped', { id: 'ful_1', orderId: order.id }),
      ),
    ).toEqual([orderKeys.lists(), orderKeys.detail(order.id)]);
  });
});
