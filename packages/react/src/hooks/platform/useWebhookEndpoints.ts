import type {
  AgentStackError,
  DeletedWebhookEndpoint,
  ListResponse,
  PageParams,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookReplay,
  WebhookReplayResult,
  WebhookSecretRotate,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { type WebhookDeliveryPageParams, webhookKeys, webhookQueries } from './webhookKeys';

/** @internal After any webhook write: refetch endpoints and deliveries. */
const afterWebhookWrite = (queryClient: QueryClient) => invalidateAll(queryClient, webhookKeys.all);

/**
 * One page of the tenant's webhook endpoints, newest first (`GET /v1/platform/webhook-endpoints`).
 * Secrets are never listed: only each one's `secretPrefix`. Needs `platform:webhooks:read`.
 */
export function useWebhookEndpoints(
  params: PageParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<WebhookEndpoint>, AgentStackError> {
  return useListQuery((client) => webhookQueries.endpointList(client, params), options);
}

/**
 * One page of an endpoint's deliveries, newest first, each with its latest attempts (status code,
 * duration, response excerpt, error). `status` filters. Needs `platform:webhooks:read`.
 */
export function useWebhookDeliveries(
  params: WebhookDeliveryPageParams,
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<WebhookDelivery>, AgentStackError> {
  return useListQuery((client) => webhookQueries.deliveryList(client, params), options);
}

/**
 * Creates an endpoint. The answer's `secret` (`whsec_…`) is its only showing: hand it to the user
 * and call `reset()` once they have it (the mutation state holds it until then).
 */
export function useCreateWebhookEndpoint(): UseMutationResult<
  WebhookEndpointWithSecret,
  AgentStackError,
  WebhookEndpointCreate
> {
  return useWriteMutation(
    (client, body: WebhookEndpointCreate) => client.platform.webhookEndpoints.create(body),
    afterWebhookWrite,
  );
}

/** Updates an endpoint: url, description, filters, or `status` (`disabled` / `enabled`). */
export function useUpdateWebhookEndpoint(): UseMutationResult<
  WebhookEndpoint,
  AgentStackError,
  { id: string; body: WebhookEndpointUpdate }
> {
  return useWriteMutation(
    (client, { id, body }: { id: string; body: WebhookEndpointUpdate }) =>
      client.platform.webhookEndpoints.update(id, body),
    afterWebhookWrite,
  );
}

/** Deletes an endpoint with its deliveries. */
export function useDeleteWebhookEndpoint(): UseMutationResult<
  DeletedWebhookEndpoint,
  AgentStackError,
  string
> {
  return useWriteMutation(
    (client, id: string) => client.platform.webhookEndpoints.del(id),
    afterWebhookWrite,
  );
}

/**
 * Rotates an endpoint's secret; the new one is shown this once (as with creation), the old one
 * keeps signing for `expiresInSeconds` (24 h by default).
 */
export function useRotateWebhookSecret(): UseMutationResult<
  WebhookEndpointWithSecret,
  AgentStackError,
  { id: string; body?: WebhookSecretRotate }
> {
  return useWriteMutation(
    (client, { id, body = {} }: { id: string; body?: WebhookSecretRotate }) =>
      client.platform.webhookEndpoints.rotateSecret(id, body),
    afterWebhookWrite,
  );
}

/** Sends a `webhook_endpoint.test` event to one endpoint; answers the pending delivery. */
export function useSendWebhookTest(): UseMutationResult<WebhookDelivery, AgentStackError, string> {
  return useWriteMutation(
    (client, id: string) => client.platform.webhookEndpoints.sendTest(id),
    afterWebhookWrite,
  );
}

/** Sends a delivered or failed delivery again (`409 invalid_state` for a pending one). */
export function useReplayWebhookDelivery(): UseMutationResult<
  WebhookDelivery,
  AgentStackError,
  { endpointId: string; deliveryId: string }
> {
  return useWriteMutation(
    (client, { endpointId, deliveryId }: { endpointId: string; deliveryId: string }) =>
      client.platform.webhookEndpoints.replayDelivery(endpointId, deliveryId),
    afterWebhookWrite,
  );
}

/** Replays an endpoint's failed (or all) deliveries since a time; answers how many. */
export function useReplayWebhookDeliveries(): UseMutationResult<
  WebhookReplayResult,
  AgentStackError,
  { endpointId: string; body: WebhookReplay }
> {
  return useWriteMutation(
    (client, { endpointId, body }: { endpointId: string; body: WebhookReplay }) =>
      client.platform.webhookEndpoints.replayDeliveries(endpointId, body),
    afterWebhookWrite,
  );
}
