import { Agency, AgencyCreate, AgencyUpdate, ListParams, listOf } from '@agentstack/sdk/schemas';
import type { ApiRouter } from '../../../http/route';
import { agencyService } from './service';

const BASE = '/v1/platform/agencies';

/** Registers `/v1/platform/agencies`: resellers and their brands (operator keys only). */
export function agencyRoutes(router: ApiRouter): void {
  router.add({
    method: 'get',
    path: BASE,
    tag: 'platform',
    summary: 'List agencies',
    auth: 'operator',
    query: ListParams,
    response: listOf(Agency),
    handler: ({ db, query }) => agencyService.list(db, query),
  });
  router.add({
    method: 'post',
    path: BASE,
    tag: 'platform',
    summary: 'Create an agency',
    status: 201,
    auth: 'operator',
    body: AgencyCreate,
    response: Agency,
    errors: ['idempotency_conflict', 'idempotency_in_progress'],
    handler: ({ db, body }) => agencyService.create(db, body),
  });
  router.add({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Retrieve an agency',
    auth: 'operator',
    response: Agency,
    handler: ({ db, params }) => agencyService.retrieve(db, params.id!),
  });
  router.add({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Update an agency',
    auth: 'operator',
    body: AgencyUpdate,
    response: Agency,
    handler: ({ db, params, body }) => agencyService.update(db, params.id!, body),
  });
}
