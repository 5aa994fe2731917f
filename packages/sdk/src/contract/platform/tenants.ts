import { operation } from '../operation';

const BASE = '/v1/platform/tenants';

/**
 * `/v1/platform/tenants`: the installation's tenants (operator keys). Agency keys list, retrieve,
 * update and mint keys for their own agency's tenants only.
 */
export const tenantOperations = {
  /** Lists tenants, newest first. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'platform',
    summary: 'List tenants',
    permission: 'agency:tenants',
    query: 'ListParams',
    response: 'TenantList',
    list: true,
  }),
  /** Creates a tenant with its subscription. */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'platform',
    summary: 'Create a tenant',
    permission: 'operator',
    body: 'TenantCreate',
    response: 'Tenant',
    status: 201,
  }),
  /** Retrieves a tenant by id. */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Retrieve a tenant',
    permission: 'agency:tenants',
    response: 'Tenant',
  }),
  /** Updates a tenant: name, agency, subscription, add-ons, limit overrides, metadata. */
  update: operation({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Update a tenant',
    permission: 'agency:tenants',
    body: 'TenantUpdate',
    response: 'Tenant',
  }),
  /** Creates an API key for a tenant, e.g. its first secret key. The response's `secret` is shown this once. */
  createApiKey: operation({
    method: 'post',
    path: `${BASE}/:id/api-keys`,
    tag: 'platform',
    summary: "Create a tenant's API key",
    permission: 'agency:tenants',
    body: 'ApiKeyCreate',
    response: 'ApiKeyWithSecret',
    status: 201,
    secret: true,
  }),
  /** Lists a tenant's API keys, newest first, revoked ones included. Secrets are never listed. */
  listApiKeys: operation({
    method: 'get',
    path: `${BASE}/:id/api-keys`,
    tag: 'platform',
    summary: "List a tenant's API keys",
    permission: 'agency:tenants',
    query: 'ListParams',
    response: 'ApiKeyList',
    list: true,
  }),
  /** Revokes one of a tenant's API keys; requests made with it then answer `401 invalid_api_key`. Idempotent. */
  revokeApiKey: operation({
    method: 'post',
    path: `${BASE}/:id/api-keys/:keyId/revoke`,
    tag: 'platform',
    summary: "Revoke a tenant's API key",
    permission: 'agency:tenants',
    response: 'ApiKey',
  }),
} as const;
