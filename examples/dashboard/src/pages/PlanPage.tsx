import { PlanBadge, UsageMeter, useEntitlements } from '@agentstack/react';
import { findAddon, findPlan, type LimitKey } from '@agentstack/sdk/catalog';

const DOMAINS = ['platform', 'commerce', 'fintech', 'social'] as const;

/** The tenant's plans per domain, add-ons, and every limit with its usage. */
export function PlanPage({ upgradeId }: { upgradeId: string | null }) {
  const { data: entitlements } = useEntitlements();
  const upgrade = upgradeId ? (findPlan(upgradeId) ?? findAddon(upgradeId)) : undefined;
  return (
    <>
      <div className="page-head">
        <div className="page-head__text">
          <h1 className="page-head__title">Plan & usage</h1>
          <p className="page-head__lede">What your subscription includes and how much of it you use.</p>
        </div>
      </div>
      {upgrade ? (
        <p className="page-notice" role="status">
          To move to <strong>{upgrade.name}</strong>, contact your account manager: upgrades are applied to
          your subscription by your provider.
        </p>
      ) : null}
      <section className="as-card page-section" aria-label="Plans">
        <dl className="plan-list">
          {DOMAINS.map((domain) => (
            <div key={domain} className="plan-list__row">
              <dt>{domain[0]?.toUpperCase() + domain.slice(1)}</dt>
              <dd>
                <PlanBadge domain={domain} />
              </dd>
            </div>
          ))}
          <div className="plan-list__row">
            <dt>Add-ons</dt>
            <dd>
              {entitlements
                ? entitlements.addons.map((a) => findAddon(a)?.name ?? a).join(', ') || 'None'
                : '…'}
            </dd>
          </div>
        </dl>
      </section>
      <section className="as-card page-section usage-grid" aria-label="Usage">
        {entitlements
          ? Object.keys(entitlements.limits).map((key) => <UsageMeter key={key} limitKey={key as LimitKey} />)
          : null}
      </section>
    </>
  );
}
