import { operation } from '../operation';

const BASE = '/v1/platform/webhook-endpoints';

/**
 * `/v1/platform/webhook-endpoints`: where the tenant's events are POSTed, signed with the
 * endpoint's secret (`AgentStack-Signature: t=…,v1=…`; verify with `client.webhooks.verify`),
 * retried with backoff for up to three days. Owners and admins only.
 */
export const webhookEndpointOperations = {
  /** Lists endpoints, newest first. Secrets are never listed: only each one's `secretPrefix`. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'platform',
    summary: 'List webhook endpoints',
    permission: 'platform:webhooks:read',
    query: 'ListParams',
    response: 'WebhookEndpointList',
    list: true,
  }),
  /**
   * Creates an endpoint. The response's `secret` (`whsec_…`) is shown this once: store it to
   * verify deliveries. Receivers on private, loopback, link-local or metadata addresses, and
   * `http:` URLs, are refused unless the server's operator allows private receivers.
   */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'platform',
    summary: 'Create a webhook endpoint',
    permission: 'platform:webhooks:write',
    body: 'WebhookEndpointCreate',
    response: 'WebhookEndpointWithSecret',
    status: 201,
    errors: ['webhooks_not_configured'],
    secret: true,
  }),
  /** Retrieves an endpoint (without its secret). */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Retrieve a webhook endpoint',
    permission: 'platform:webhooks:read',
    response: 'WebhookEndpoint',
  }),
  /**
   * Updates the given fields. `status: 'disabled'` stops deliveries (pending ones fail);
   * `status: 'enabled'` resumes them and clears the disabled reason.
   */
  update: operation({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Update a webhook endpoint',
    permission: 'platform:webhooks:write',
    body: 'WebhookEndpointUpdate',
    response: 'WebhookEndpoint',
  }),
  /** Deletes an endpoint with its deliveries. */
  del: operation({
    method: 'delete',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Delete a webhook endpoint',
    permission: 'platform:webhooks:write',
    response: 'DeletedWebhookEndpoint',
  }),
  /**
   * Replaces the signing secret. The new `secret` is shown this once; the old one keeps signing
   * beside it (two `v1=` values) for `expiresInSeconds` (24 hours by default), so receivers can
   * switch without losing a delivery.
   */
  rotateSecret: operation({
    method: 'post',
    path: `${BASE}/:id/rotate-secret`,
    tag: 'platform',
    summary: 'Rotate a webhook endpoint secret',
    permission: 'platform:webhooks:write',
    body: 'WebhookSecretRotate',
    response: 'WebhookEndpointWithSecret',
    errors: ['webhooks_not_configured'],
    secret: true,
  }),
  /**
   * Sends a `webhook_endpoint.test` event (its `data` the endpoint) to this endpoint alone,
   * whatever its filters: the answer is the delivery, pending; its attempts show in the list.
   */
  sendTest: operation({
    method: 'post',
    path: `${BASE}/:id/test`,
    tag: 'platform',
    summary: 'Send a test event to a webhook endpoint',
    permission: 'platform:webhooks:write',
    response: 'WebhookDelivery',
    errors: ['invalid_state'],
  }),
  /** Lists the endpoint's deliveries, newest first, each with its latest attempts (`?status=` filters). */
  listDeliveries: operation({
    method: 'get',
    path: `${BASE}/:id/deliveries`,
    tag: 'platform',
    summary: 'List deliveries of a webhook endpoint',
    permission: 'platform:webhooks:read',
    query: 'WebhookDeliveryListParams',
    response: 'WebhookDeliveryList',
    list: true,
  }),
  /**
   * Sends a delivered or failed delivery again, at once (same event id and body, newly signed);
   * a pending one answers `409 invalid_state` (it is retried on its own), as does any replay to
   * a disabled endpoint (enable it first).
   */
  replayDelivery: operation({
    method: 'post',
    path: `${BASE}/:id/deliveries/:deliveryId/replay`,
    tag: 'platform',
    summary: 'Replay a webhook delivery',
    permission: 'platform:webhooks:write',
    response: 'WebhookDelivery',
    errors: ['invalid_state'],
  }),
  /**
   * Replays the endpoint's deliveries created at or after `since`: the failed ones (default) or
   * every delivered and failed one (`status: 'all'`), oldest first, at most 1,000 per call
   * (call again with a later `since` for more).
   */
  replayDeliveries: operation({
    method: 'post',
    path: `${BASE}/:id/deliveries/replay`,
    tag: 'platform',
    summary: 'Replay many webhook deliveries',
    permission: 'platform:webhooks:write',
    body: 'WebhookReplay',
    response: 'WebhookReplayResult',
    errors: ['invalid_state'],
  }),
} as const;
