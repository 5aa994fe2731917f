import type { ApiKey } from '@agentstack/sdk/schemas';
import { apiKeys } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

/** The wire shape of a key: never its secret or hash. */
export function toApiKey(row: typeof apiKeys.$inferSelect): ApiKey {
  return wireOf(row, 'api_key', [
    'type',
    'name',
    'prefix',
    'role',
    'createdBy',
    'createdAt',
    'lastUsedAt',
    'revokedAt',
  ]);
}

/** SQL for one tenant's API keys: `apiKeyStore(db, tenantId)`. */
export const apiKeyStore = defineStore({
  table: apiKeys,
  scope: 'tenantId',
  toWire: toApiKey,
  orders: { createdAt: apiKeys.id },
  defaultOrder: '-createdAt',
});
