import { planResources } from '@agentstack/sdk/catalog';
import { planOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';

const CATALOGUE = planResources();

/** Serves `GET /v1/platform/plans`: the plan catalogue, plans then add-ons. */
export function planRoutes(router: ApiRouter): void {
  router.implement(op.list, async () => ({ data: CATALOGUE, hasMore: false, nextCursor: null }));
}
