import { computeEntitlements, requireFeature, requireWithinLimit } from '../catalog/entitlements';
import { type FeatureKey, LIMIT_KEYS, type LimitKey } from '../catalog/plans';
import type { Entitlements } from '../schemas/platform/entitlements';
import type { MockDb } from './db';

/** What counts against each limit in the model, as the server's usage counters count it. */
const USAGE: Partial<Record<LimitKey, (db: MockDb) => number>> = {
  'commerce.products': (db) => db.products.filter((p) => p.status !== 'archived').length,
  'platform.dashboardUsers': (db) => db.users.length,
};

function computed(db: MockDb) {
  return computeEntitlements(db.tenant.subscription, db.tenant.addons, db.tenant.limitOverrides);
}

/** `GET /v1/platform/entitlements` over the model. */
export function entitlementsOf(db: MockDb): Entitlements {
  const { features, limits, rateLimit } = computed(db);
  return {
    object: 'entitlements',
    tenantId: db.tenant.id,
    subscription: db.tenant.subscription,
    addons: db.tenant.addons,
    features,
    limits: Object.fromEntries(
      LIMIT_KEYS.map((key) => [key, { limit: limits[key], used: USAGE[key]?.(db) ?? 0 }]),
    ),
    rateLimit,
    apiCalls: { ...db.apiCalls },
  };
}

/** The server's `403 feature_not_in_plan`, from the shared catalogue rule. */
export function requireMockFeature(db: MockDb, feature: FeatureKey): void {
  requireFeature(computed(db), feature);
}

/** The server's `402 tier_limit_reached` for one more of `key`, from the shared catalogue rule. */
export function requireMockSlot(db: MockDb, key: LimitKey): void {
  requireWithinLimit(computed(db), db.tenant.subscription, key, USAGE[key]?.(db) ?? 0);
}
