import type { AgentStackError, Entitlements } from '@agentstack/sdk';
import type { FeatureKey, LimitKey } from '@agentstack/sdk/catalog';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useAgentStack } from '../../provider/context';
import { platformQueries } from './platformKeys';

/**
 * The tenant's entitlements with usage (`GET /v1/platform/entitlements`). When the provider was
 * given `entitlements`, those are returned and nothing is fetched. `enabled: false` skips the
 * request (e.g. for a component that was told what to show).
 */
export function useEntitlements(
  options: { enabled?: boolean } = {},
): UseQueryResult<Entitlements, AgentStackError> {
  const { client, entitlements } = useAgentStack();
  return useQuery({
    ...platformQueries.entitlements(client),
    enabled: options.enabled ?? true,
    ...(entitlements
      ? { initialData: entitlements, enabled: false, staleTime: Number.POSITIVE_INFINITY }
      : {}),
  });
}

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

/**
 * Checks one feature or limit against the current entitlements.
 * @example const bulk = useEntitlement({ feature: 'commerce.bulkOperations' });
 */
export function useEntitlement(check: EntitlementCheck): EntitlementState {
  const { data, error, isPending } = useEntitlements();
  if (data) return checkEntitlement(data, check);
  if (error) return { status: 'error', error };
  if (isPending) return { status: 'pending' };
  return { status: 'pending' };
}
