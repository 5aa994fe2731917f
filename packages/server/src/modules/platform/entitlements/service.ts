import {
  type ComputedEntitlements,
  computeEntitlements,
  type FeatureKey,
  LIMIT_KEYS,
  type LimitKey,
  type RateLimitPolicy,
  requireFeature as requirePlanFeature,
  requireWithinLimit as requirePlanLimit,
  type Subscription,
} from '@agentstack/sdk/catalog';
import type { ApiCallUsage, Entitlements } from '@agentstack/sdk/schemas';
import type { TenantRow } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { notFound } from '../../../http/errors';
import { tenantStore } from '../tenants/store';
import { countUsage, usageOf } from './usage';

/** The entitlements a tenant row yields (plan tiers, add-ons, negotiated overrides). */
export function entitlementsOf(tenant: TenantRow): ComputedEntitlements {
  return computeEntitlements(
    tenant.subscription as Subscription,
    tenant.addons as string[],
    tenant.limitOverrides as Partial<Record<LimitKey, number | null>>,
  );
}

/** Throws `403 feature_not_in_plan`, naming the plan or add-on that unlocks `feature`, unless entitled. */
export function requireFeature(tenant: TenantRow, feature: FeatureKey): void {
  requirePlanFeature(entitlementsOf(tenant), feature);
}

/**
 * Throws `402 tier_limit_reached` when `used + adding` would pass the tenant's `key` limit,
 * naming the plan that would lift it (the catalogue's rule, shared with the mocks). Call it
 * inside the transaction that adds, after {@link lockTenant}, so concurrent adds cannot both pass.
 */
export function requireWithinLimit(tenant: TenantRow, key: LimitKey, used: number, adding = 1): void {
  requirePlanLimit(entitlementsOf(tenant), tenant.subscription as Subscription, key, used, adding);
}

/** Locks the tenant row for the rest of the transaction and returns it fresh (plan included). */
export async function lockTenant(tx: Executor, tenantId: string): Promise<TenantRow> {
  const row = await tenantStore(tx).getForUpdate(tenantId);
  if (!row) throw notFound('tenant', tenantId);
  return row;
}

/**
 * Throws `402 tier_limit_reached` unless `adding` more of `key` fit the tenant's plan, counting
 * with the counter its domain registered (see `registerUsage`). Call it after
 * {@link lockTenant}, in the transaction that adds.
 */
export async function requireRoomFor(
  tx: Executor,
  tenant: TenantRow,
  key: LimitKey,
  adding = 1,
): Promise<void> {
  if (entitlementsOf(tenant).limits[key] === null) return; // unlimited: nothing to count
  requireWithinLimit(tenant, key, await usageOf(tx, tenant.id, key), adding);
}

/**
 * Makes room for `adding` more of `key` in the transaction that adds them, and returns the
 * tenant row, read fresh. When the tenant's plan limits `key`, the tenant row is locked for the
 * rest of the transaction and usage counted, so concurrent adds cannot pass the limit together
 * (`402 tier_limit_reached` otherwise). When it does not, nothing is locked or counted, and
 * adds of one tenant run side by side.
 */
export async function reserve(tx: Executor, tenantId: string, key: LimitKey, adding = 1): Promise<TenantRow> {
  const current = await tenantStore(tx).get(tenantId);
  if (!current) throw notFound('tenant', tenantId);
  if (entitlementsOf(current).limits[key] === null) return current;
  const tenant = await lockTenant(tx, tenantId);
  await requireRoomFor(tx, tenant, key, adding);
  return tenant;
}

/**
 * The `GET /v1/platform/entitlements` body: features, every limit with its usage, and the API
 * rate limit and calls the server measures (`live`).
 */
export async function describeEntitlements(
  db: Executor,
  tenant: TenantRow,
  live: { rateLimit: RateLimitPolicy; apiCalls: ApiCallUsage },
): Promise<Entitlements> {
  const computed = entitlementsOf(tenant);
  const usage = await countUsage(db, tenant.id);
  return {
    object: 'entitlements',
    tenantId: tenant.id,
    subscription: tenant.subscription as Entitlements['subscription'],
    addons: tenant.addons as string[],
    features: computed.features,
    limits: Object.fromEntries(
      LIMIT_KEYS.map((k) => [k, { limit: computed.limits[k], used: usage[k] ?? 0 }]),
    ),
    rateLimit: live.rateLimit,
    apiCalls: live.apiCalls,
  };
}
