import { AgentStack } from '@agentstack/sdk';
import { createMockApi, DEMO_CUSTOMER_PASSWORD } from '@agentstack/sdk/mocks';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/server';
import { AgentStackProvider } from '../../provider/AgentStackProvider';
import { customerKeys } from './customerKeys';
import {
  useCreateCustomerAddress,
  useCurrentCustomer,
  useCustomerAddresses,
  useCustomerOrders,
  useCustomerSignIn,
  useCustomerSignOut,
  useCustomerSignUp,
  useCustomerVerify,
} from './useCustomerAccount';
import { useCustomers } from './useCustomers';

const BASE = 'http://customer-hooks.test';

function setup(
  client: AgentStack,
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AgentStackProvider client={client} queryClient={queryClient}>
      {children}
    </AgentStackProvider>
  );
  return { queryClient, wrapper };
}

let reset: (() => void) | undefined;
afterEach(() => reset?.());

describe('customer hooks', () => {
  it('sign a shopper in with the publishable key, read their account and addresses with the customer token, sign out', async () => {
    const api = createMockApi({ baseUrl: BASE, tenant: 'growth' });
    server.use(...api.handlers);
    reset = api.reset;
    // A browser store: the publishable key, then the customer token beside it once signed in.
    const store = new AgentStack({ apiKey: 'pk_test_storefront', baseUrl: BASE, maxRetries: 0 });
    const anonymous = setup(store);
    const signIn = renderHook(() => useCustomerSignIn(), { wrapper: anonymous.wrapper });
    const session = await act(() =>
      signIn.result.current.mutateAsync({ email: 'ada@example.com', password: DEMO_CUSTOMER_PASSWORD }),
    );
    expect(session.token).toMatch(/^cst_/);

    const shopper = setup(store.withOptions({ customerToken: session.token }), anonymous.queryClient);
    const reads = renderHook(
      () => ({
        me: useCurrentCustomer(),
        addresses: useCustomerAddresses(),
        add: useCreateCustomerAddress(),
        out: useCustomerSignOut(),
      }),
      { wrapper: shopper.wrapper },
    );
    await waitFor(() => expect(reads.result.current.me.data?.email).toBe('ada@example.com'));
    await waitFor(() => expect(reads.result.current.addresses.data?.data).toHaveLength(2));
    // The token is never in the cache: only the account.
    expect(
      JSON.stringify(
        shopper.queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ),
    ).not.toContain(session.token);

    await act(() =>
      reads.result.current.add.mutateAsync({
        address: { name: 'Ada', line1: '1 Main St', city: 'Bath', postalCode: 'BA1 1AA', countryCode: 'GB' },
      }),
    );
    await waitFor(() => expect(reads.result.current.addresses.data?.data).toHaveLength(3));

    // Order history: the shopper's own orders only.
    const ada = api.db.customers.find((c) => c.email === 'ada@example.com');
    const [first, second] = api.db.orders;
    if (!ada || !first || !second) throw new Error('fixtures changed');
    first.customerId = ada.id;
    second.customerId = 'cus_someoneelse0000000000';
    const history = renderHook(() => useCustomerOrders(), { wrapper: shopper.wrapper });
    await waitFor(() => expect(history.result.current.data?.data.map((o) => o.id)).toEqual([first.id]));

    await act(() => reads.result.current.out.mutateAsync());
    expect(shopper.queryClient.getQueryData(customerKeys.me())).toBeUndefined();
    expect(api.db.customerSessions.has(session.token)).toBe(false);
  });

  it('signs up through the code and keeps staff reads apart', async () => {
    const api = createMockApi({ baseUrl: BASE, tenant: 'growth' });
    server.use(...api.handlers);
    reset = api.reset;
    const store = setup(new AgentStack({ apiKey: 'pk_test_storefront', baseUrl: BASE, maxRetries: 0 }));
    const auth = renderHook(() => ({ up: useCustomerSignUp(), verify: useCustomerVerify() }), {
      wrapper: store.wrapper,
    });
    const started = await act(() =>
      auth.result.current.up.mutateAsync({
        email: 'New.Shopper@example.com',
        password: 'a long enough password',
      }),
    );
    expect(started.email).toBe('new.shopper@example.com');
    const [code] = [...api.db.customerSignUps.keys()];
    const session = await act(() => auth.result.current.verify.mutateAsync(code as string));
    expect(session.customer.email).toBe('new.shopper@example.com');

    // Staff (a secret key) list customers; the new one is among them.
    const staff = setup(new AgentStack({ apiKey: 'sk_test_staff', baseUrl: BASE, maxRetries: 0 }));
    const list = renderHook(() => useCustomers(), { wrapper: staff.wrapper });
    await waitFor(() =>
      expect(list.result.current.data?.data.map((c) => c.email)).toContain('new.shopper@example.com'),
    );
  });
});
