import type { Domain } from '@agentstack/sdk/catalog';
import { findPlan } from '@agentstack/sdk/catalog';
import { useEntitlements } from '../../../hooks/platform/useEntitlements';
import { catalogueMessages } from '../../../messages/catalogue';
import { useMessages } from '../../../provider/context';
import { domainLabel } from '../../../utils/format';
import { planBadgeMessages } from './messages';

/** Props of {@link PlanBadge}. */
export interface PlanBadgeProps {
  /** The domain whose plan to show. Defaults to `platform`. */
  domain?: Domain;
  /** A plan id to show instead of the tenant's current plan. */
  planId?: string | null;
}

/**
 * The name of the tenant's plan for a domain (e.g. "Growth"), as a badge whose tone follows the
 * plan's rank (`data-rank`). Reads the current subscription from the entitlements.
 */
export function PlanBadge({ domain = 'platform', planId }: PlanBadgeProps) {
  const { t, messages } = useMessages(planBadgeMessages, catalogueMessages);
  // Given a plan, the badge needs no entitlements (an operator's tenant list has none to read).
  const { data } = useEntitlements({ enabled: planId === undefined });
  const id = planId !== undefined ? planId : data?.subscription[domain];
  if (id === undefined) return <span className="as-plan-badge as-plan-badge--pending" aria-hidden="true" />;
  const plan = id ? findPlan(id) : undefined;
  const name = plan?.name ?? (id || t('plan.none'));
  return (
    <span
      className="as-plan-badge"
      data-rank={plan?.rank ?? 0}
      data-plan-id={id ?? undefined}
      title={plan?.description}
    >
      <span className="as-visually-hidden">
        {t('plan.badgeLabel', { domain: domainLabel(messages, plan?.domain ?? domain), name })}
      </span>
      <span aria-hidden="true">{name}</span>
    </span>
  );
}
