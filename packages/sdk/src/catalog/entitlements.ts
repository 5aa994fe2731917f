import { ProblemError } from '../contract/problem';
import {
  ADDONS,
  type AddonDefinition,
  type Domain,
  domainOf,
  type FeatureKey,
  findAddon,
  findPlan,
  LIMIT_KEYS,
  type LimitKey,
  type PlanDefinition,
  plansOf,
  type RateLimitPolicy,
  rateLimitOf,
} from './plans';

/** The plans a tenant subscribes to: one platform tier and, per domain, a tier or none. */
export interface Subscription {
  platform: string;
  commerce: string | null;
  fintech: string | null;
  social: string | null;
}

/** What a tenant may do, computed from its subscription, add-ons and negotiated overrides. */
export interface ComputedEntitlements {
  features: FeatureKey[];
  /** `null` means unlimited. */
  limits: Record<LimitKey, number | null>;
  /** The API rate limit of the platform tier. */
  rateLimit: RateLimitPolicy;
}

/** What would unlock a feature or lift a limit. */
export interface UpgradeHint {
  kind: 'plan' | 'addon';
  id: string;
  name: string;
}

function planChain(domain: Domain, planId: string | null): PlanDefinition[] {
  if (!planId) return [];
  const plan = findPlan(planId);
  if (!plan || plan.domain !== domain) return [];
  return plansOf(domain).filter((p) => p.rank <= plan.rank);
}

/**
 * Computes entitlements: each domain tier includes the features of the lower tiers; limits come
 * from the tier itself; add-ons add features; `overrides` (custom contracts) replace limits.
 * A limit of a domain the tenant has no plan for is 0.
 */
export function computeEntitlements(
  subscription: Subscription,
  addons: readonly string[] = [],
  overrides: Partial<Record<LimitKey, number | null>> = {},
): ComputedEntitlements {
  const features = new Set<FeatureKey>();
  const limits = Object.fromEntries(LIMIT_KEYS.map((k) => [k, 0])) as Record<LimitKey, number | null>;
  for (const domain of ['platform', 'commerce', 'fintech', 'social'] as const) {
    for (const plan of planChain(domain, subscription[domain])) {
      for (const f of plan.features) features.add(f);
      for (const [k, v] of Object.entries(plan.limits)) limits[k as LimitKey] = v ?? null;
    }
  }
  for (const id of addons) {
    const addon = findAddon(id);
    if (addon && subscription[addon.domain]) for (const f of addon.features) features.add(f);
  }
  for (const [k, v] of Object.entries(overrides)) {
    if ((LIMIT_KEYS as readonly string[]).includes(k) && v !== undefined) limits[k as LimitKey] = v;
  }
  return { features: [...features].sort(), limits, rateLimit: rateLimitOf(subscription.platform) };
}

/** The lowest plan of the feature's domain that includes it, else the add-on that grants it. */
export function upgradeForFeature(feature: FeatureKey): UpgradeHint | null {
  const domain = feature.slice(0, feature.indexOf('.')) as Domain;
  const plan = plansOf(domain).find((p) => p.features.includes(feature));
  if (plan) return { kind: 'plan', id: plan.id, name: plan.name };
  const addon = findAddonFor(feature);
  return addon ? { kind: 'addon', id: addon.id, name: addon.name } : null;
}

function findAddonFor(feature: FeatureKey): AddonDefinition | undefined {
  return (ADDONS as readonly AddonDefinition[]).find((a) => a.features.includes(feature));
}

/**
 * The plan that would lift `key` to at least `needed`: the lowest plan of the limit's domain,
 * above `currentPlanId` when given (a tenant whose negotiated limit is below its own plan's is
 * pointed past its plan, never back to it), whose limit is at least `needed` or unlimited.
 */
export function upgradeForLimit(
  key: LimitKey,
  needed: number,
  currentPlanId?: string | null,
): UpgradeHint | null {
  const domain = key.slice(0, key.indexOf('.')) as Domain;
  const currentRank = (currentPlanId && findPlan(currentPlanId)?.rank) || 0;
  const plan = plansOf(domain).find((p) => {
    if (p.rank <= currentRank) return false;
    const limit = p.limits[key];
    return limit === null || (limit !== undefined && limit >= needed);
  });
  return plan ? { kind: 'plan', id: plan.id, name: plan.name } : null;
}

/**
 * Throws `403 feature_not_in_plan`, naming the plan or add-on that unlocks `feature`, unless
 * `entitlements` include it. The server and the mocks both answer with it.
 */
export function requireFeature(entitlements: ComputedEntitlements, feature: FeatureKey): void {
  if (entitlements.features.includes(feature)) return;
  const upgrade = upgradeForFeature(feature);
  throw new ProblemError(
    403,
    'feature_not_in_plan',
    `Your plan does not include ${feature}.${upgrade ? ` It comes with the ${upgrade.name} ${upgrade.kind}.` : ''}`,
    { feature, ...(upgrade ? { upgrade } : {}) },
  );
}

/**
 * Throws `402 tier_limit_reached` when `used + adding` would pass the `key` limit of
 * `entitlements`, naming the plan above the tenant's current one that would lift it.
 */
export function requireWithinLimit(
  entitlements: ComputedEntitlements,
  subscription: Subscription,
  key: LimitKey,
  used: number,
  adding = 1,
): void {
  const limit = entitlements.limits[key];
  if (limit === null || used + adding <= limit) return;
  const upgrade = upgradeForLimit(key, used + adding, subscription[domainOf(key)]);
  throw new ProblemError(
    402,
    'tier_limit_reached',
    `Your plan allows ${limit} ${key.split('.')[1]} and you have ${used}.${upgrade ? ` The ${upgrade.name} plan allows more.` : ''}`,
    { limit: { key, limit, used }, ...(upgrade ? { upgrade } : {}) },
  );
}
