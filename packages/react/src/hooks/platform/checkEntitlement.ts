import type { AgentStackError, Entitlements } from '@agentstack/sdk';
import type { FeatureKey, LimitKey } from '@agentstack/sdk/catalog';

/** The answer of {@link useEntitlement}. `pending` until entitlements are known. */
export type EntitlementState =
  | { status: 'pending' }
  | { status: 'error'; error: AgentStackError }
  | { status: 'granted'; used?: number; limit?: number | null; plan?: string | null }
  | { status: 'denied'; used?: number; limit?: number | null; plan?: string | null };

/** What {@link useEntitlement} checks: a feature flag, or room for `need` more of a limit. */
export type EntitlementCheck = { feature: FeatureKey } | { limit: LimitKey; need?: number };

/** Whether the tenant has a feature, or room for `need` (default 1) more units of a limit. */
export function checkEntitlement(entitlements: Entitlements, check: EntitlementCheck): EntitlementState {
  if ('feature' in check) {
    return { status: entitlements.features.includes(check.feature) ? 'granted' : 'denied' };
  }
  // The tenant's plan in the limit's domain, so an upgrade hint points above it.
  const plan = planOfDomain(entitlements, check.limit);
  const usage = entitlements.limits[check.limit];
  if (!usage) return { status: 'denied', used: 0, limit: 0, plan };
  const need = check.need ?? 1;
  const ok = usage.limit === null || usage.used + need <= usage.limit;
  return { status: ok ? 'granted' : 'denied', used: usage.used, limit: usage.limit, plan };
}

/** The tenant's plan id in the domain of a limit key (`commerce.products` → its commerce plan). */
export function planOfDomain(entitlements: Entitlements, key: LimitKey): string | null {
  const domain = key.slice(0, key.indexOf('.')) as keyof Entitlements['subscription'];
  return entitlements.subscription[domain] ?? null;
}
