import type { PageParams, WebhookDeliveryListParams } from '@agentstack/sdk';
import { defineResource } from '../shared/defineResource';

const ROOT = ['agentstack', 'platform', 'webhooks'] as const;

/** Paging of one endpoint's deliveries (`{ endpointId, status?, limit, startingAfter }`). */
export type WebhookDeliveryPageParams = WebhookDeliveryListParams & { endpointId: string };

const endpoints = defineResource([...ROOT, 'endpoints'], {
  list: (client, params: PageParams | undefined, options) =>
    client.platform.webhookEndpoints.list(params, options),
  retrieve: (client, id, options) => client.platform.webhookEndpoints.retrieve(id, options),
});
const deliveries = defineResource([...ROOT, 'deliveries'], {
  list: (client, params: WebhookDeliveryPageParams | undefined, options) => {
    const { endpointId = '', ...page } = params ?? {};
    return client.platform.webhookEndpoints.listDeliveries(endpointId, page, options);
  },
});

/** Typed query keys of webhook endpoints and their deliveries; `webhookKeys.all` after any webhook write. */
export const webhookKeys = {
  /** Every webhook query. */
  all: ROOT,
  /** Every endpoint query. */
  endpoints: () => endpoints.keys.all,
  /** One page of endpoints. */
  endpointList: endpoints.keys.list,
  /** One endpoint. */
  endpoint: endpoints.keys.detail,
  /** Every delivery query. */
  deliveries: () => deliveries.keys.all,
  /** One page of one endpoint's deliveries. */
  deliveryList: deliveries.keys.list,
};

/** Query options (key + fetcher) of webhook endpoints and deliveries. */
export const webhookQueries = {
  /** One page of endpoints (`GET /v1/platform/webhook-endpoints`); secrets are never listed. */
  endpointList: endpoints.queries.list,
  /** One endpoint (`GET /v1/platform/webhook-endpoints/:id`). */
  endpoint: endpoints.queries.detail,
  /** One page of an endpoint's deliveries, each with its latest attempts. */
  deliveryList: deliveries.queries.list,
};
