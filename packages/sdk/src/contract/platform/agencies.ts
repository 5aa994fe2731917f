import { operation } from '../operation';

const BASE = '/v1/platform/agencies';

/** `/v1/platform/agencies`: resellers and their white-label brands (operator keys). */
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
  /** Retrieves an agency by id. */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Retrieve an agency',
    permission: 'operator',
    response: 'Agency',
  }),
  /** Updates an agency's name or brand (brand fields merge). */
  update: operation({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Update an agency',
    permission: 'operator',
    body: 'AgencyUpdate',
    response: 'Agency',
  }),
  /**
   * Creates an agency key (`ag_…`), shown this once: it lists, retrieves and updates the tenants of
   * this agency and mints their API keys, and answers `404` for every other tenant.
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
} as const;
