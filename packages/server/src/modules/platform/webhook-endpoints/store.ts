import type { WebhookEndpoint } from '@agentstack/sdk/schemas';
import { webhookEndpoints } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

/** The wire shape of an endpoint: never its secrets. A rotated secret past its window is not shown. */
export function toWebhookEndpoint(row: typeof webhookEndpoints.$inferSelect): WebhookEndpoint {
  const wire = wireOf(row, 'webhook_endpoint', [
    'url',
    'description',
    'enabledEvents',
    'status',
    'disabledReason',
    'secretPrefix',
    'previousSecretExpiresAt',
    'createdAt',
    'updatedAt',
  ]);
  if (row.previousSecretExpiresAt && row.previousSecretExpiresAt.getTime() <= Date.now()) {
    wire.previousSecretExpiresAt = null;
  }
  return wire;
}

/** SQL for one tenant's webhook endpoints: `webhookEndpointStore(db, tenantId)`. */
export const webhookEndpointStore = defineStore({
  table: webhookEndpoints,
  scope: 'tenantId',
  toWire: toWebhookEndpoint,
  orders: { createdAt: webhookEndpoints.id },
  defaultOrder: '-createdAt',
});
