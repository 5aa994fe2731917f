import { AgentStack } from '@agentstack/sdk';
import { createMockApi } from '@agentstack/sdk/mocks';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/server';
import { AgentStackProvider } from '../../provider/AgentStackProvider';
import { orderWorkflowKey, useOrderWorkflow, useUpdateOrderWorkflow } from './useOrderWorkflow';

const BASE = 'http://order-workflow-hooks.test';

function setup(tenant: 'growth' | 'enterprise') {
  const api = createMockApi({ baseUrl: BASE, tenant });
  server.use(...api.handlers);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const client = new AgentStack({ apiKey: 'sk_test_workflow', baseUrl: BASE, maxRetries: 0 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AgentStackProvider client={client} queryClient={queryClient}>
      {children}
    </AgentStackProvider>
  );
  const hooks = renderHook(() => ({ workflow: useOrderWorkflow(), update: useUpdateOrderWorkflow() }), {
    wrapper,
  });
  return { api, queryClient, ...hooks };
}

let reset: (() => void) | undefined;
afterEach(() => reset?.());

describe('order workflow hooks', () => {
  it('read no steps, then replace them on Enterprise and keep the answer in the cache', async () => {
    const { api, queryClient, result } = setup('enterprise');
    reset = api.reset;
    await waitFor(() => expect(result.current.workflow.data?.steps).toEqual([]));
    await act(() => result.current.update.mutateAsync({ steps: [{ key: 'packed', name: 'Packed' }] }));
    expect(queryClient.getQueryData(orderWorkflowKey())?.steps).toEqual([{ key: 'packed', name: 'Packed' }]);
    await waitFor(() => expect(result.current.workflow.data?.steps.map((s) => s.key)).toEqual(['packed']));
  });

  it('surface feature_not_in_plan below Enterprise, with the plan that unlocks it', async () => {
    const { api, result } = setup('growth');
    reset = api.reset;
    await act(async () => {
      await result.current.update.mutateAsync({ steps: [{ key: 'packed', name: 'Packed' }] }).catch(() => {});
    });
    await waitFor(() => expect(result.current.update.error?.code).toBe('feature_not_in_plan'));
    expect(result.current.update.error?.problem?.upgrade?.id).toBe('commerce_enterprise');
  });
});
