import { checkEntitlement, type EntitlementCheck, type EntitlementState } from './checkEntitlement';
import { useEntitlements } from './useEntitlements';

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
