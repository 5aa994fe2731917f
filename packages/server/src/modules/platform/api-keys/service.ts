import { keyRoleFor } from '@agentstack/sdk/catalog';
import type {
  ApiKey,
  ApiKeyCreate,
  ApiKeyCreator,
  ApiKeyWithSecret,
  ListResponse,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { eq } from 'drizzle-orm';
import { generateSecret, hashSecret, secretPrefix } from '../../../auth/credentials';
import type { Principal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { agencyKeys } from '../../../db/schema';
import { ApiError, notFound } from '../../../http/errors';
import { operatorKeyLabel } from '../operators/service';
import { userStore } from '../users/store';
import { apiKeyStore, toApiKey } from './store';

/** Who is creating a key, with the label the dashboard shows, as it is now. */
async function creatorOf(tx: Executor, tenantId: string, caller: Principal): Promise<ApiKeyCreator> {
  const id = caller.kind === 'session' ? caller.userId! : caller.credentialId;
  if (caller.kind === 'operator') return { type: 'operator', id, label: await operatorKeyLabel(tx, id) };
  if (caller.kind === 'agency_key') {
    const [key] = await tx.select().from(agencyKeys).where(eq(agencyKeys.id, id));
    return { type: 'agency_key', id, label: key ? `${key.name} (${key.prefix})` : id };
  }
  if (caller.kind === 'session') {
    const user = await userStore(tx, tenantId).get(id);
    return { type: 'user', id, label: user ? `${user.name} <${user.email}>` : id };
  }
  const key = await apiKeyStore(tx, tenantId).get(id);
  return { type: 'api_key', id, label: key ? `${key.name} (${key.prefix})` : id };
}

/** A tenant's secret and publishable keys. The secret is returned once, at creation. */
export const apiKeyService = {
  async list(
    db: Executor,
    tenantId: string,
    params: { limit?: number; startingAfter?: string },
  ): Promise<ListResponse<ApiKey>> {
    return apiKeyStore(db, tenantId).page(params);
  },

  /**
   * Creates a key of `tenantId` for `caller` — whose credential the request's transaction has
   * just re-read and locked, so a revoked or demoted caller creates nothing.
   */
  async create(
    tx: Executor,
    tenantId: string,
    input: ApiKeyCreate,
    caller: Principal,
  ): Promise<ApiKeyWithSecret> {
    const role = keyRoleFor(input, caller);
    const secret = generateSecret(input.type === 'secret' ? 'sk' : 'pk');
    const row = await apiKeyStore(tx, tenantId).insert({
      id: newId('key'),
      type: input.type,
      name: input.name,
      prefix: secretPrefix(secret),
      secretHash: hashSecret(secret),
      role,
      createdBy: await creatorOf(tx, tenantId, caller),
    });
    return { ...toApiKey(row), secret };
  },

  /**
   * Revokes a key. Only an owner revokes an owner key — or those above the tenant who may mint
   * one: an operator, or an agency key for its own agency's tenant (the route has checked that).
   */
  async revoke(tx: Executor, tenantId: string, id: string, caller: Principal): Promise<ApiKey> {
    const store = apiKeyStore(tx, tenantId);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('api key', id);
    const above = caller.kind === 'operator' || caller.kind === 'agency_key';
    if (current.role === 'owner' && !above && caller.role !== 'owner') {
      throw new ApiError(403, 'forbidden', 'Only an owner may revoke an owner key.', { param: 'id' });
    }
    if (current.revokedAt) return toApiKey(current);
    return toApiKey(await store.update(id, { revokedAt: new Date() }));
  },
};
