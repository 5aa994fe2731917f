import { AgentStack } from '@agentstack/sdk';
import { createMockApi } from '@agentstack/sdk/mocks';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/server';
import { AgentStackProvider } from '../../provider/AgentStackProvider';
import { pricingKeys } from './pricingKeys';
import {
  useCreateDiscountCode,
  useCreateRegion,
  useCreateShippingOption,
  useDeleteDiscountCode,
  useDeleteRegion,
  useDiscountCodes,
  useRegion,
  useRegions,
  useShippingOptions,
  useUpdateDiscountCode,
  useUpdateRegion,
  useUpdateShippingOption,
} from './usePricing';

const BASE = 'http://pricing-hooks.test';

function setup() {
  const api = createMockApi({ baseUrl: BASE, tenant: 'growth' });
  server.use(...api.handlers);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const client = new AgentStack({ apiKey: 'sk_test_pricing', baseUrl: BASE, maxRetries: 0 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AgentStackProvider client={client} queryClient={queryClient}>
      {children}
    </AgentStackProvider>
  );
  reset = api.reset;
  return { api, queryClient, wrapper };
}

let reset: (() => void) | undefined;
afterEach(() => reset?.());

describe('pricing hooks', () => {
  it('list regions, create and update one, and refetch the lists the page shows', async () => {
    const { queryClient, wrapper } = setup();
    const { result } = renderHook(
      () => ({ regions: useRegions(), create: useCreateRegion(), update: useUpdateRegion() }),
      { wrapper },
    );
    await waitFor(() =>
      expect(result.current.regions.data?.data.map((r) => r.name)).toEqual(['Europe', 'United Kingdom']),
    );
    const created = await act(() =>
      result.current.create.mutateAsync({
        name: 'Nordics',
        currency: 'SEK',
        countries: ['SE'],
        taxRateBps: 2500,
      }),
    );
    // The mutation settles once the lists are fresh: the new region is there at once.
    await waitFor(() => expect(result.current.regions.data?.data.map((r) => r.id)).toContain(created.id));
    const updated = await act(() =>
      result.current.update.mutateAsync({
        id: created.id,
        body: { countries: ['SE', 'FI'], taxRateBps: 2400 },
      }),
    );
    expect(updated).toMatchObject({ countries: ['SE', 'FI'], taxRateBps: 2400, currency: 'SEK' });
    expect(
      queryClient.getQueryData(pricingKeys.regions.list())?.data.find((r) => r.id === created.id),
    ).toMatchObject({
      taxRateBps: 2400,
    });
    const one = renderHook(() => useRegion(created.id), { wrapper });
    await waitFor(() => expect(one.result.current.data?.name).toBe('Nordics'));
  });

  it("surface validation_failed naming the field, and a region's delete takes its shipping options", async () => {
    const { api, wrapper } = setup();
    const europe = api.db.regions.find((r) => r.name === 'Europe')!;
    const { result } = renderHook(
      () => ({
        options: useShippingOptions({ limit: 100 }),
        create: useCreateShippingOption(),
        update: useUpdateShippingOption(),
        del: useDeleteRegion(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.options.data?.data).toHaveLength(4));
    await act(async () => {
      await result.current.create
        .mutateAsync({ regionId: europe.id, name: 'Pounds', amount: { amount: 300, currency: 'GBP' } })
        .catch(() => {});
    });
    await waitFor(() => expect(result.current.create.error?.code).toBe('validation_failed'));
    expect(result.current.create.error?.problem?.param).toBe('amount');
    const option = result.current.options.data!.data.find((o) => o.regionId === europe.id)!;
    await act(() => result.current.update.mutateAsync({ id: option.id, body: { active: false } }));
    expect(result.current.options.data?.data.find((o) => o.id === option.id)?.active).toBe(false);
    await act(() => result.current.del.mutateAsync(europe.id));
    expect(result.current.options.data?.data.map((o) => o.regionId)).not.toContain(europe.id);
  });

  it('create, deactivate and delete discount codes; 409 conflict and invalid_state come through', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(
      () => ({
        active: useDiscountCodes({ active: 'true' }),
        create: useCreateDiscountCode(),
        update: useUpdateDiscountCode(),
        del: useDeleteDiscountCode(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.active.data?.data).toHaveLength(2));
    await act(async () => {
      await result.current.create
        .mutateAsync({ code: 'spring5', type: 'percentage', percentOff: 5 })
        .catch(() => {});
    });
    await waitFor(() => expect(result.current.create.error?.code).toBe('conflict'));
    const code = await act(() =>
      result.current.create.mutateAsync({
        code: 'autumn',
        type: 'fixed',
        amountOff: { amount: 1000, currency: 'EUR' },
        minimumSpend: { amount: 5000, currency: 'EUR' },
      }),
    );
    await waitFor(() => expect(result.current.active.data?.data.map((c) => c.code)).toContain('AUTUMN'));
    const spring = result.current.active.data!.data.find((c) => c.code === 'SPRING5')!;
    await act(async () => {
      await result.current.update.mutateAsync({ id: spring.id, body: { usageLimit: 1 } }).catch(() => {});
    });
    await waitFor(() => expect(result.current.update.error?.code).toBe('invalid_state'));
    await act(() => result.current.update.mutateAsync({ id: spring.id, body: { active: false } }));
    await waitFor(() => expect(result.current.active.data?.data.map((c) => c.code)).not.toContain('SPRING5'));
    await act(() => result.current.del.mutateAsync(code.id));
    await waitFor(() => expect(result.current.active.data?.data.map((c) => c.code)).not.toContain('AUTUMN'));
  });
});
