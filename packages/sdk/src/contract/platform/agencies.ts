import { operation } from '../operation';

const BASE = '/v1/platform/agencies';

/**
 * `/v1/platform/agencies`: resellers and their white-label brands. Operator keys reach every
 * agency; an agency key (`ag_…`) retrieves its own, changes its brand and lists and revokes its
 * keys — any other agency answers `404`.
 */
export const agencyOperations = {
  /** Lists agencies, newest first. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'platform',
    summary: 'List agencies',
    permission: 'operator',
    query: 'ListParams',
    response: 'AgencyList',
    list: true,
  }),
  /** Creates an agency with its brand. */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'platform',
    summary: 'Create an agency',
    permission: 'operator',
    body: 'AgencyCreate',
    response: 'Agency',
    status: 201,
  }),
  /** Retrieves an agency by id. An agency key retrieves its own agency only. */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Retrieve an agency',
    permission: 'agency:manage',
    response: 'Agency',
  }),
  /**
   * Updates an agency's name or brand (brand fields merge). An agency key changes its own agency's
   * brand only: a `name` answers `403 forbidden`.
   */
  update: operation({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Update an agency',
    permission: 'agency:manage',
    body: 'AgencyUpdate',
    response: 'Agency',
  }),
  /**
   * Creates an agency key (`ag_…`), shown this once: it lists, retrieves and updates the tenants of
   * this agency and mints their API keys, and answers `404` for every other tenant. Operator keys
   * only: an agency key cannot mint keys, its own agency's included.
   */
  createKey: operation({
    method: 'post',
    path: `${BASE}/:id/api-keys`,
    tag: 'platform',
    summary: 'Create an agency key',
    permission: 'operator',
    body: 'AgencyKeyCreate',
    response: 'AgencyKeyWithSecret',
    status: 201,
    secret: true,
  }),
  /**
   * Lists an agency's keys, newest first, revoked ones included, each with who created it. Secrets
   * are never listed. An agency key lists its own agency's keys only.
   */
  listKeys: operation({
    method: 'get',
    path: `${BASE}/:id/api-keys`,
    tag: 'platform',
    summary: "List an agency's keys",
    permission: 'agency:manage',
    query: 'ListParams',
    response: 'AgencyKeyList',
    list: true,
  }),
  /**
   * Revokes an agency key; requests made with it then answer `401 invalid_api_key`. Idempotent.
   * An operator revokes any agency's keys; an agency key those of its own agency (itself included).
   */
  revokeKey: operation({
    method: 'post',
    path: `${BASE}/:id/api-keys/:keyId/revoke`,
    tag: 'platform',
    summary: 'Revoke an agency key',
    permission: 'agency:manage',
    response: 'AgencyKey',
  }),
} as const;
