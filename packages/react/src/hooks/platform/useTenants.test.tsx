import { AgentStack } from '@agentstack/sdk';
import { createMockApi } from '@agentstack/sdk/mocks';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/server';
import { AgentStackProvider } from '../../provider/AgentStackProvider';
import { platformKeys } from './platformKeys';
import { useAgencies } from './useAgencies';
import { useAgency } from './useAgency';
import { usePlans } from './usePlans';
import { useTenant } from './useTenant';
import { useTenants } from './useTenants';
import { useUpdateAgency } from './useUpdateAgency';
import { useUpdateTenant } from './useUpdateTenant';

const BASE = 'http://hooks.test';
const api = createMockApi({ baseUrl: BASE, tenant: 'growth', brand: 'aurora' });

function setup(apiKey = 'op_hooks_operator') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const client = new AgentStack({ apiKey, baseUrl: BASE, maxRetries: 0 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AgentStackProvider client={client} queryClient={queryClient}>
      {children}
    </AgentStackProvider>
  );
  return { queryClient, wrapper };
}

beforeEach(() => server.use(...api.handlers));
afterEach(() => api.reset());

describe('plan, tenant and agency query keys', () => {
  it('nest under the invalidation prefixes (types: queryKeys.test-d.ts)', () => {
    expect(platformKeys.tenantList({ limit: 5 })).toEqual([
      'agentstack',
      'platform',
      'tenants',
      'list',
      { limit: 5 },
    ]);
    expect(platformKeys.tenant('ten_1').slice(0, 3)).toEqual([...platformKeys.tenants()]);
    expect(platformKeys.tenantList().slice(0, 4)).toEqual([...platformKeys.tenantLists()]);
    expect(platformKeys.agency('agy_1').slice(0, 3)).toEqual([...platformKeys.agencies()]);
  });
});

describe('usePlans', () => {
  it('answers the catalogue, plans then add-ons, to a tenant key too', async () => {
    const { wrapper } = setup('sk_test_hooks');
    const { result } = renderHook(() => usePlans(), { wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined());
    const plans = result.current.data!;
    expect(plans.filter((p) => p.kind === 'plan')).toHaveLength(13);
    expect(plans.filter((p) => p.kind === 'addon')).toHaveLength(18);
    expect(plans.findIndex((p) => p.kind === 'addon')).toBe(13);
  });
});

describe('tenant hooks', () => {
  it('list, retrieve and update tenants, refreshing the cached lists', async () => {
    const { wrapper, queryClient } = setup();
    const { result } = renderHook(() => ({ list: useTenants({ limit: 2 }), update: useUpdateTenant() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.list.data).toBeDefined());
    expect(result.current.list.data!.data.map((t) => t.name)).toEqual(['Northwind Living', 'Harbour Goods']);
    expect(result.current.list.data!.hasMore).toBe(true);
    const harbour = result.current.list.data!.data[1]!;

    await act(() =>
      result.current.update.mutateAsync({
        id: harbour.id,
        body: { subscription: { social: 'social_platform' } },
      }),
    );
    expect(queryClient.getQueryData(platformKeys.tenant(harbour.id))?.subscription.social).toBe(
      'social_platform',
    );
    await waitFor(() =>
      expect(result.current.list.data!.data[1]!.subscription).toEqual({
        platform: 'growth',
        commerce: 'commerce_growth',
        fintech: 'fintech_scaling',
        social: 'social_platform',
      }),
    );

    const detail = renderHook(() => useTenant(harbour.id), { wrapper });
    await waitFor(() => expect(detail.result.current.data?.name).toBe('Harbour Goods'));
  });

  it('a tenant key gets 403 forbidden', async () => {
    const { wrapper } = setup('sk_test_hooks');
    const { result } = renderHook(() => useTenants(), { wrapper });
    await waitFor(() => expect(result.current.error).toBeTruthy());
    expect(result.current.error?.status).toBe(403);
    expect(result.current.error?.code).toBe('forbidden');
  });
});

describe('agency hooks', () => {
  it('update a brand and refetch the brand the dashboards read', async () => {
    const { wrapper, queryClient } = setup();
    const { result } = renderHook(() => ({ list: useAgencies(), update: useUpdateAgency() }), { wrapper });
    await waitFor(() => expect(result.current.list.data).toBeDefined());
    const aurora = result.current.list.data!.data.find((a) => a.name === 'Aurora Commerce')!;
    queryClient.setQueryData(platformKeys.brand(), aurora.brand);
    await act(() =>
      result.current.update.mutateAsync({ id: aurora.id, body: { brand: { primaryColor: '#be123c' } } }),
    );
    expect(queryClient.getQueryState(platformKeys.brand())?.isInvalidated).toBe(true);
    const detail = renderHook(() => useAgency(aurora.id), { wrapper });
    await waitFor(() => expect(detail.result.current.data?.brand.primaryColor).toBe('#be123c'));
    expect(detail.result.current.data?.brand.accentColor).toBe(aurora.brand.accentColor);
  });
});
