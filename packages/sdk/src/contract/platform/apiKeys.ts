import { operation } from '../operation';

const BASE = '/v1/platform/api-keys';

/** `/v1/platform/api-keys`: the tenant's API keys. */
export const apiKeyOperations = {
  /** Lists keys, newest first. Secrets are never listed. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'platform',
    summary: 'List API keys',
    permission: 'platform:keys:read',
    query: 'ListParams',
    response: 'ApiKeyList',
    list: true,
  }),
  /** Creates a key. The response's `secret` is shown this once: store it. */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'platform',
    summary: 'Create an API key',
    permission: 'platform:keys:write',
    body: 'ApiKeyCreate',
    response: 'ApiKeyWithSecret',
    status: 201,
    secret: true,
  }),
  /** Revokes a key; requests made with it then answer `401 invalid_api_key`. */
  revoke: operation({
    method: 'post',
    path: `${BASE}/:id/revoke`,
    tag: 'platform',
    summary: 'Revoke an API key',
    permission: 'platform:keys:write',
    response: 'ApiKey',
  }),
} as const;
