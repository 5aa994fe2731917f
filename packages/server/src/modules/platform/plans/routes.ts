import { ADDONS, type AddonDefinition, PLANS, type PlanDefinition } from '@agentstack/sdk/catalog';
import { listOf, Plan } from '@agentstack/sdk/schemas';
import type { ApiRouter } from '../../../http/route';

const toPlan = (p: PlanDefinition): Plan => ({
  id: p.id,
  object: 'plan',
  kind: 'plan',
  domain: p.domain,
  name: p.name,
  rank: p.rank,
  price: p.price,
  description: p.description,
  limits: p.limits as Record<string, number | null>,
  features: p.features,
});
const toAddon = (a: AddonDefinition): Plan => ({
  id: a.id,
  object: 'plan',
  kind: 'addon',
  domain: a.domain,
  name: a.name,
  rank: null,
  price: a.price,
  description: a.description,
  limits: {},
  features: a.features,
});
const CATALOGUE = [
  ...(PLANS as readonly PlanDefinition[]).map(toPlan),
  ...(ADDONS as readonly AddonDefinition[]).map(toAddon),
];

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
