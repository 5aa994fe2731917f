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
} as const;
