import { AgentStack } from '@agentstack/sdk';
import { createMockApi } from '@agentstack/sdk/mocks';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/server';
import { AgentStackProvider } from '../../provider/AgentStackProvider';
import {
  useCreateWebhookEndpoint,
  useReplayWebhookDelivery,
  useRotateWebhookSecret,
  useUpdateWebhookEndpoint,
  useWebhookDeliveries,
  useWebhookEndpoints,
} from './useWebhookEndpoints';
import { webhookKeys } from './webhookKeys';

const BASE = 'http://webhook-hooks.test';
const api = createMockApi({ baseUrl: BASE, tenant: 'growth' });

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const client = new AgentStack({ apiKey: 'sk_test_webhooks', baseUrl: BASE, maxRetries: 0 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AgentStackProvider client={client} queryClient={queryClient}>
      {children}
    </AgentStackProvider>
  );
  return { queryClient, wrapper };
}

beforeEach(() => server.use(...api.handlers));
afterEach(() => api.reset());

describe('webhook hooks', () => {
  it('nest their keys under webhookKeys.all', () => {
    expect(webhookKeys.endpointList({ limit: 5 }).slice(0, 3)).toEqual([...webhookKeys.all]);
    expect(webhookKeys.deliveryList({ endpointId: 'we_1' }).slice(0, 3)).toEqual([...webhookKeys.all]);
  });

  it('lists endpoints and deliveries with attempts, creates (secret once), rotates, disables and replays', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(
      () => ({
        endpoints: useWebhookEndpoints(),
        create: useCreateWebhookEndpoint(),
        rotate: useRotateWebhookSecret(),
        update: useUpdateWebhookEndpoint(),
        replay: useReplayWebhookDelivery(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.endpoints.data?.data).toHaveLength(2));
    const [orders] = api.db.webhookEndpoints;
    const deliveries = renderHook(() => useWebhookDeliveries({ endpointId: orders!.id }), { wrapper });
    await waitFor(() => expect(deliveries.result.current.data?.data).toHaveLength(3));
    expect(deliveries.result.current.data!.data.some((d) => d.attempts.length > 1)).toBe(true);

    let secret = '';
    await act(async () => {
      secret = (
        await result.current.create.mutateAsync({
          url: 'https://hooks.example.test/new',
          enabledEvents: ['product.*'],
        })
      ).secret;
    });
    expect(secret).toMatch(/^whsec_/);
    await waitFor(() => expect(result.current.endpoints.data?.data).toHaveLength(3));
    expect(JSON.stringify(result.current.endpoints.data)).not.toContain(secret);

    const created = result.current.endpoints.data!.data[0]!;
    let rotated = '';
    await act(async () => {
      rotated = (await result.current.rotate.mutateAsync({ id: created.id })).secret;
    });
    expect(rotated).not.toBe(secret);
    await act(async () => {
      await result.current.update.mutateAsync({ id: created.id, body: { status: 'disabled' } });
    });
    await waitFor(() =>
      expect(result.current.endpoints.data?.data.find((e) => e.id === created.id)?.status).toBe('disabled'),
    );
    const failed = deliveries.result.current.data!.data.find((d) => d.status === 'failed')!;
    await act(async () => {
      await result.current.replay.mutateAsync({ endpointId: orders!.id, deliveryId: failed.id });
    });
    await waitFor(() =>
      expect(deliveries.result.current.data?.data.find((d) => d.id === failed.id)?.status).toBe('pending'),
    );
  });
});
