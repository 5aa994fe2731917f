import { keyRoleFor } from '../../catalog/permissions';
import { apiKeyOperations } from '../../contract/platform/apiKeys';
import { ProblemError } from '../../contract/problem';
import { newId } from '../../schemas/ids';
import type { ApiKey, ApiKeyCreate, ApiKeyCreator, ApiKeyWithSecret } from '../../schemas/platform/apiKey';
import { findById, now, paginate } from '../collection';
import type { MockDb } from '../db';
import { type Caller, mockResource } from '../pipeline';
import { randomToken } from '../problems';

/**
 * Creates a key in the model for `creator` in `keys` (the caller tenant's by default); its secret
 * works as a bearer token until revoked — for the caller's tenant only.
 */
export function createKey(
  db: MockDb,
  input: ApiKeyCreate,
  creator: Caller,
  keys: ApiKey[] = db.apiKeys,
): ApiKeyWithSecret {
  const role = keyRoleFor(input, creator);
  const secret = randomToken(input.type === 'secret' ? 'sk_' : 'pk_');
  const key: ApiKeyWithSecret = {
    id: newId('key'),
    object: 'api_key',
    type: input.type,
    name: input.name,
    // As the server shows it: the type prefix and six characters (`sk_4f9aB2…`).
    prefix: `${secret.slice(0, secret.indexOf('_') + 7)}…`,
    role,
    createdBy: creatorOf(db, creator),
    createdAt: now(),
    lastUsedAt: null,
    revokedAt: null,
    secret,
  };
  const { secret: _shownOnce, ...stored } = key;
  keys.push(stored);
  db.keySecrets.set(secret, key.id);
  return key;
}

/** Who is creating a key, labelled as the server labels it. */
function creatorOf(db: MockDb, creator: Caller): ApiKeyCreator {
  if (creator.kind === 'operator') return { type: 'operator', id: 'op_mock', label: 'Operator key' };
  if (creator.kind === 'agency_key') {
    const key = db.agencyKeys.find((k) => k.secret === creator.token);
    return {
      type: 'agency_key',
      id: key?.id ?? 'agk_mock',
      label: key ? `${key.name} (${key.prefix})` : 'Agency key',
    };
  }
  const user = creator.userId ? db.users.find((u) => u.id === creator.userId) : undefined;
  if (user) return { type: 'user', id: user.id, label: `${user.name} <${user.email}>` };
  const keyId = db.keySecrets.get(creator.token);
  const key = keyId ? db.apiKeys.find((k) => k.id === keyId) : undefined;
  return {
    type: 'api_key',
    id: key?.id ?? 'key_mock',
    label: key ? `${key.name} (${key.prefix})` : 'Secret key',
  };
}

/** `/v1/platform/api-keys` in memory. */
export const apiKeyMocks = mockResource(apiKeyOperations, {
  list(ctx) {
    ctx.tenant();
    return paginate(ctx.db.apiKeys, ctx.query);
  },
  create(ctx) {
    return createKey(ctx.db, ctx.body, ctx.tenant());
  },
  revoke(ctx) {
    return revokeKey(ctx.db.apiKeys, ctx.params.id, ctx.tenant());
  },
});

/**
 * Revokes key `id` of `keys` (idempotent). Only an owner revokes an owner key — or those above
 * the tenant who may mint one: an operator or an agency key, as on the server.
 */
export function revokeKey(keys: ApiKey[], id: string, caller: Caller): ApiKey {
  const key = findById(keys, id, 'API key');
  const above = caller.kind === 'operator' || caller.kind === 'agency_key';
  if (key.role === 'owner' && !above && caller.role !== 'owner') {
    throw new ProblemError(403, 'forbidden', 'Only an owner may revoke an owner key.', { param: 'id' });
  }
  key.revokedAt ??= now();
  return key;
}
