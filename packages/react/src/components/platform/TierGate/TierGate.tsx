import type { FeatureKey, LimitKey, UpgradeHint } from '@agentstack/sdk/catalog';
import { upgradeForFeature, upgradeForLimit } from '@agentstack/sdk/catalog';
import type { ReactNode } from 'react';
import { useEntitlement } from '../../../hooks/platform/useEntitlement';
import { useMessages } from '../../../provider/context';
import { UpgradePrompt } from '../UpgradePrompt/UpgradePrompt';

interface TierGateCommon {
  /** Shown when entitled. */
  children?: ReactNode;
  /** Replaces the default upgrade prompt when not entitled. */
  fallback?: ReactNode | ((upgrade: UpgradeHint | null) => ReactNode);
  /** Shown while entitlements load. Defaults to nothing. */
  loading?: ReactNode;
  /** Variant of the default upgrade prompt. Defaults to `card`. */
  variant?: 'card' | 'inline';
}

/** Props of {@link TierGate}: gate on a feature flag, or on room left under a limit. */
export type TierGateProps = TierGateCommon &
  (
    | { feature: FeatureKey; limit?: never; need?: never }
    | {
        limit: LimitKey;
        /** How many more units the gated action needs. Defaults to 1. */
        need?: number;
        feature?: never;
      }
  );

/**
 * Renders `children` when the tenant's plan includes `feature` (or has room for `need` more of
 * `limit`); otherwise an {@link UpgradePrompt} naming the plan or add-on that unlocks it, taken
 * from the plan catalogue.
 *
 * @example
 * <TierGate feature="commerce.bulkOperations" variant="inline">
 *   <button onClick={archiveSelected}>Archive selected</button>
 * </TierGate>
 */
export function TierGate(props: TierGateProps) {
  const { children, fallback, loading = null, variant = 'card' } = props;
  const { t } = useMessages();
  const state = useEntitlement(
    props.feature !== undefined ? { feature: props.feature } : { limit: props.limit, need: props.need ?? 1 },
  );
  if (state.status === 'pending') {
    return loading ? (
      loading
    ) : (
      <span className="as-visually-hidden" role="status">
        {t('common.loading')}
      </span>
    );
  }
  if (state.status === 'granted') return <>{children}</>;
  const upgrade =
    props.feature !== undefined
      ? upgradeForFeature(props.feature)
      : upgradeForLimit(
          props.limit,
          (state.status === 'denied' ? (state.used ?? 0) : 0) + (props.need ?? 1),
          state.status === 'denied' ? state.plan : null,
        );
  if (fallback !== undefined) return <>{typeof fallback === 'function' ? fallback(upgrade) : fallback}</>;
  if (props.feature !== undefined)
    return <UpgradePrompt upgrade={upgrade} feature={props.feature} variant={variant} />;
  const used = state.status === 'denied' ? (state.used ?? 0) : 0;
  const limit = state.status === 'denied' ? (state.limit ?? 0) : 0;
  return <UpgradePrompt upgrade={upgrade} limit={{ key: props.limit, used, limit }} variant={variant} />;
}
