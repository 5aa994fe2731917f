import type { LimitKey } from '@agentstack/sdk/catalog';
import { upgradeForLimit } from '@agentstack/sdk/catalog';
import { planOfDomain } from '../../../hooks/platform/checkEntitlement';
import { useEntitlements } from '../../../hooks/platform/useEntitlements';
import { catalogueMessages } from '../../../messages/catalogue';
import { useMessages } from '../../../provider/context';
import { formatNumber, limitLabel, upgradeDisplayName } from '../../../utils/format';
import { upgradePromptMessages } from '../UpgradePrompt/messages';
import { usageMeterMessages } from './messages';

/** Props of {@link UsageMeter}. Pass `used`/`limit`, or a `limitKey` to read them from the entitlements. */
export interface UsageMeterProps {
  /** Reads `used` and `limit` from the entitlements when those are not given. */
  limitKey?: LimitKey;
  used?: number;
  /** `null` means unlimited. */
  limit?: number | null;
  /** Defaults to the catalogue label of `limitKey`. */
  label?: string;
  /** Fraction of the limit from which the meter warns. Defaults to `0.8`. */
  warnAt?: number;
}

/** The meter's state: `ok`, `warning` (≥ `warnAt`), `reached` (≥ limit), or `unlimited`. */
export type UsageState = 'ok' | 'warning' | 'reached' | 'unlimited';

/** Computes the {@link UsageState} of `used` against `limit`. */
export function usageState(used: number, limit: number | null, warnAt = 0.8): UsageState {
  if (limit === null) return 'unlimited';
  if (used >= limit) return 'reached';
  if (limit > 0 && used / limit >= warnAt) return 'warning';
  return 'ok';
}

/**
 * Usage of a plan limit: a labelled bar (`role="meter"`) in the primary colour that turns to the
 * warning colour only near the limit (`warnAt`) and danger at it, naming the plan that lifts it. Any
 * use shows at least a dot, so 42 of 10,000 is not an empty track. `null` limits read "Unlimited".
 */
export function UsageMeter({
  limitKey,
  used: usedProp,
  limit: limitProp,
  label,
  warnAt = 0.8,
}: UsageMeterProps) {
  const { t, messages, locale } = useMessages(usageMeterMessages, upgradePromptMessages, catalogueMessages);
  const { data } = useEntitlements();
  const usage = limitKey ? data?.limits[limitKey] : undefined;
  const used = usedProp ?? usage?.used;
  const limit = limitProp !== undefined ? limitProp : usage?.limit;
  const text = label ?? (limitKey ? limitLabel(messages, limitKey) : '');
  if (used === undefined || limit === undefined) {
    return <div className="as-usage as-usage--pending" aria-busy="true" />;
  }
  const state = usageState(used, limit, warnAt);
  const valueText =
    limit === null
      ? t('usage.unlimitedLabel', { label: text, used: formatNumber(used, locale) })
      : t('usage.label', {
          label: text,
          used: formatNumber(used, locale),
          limit: formatNumber(limit, locale),
        });
  const percent =
    limit === null || limit === 0 ? (limit === 0 ? 100 : 0) : Math.min(100, (used / limit) * 100);
  const upgrade =
    limitKey && (state === 'warning' || state === 'reached') && limit !== null
      ? upgradeForLimit(limitKey, limit + 1, data ? planOfDomain(data, limitKey) : null)
      : null;
  return (
    <div className="as-usage" data-state={state}>
      <div className="as-usage__row">
        <span className="as-usage__label">{text}</span>
        <span className="as-usage__value">
          {formatNumber(used, locale)}
          {' / '}
          {limit === null ? t('common.unlimited') : formatNumber(limit, locale)}
        </span>
      </div>
      {/* The native meter speaks to assistive technology; the bar below is its styled picture. */}
      <meter
        className="as-visually-hidden"
        aria-label={valueText}
        min={0}
        max={limit ?? Math.max(used, 1)}
        value={used}
        high={limit === null ? undefined : limit * warnAt}
      />
      <div className="as-usage__track" aria-hidden="true">
        <div
          className="as-usage__bar"
          data-empty={used === 0 || limit === null || undefined}
          style={{ width: `${percent}%` }}
        />
      </div>
      {state === 'warning' || state === 'reached' ? (
        <p className="as-usage__hint">
          {state === 'reached' ? t('usage.atLimit') : t('usage.nearLimit')}
          {upgrade ? ` · ${t('upgrade.planBody', { name: upgradeDisplayName(messages, upgrade) })}` : null}
        </p>
      ) : null}
    </div>
  );
}
