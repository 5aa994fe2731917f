import { planResources } from '@agentstack/sdk/catalog';
import { listOf, Plan } from '@agentstack/sdk/schemas';
import type { ApiRouter } from '../../../http/route';

const CATALOGUE = planResources();

/** Registers `GET /v1/platform/plans`: the plan catalogue, plans then add-ons. */
export function planRoutes(router: ApiRouter): void {
  router.add({
    method: 'get',
    path: '/v1/platform/plans',
    tag: 'platform',
    summary: 'List plans and add-ons',
    auth: 'platform:plans:read',
    response: listOf(Plan),
    handler: async () => ({ data: CATALOGUE, hasMore: false, nextCursor: null }),
  });
}
