import type { ApiKey, ApiKeyCreate, ApiKeyWithSecret, ListResponse } from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { generateSecret, hashSecret, secretPrefix } from '../../../auth/credentials';
import type { Executor } from '../../../db/client';
import { notFound } from '../../../http/errors';
import { apiKeyStore, toApiKey } from './store';

/** A tenant's secret and publishable keys. The secret is returned once, at creation. */
export const apiKeyService = {
  async list(
    db: Executor,
    tenantId: string,
    params: { limit?: number; startingAfter?: string },
  ): Promise<ListResponse<ApiKey>> {
    return apiKeyStore(db, tenantId).page(params);
  },

  async create(tx: Executor, tenantId: string, input: ApiKeyCreate): Promise<ApiKeyWithSecret> {
    const secret = generateSecret(input.type === 'secret' ? 'sk' : 'pk');
    const row = await apiKeyStore(tx, tenantId).insert({
      id: newId('key'),
      type: input.type,
      name: input.name,
      prefix: secretPrefix(secret),
      secretHash: hashSecret(secret),
    });
    return { ...toApiKey(row), secret };
  },

  async revoke(tx: Executor, tenantId: string, id: string): Promise<ApiKey> {
    const store = apiKeyStore(tx, tenantId);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('api key', id);
    if (current.revokedAt) return toApiKey(current);
    return toApiKey(await store.update(id, { revokedAt: new Date() }));
  },
};
