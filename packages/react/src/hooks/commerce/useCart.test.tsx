import { AgentStack } from '@agentstack/sdk';
import { createMockApi } from '@agentstack/sdk/mocks';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/server';
import { AgentStackProvider } from '../../provider/AgentStackProvider';
import { cartKeys } from './cartKeys';
import { useAddCartLine, useCart, useCreateCart, useRemoveCartLine, useUpdateCartLine } from './useCart';

const BASE = 'http://cart-hooks.test';

function setup() {
  const api = createMockApi({ baseUrl: BASE, tenant: 'growth' });
  server.use(...api.handlers);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // A browser's publishable key: every call on the cart needs its token.
  const client = new AgentStack({ apiKey: 'pk_test_storefront', baseUrl: BASE, maxRetries: 0 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AgentStackProvider client={client} queryClient={queryClient}>
      {children}
    </AgentStackProvider>
  );
  return { api, queryClient, wrapper };
}

let reset: (() => void) | undefined;
afterEach(() => reset?.());

describe('cart hooks', () => {
  it('create a cart, fill it, change and remove a line with its token; the cache holds the priced cart', async () => {
    const { api, queryClient, wrapper } = setup();
    reset = api.reset;
    const product = api.db.products.find((p) => p.status === 'active' && p.variants.length === 0);
    if (!product) throw new Error('fixtures have no active product without variants');
    const writes = renderHook(
      () => ({
        create: useCreateCart(),
        add: useAddCartLine(),
        change: useUpdateCartLine(),
        remove: useRemoveCartLine(),
      }),
      { wrapper },
    );
    const created = await act(() =>
      writes.result.current.create.mutateAsync({ currency: product.price.currency }),
    );
    expect(created.token).toMatch(/^ctok_/);
    expect(queryClient.getQueryData(cartKeys.detail(created.id))).not.toHaveProperty('token');
    const ref = { id: created.id, cartToken: created.token };
    const filled = await act(() =>
      writes.result.current.add.mutateAsync({ ...ref, body: { itemId: product.id, quantity: 2 } }),
    );
    expect(filled.subtotal).toEqual({ amount: 2 * product.price.amount, currency: product.price.currency });
    const line = filled.lines[0];
    if (!line) throw new Error('no line');
    await act(() =>
      writes.result.current.change.mutateAsync({ ...ref, lineId: line.id, body: { quantity: 3 } }),
    );
    expect(queryClient.getQueryData(cartKeys.detail(created.id))?.lines[0]?.quantity).toBe(3);

    const read = renderHook(() => useCart(created.id, created.token), { wrapper });
    await waitFor(() => expect(read.result.current.data?.total.amount).toBe(3 * product.price.amount));
    await act(() => writes.result.current.remove.mutateAsync({ ...ref, lineId: line.id }));
    await waitFor(() => expect(read.result.current.data?.lines).toEqual([]));
  });

  it('answer 404 without the token, so one shopper cannot open another’s cart', async () => {
    const { api, wrapper } = setup();
    reset = api.reset;
    const create = renderHook(() => useCreateCart(), { wrapper });
    const created = await act(() => create.result.current.mutateAsync({ currency: 'EUR' }));
    const read = renderHook(() => useCart(created.id), { wrapper });
    await waitFor(() => expect(read.result.current.error?.code).toBe('not_found'));
  });
});
