import { AgentStack } from '@agentstack/sdk';
import { createMockApi } from '@agentstack/sdk/mocks';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/server';
import { AgentStackProvider } from '../../provider/AgentStackProvider';
import { cartKeys } from './cartKeys';
import {
  useAddCartLine,
  useApplyCartDiscount,
  useCart,
  useCartShippingOptions,
  useCreateCart,
  useRemoveCartLine,
  useUpdateCartLine,
} from './useCart';

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

describe('cart discount and shipping hooks', () => {
  it('apply a code, surface a refusal with its reason, and price shipping options for the cart', async () => {
    const { api, wrapper } = setup();
    reset = api.reset;
    const product = api.db.products.find((p) => p.status === 'active' && p.variants.length === 0);
    if (!product) throw new Error('fixtures have no active product without variants');
    const currency = product.price.currency;
    const at = new Date().toISOString();
    api.db.regions.push({
      id: 'reg_0000000000000001',
      object: 'region',
      name: 'Home',
      currency,
      countries: ['FR'],
      taxRateBps: 1000,
      metadata: {},
      createdAt: at,
      updatedAt: at,
    });
    api.db.shippingOptions.push({
      id: 'ship_000000000000001',
      object: 'shipping_option',
      regionId: 'reg_0000000000000001',
      name: 'Post',
      amount: { amount: 300, currency },
      freeOver: null,
      active: true,
      metadata: {},
      createdAt: at,
      updatedAt: at,
    });
    api.db.discountCodes.push({
      id: 'disc_000000000000001',
      object: 'discount_code',
      code: 'HALF',
      type: 'percentage',
      percentOff: 50,
      amountOff: null,
      minimumSpend: null,
      usageLimit: null,
      usageLimitPerCustomer: null,
      usedCount: 0,
      startsAt: null,
      endsAt: null,
      active: true,
      metadata: {},
      createdAt: at,
      updatedAt: at,
    });
    const writes = renderHook(
      () => ({ create: useCreateCart(), add: useAddCartLine(), apply: useApplyCartDiscount() }),
      { wrapper },
    );
    const created = await act(() =>
      writes.result.current.create.mutateAsync({ regionId: 'reg_0000000000000001' }),
    );
    const ref = { id: created.id, cartToken: created.token };
    await act(() =>
      writes.result.current.add.mutateAsync({ ...ref, body: { itemId: product.id, quantity: 2 } }),
    );
    const half = await act(() => writes.result.current.apply.mutateAsync({ ...ref, body: { code: 'half' } }));
    expect(half.discountTotal.amount).toBe(product.price.amount);
    expect(half.taxTotal.amount).toBe(Math.floor((product.price.amount * 1000 + 5000) / 10_000));
    await act(async () => {
      await writes.result.current.apply.mutateAsync({ ...ref, body: { code: 'NOPE' } }).catch(() => {});
    });
    await waitFor(() => expect(writes.result.current.apply.error?.code).toBe('discount_not_applicable'));
    expect((writes.result.current.apply.error?.problem as { reason?: string } | undefined)?.reason).toBe(
      'unknown',
    );
    const options = renderHook(() => useCartShippingOptions(created.id, created.token), { wrapper });
    await waitFor(() =>
      expect(options.result.current.data?.data).toEqual([
        expect.objectContaining({ id: 'ship_000000000000001', amount: { amount: 300, currency } }),
      ]),
    );
  });
});
