import type { Plan } from '@agentstack/sdk';
import { BUNDLES, type Domain, type UpgradeHint } from '@agentstack/sdk/catalog';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useEntitlements } from '../../../hooks/platform/useEntitlements';
import { usePlans } from '../../../hooks/platform/usePlans';
import { catalogueMessages } from '../../../messages/catalogue';
import { useMessages } from '../../../provider/context';
import {
  currencyDigits,
  cx,
  domainLabel,
  featureLabel,
  formatMoney,
  formatNumber,
  limitLabel,
} from '../../../utils/format';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { planCatalogMessages } from './messages';

/** Props of {@link PlanCatalog}. */
export interface PlanCatalogProps {
  /** The domains to show, in tab order. Defaults to platform, commerce, fintech, social. */
  domains?: Domain[];
  /** The tab shown first. Defaults to the first of `domains`. */
  initialDomain?: Domain;
  /** Called when the user chooses a tier; tiers above the current one then get a button. */
  onSelectPlan?: (plan: Plan) => void;
  /** Called when the user adds an add-on; inactive add-ons then get a button. */
  onSelectAddon?: (addon: Plan) => void;
  /** Makes the calls to action links to this URL instead (takes precedence over the callbacks). */
  upgradeHref?: (upgrade: UpgradeHint) => string;
  /** Shows the cross-service bundles under the tiers. Defaults to `true`. */
  showBundles?: boolean;
}

const ALL_DOMAINS: Domain[] = ['platform', 'commerce', 'fintech', 'social'];
const BUNDLE_DOMAINS = ['commerce', 'fintech', 'social'] as const;

type Money = { amount: number; currency: string };

/**
 * The plan catalogue as a pricing view: one tab per domain with its tiers side by side (price per
 * month, or custom pricing; limits; the features each tier adds over the one below), the domain's
 * add-ons with their price and whether the tenant has them, and the cross-service bundles with
 * their discount. The tenant's current tier and add-ons are marked from the entitlements.
 *
 * Calls to action exist only when they lead somewhere: give `onSelectPlan`/`onSelectAddon`
 * (buttons) or `upgradeHref` (links); without them the catalogue says how to get a tier in text —
 * never a dead button.
 *
 * @example <PlanCatalog onSelectPlan={(plan) => openCheckout(plan.id)} />
 */
export function PlanCatalog({
  domains = ALL_DOMAINS,
  initialDomain,
  onSelectPlan,
  onSelectAddon,
  upgradeHref,
  showBundles = true,
}: PlanCatalogProps) {
  const { t, messages, locale } = useMessages(planCatalogMessages, catalogueMessages);
  const id = useId();
  const plans = usePlans();
  const { data: entitlements } = useEntitlements();
  const [active, setActive] = useState<Domain>(initialDomain ?? domains[0] ?? 'platform');
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);

  const all = plans.data ?? [];
  const tiersOf = (d: Domain) =>
    all.filter((p) => p.kind === 'plan' && p.domain === d).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const addonsOf = (d: Domain) => all.filter((p) => p.kind === 'addon' && p.domain === d);
  const currentId = (d: Domain) => entitlements?.subscription[d] ?? null;
  const perMonth = (price: Money) =>
    t('common.perMonth', { price: formatMoney(price, locale, { trimZeroFraction: true }) });

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = domains.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    setActive(domains[next] as Domain);
    tabs.current[next]?.focus();
  };

  /** A call to action, or `null` when nothing would handle it. */
  const action = (plan: Plan, label: string, ariaLabel: string, onSelect?: (p: Plan) => void) => {
    const hint: UpgradeHint = { kind: plan.kind, id: plan.id, name: plan.name };
    if (upgradeHref) {
      return (
        <a className="as-button as-button--primary" href={upgradeHref(hint)} aria-label={ariaLabel}>
          {label}
        </a>
      );
    }
    if (onSelect) {
      return (
        <button
          type="button"
          className="as-button as-button--primary"
          aria-label={ariaLabel}
          onClick={() => onSelect(plan)}
        >
          {label}
        </button>
      );
    }
    return null;
  };

  const renderTier = (plan: Plan, index: number, tiers: Plan[]) => {
    const current = currentId(plan.domain);
    const currentRank = tiers.find((p) => p.id === current)?.rank ?? 0;
    const isCurrent = plan.id === current;
    const below = !isCurrent && (plan.rank ?? 0) < currentRank;
    const headingId = `${id}-${plan.id}`;
    const previous = tiers[index - 1];
    const domainName = domainLabel(messages, plan.domain);
    const cta = action(
      plan,
      t('plans.select', { name: plan.name }),
      t('plans.selectLabel', { domain: domainName, name: plan.name }),
      onSelectPlan,
    );
    return (
      <li key={plan.id}>
        <article
          className="as-plan-card"
          aria-labelledby={headingId}
          data-plan-id={plan.id}
          data-current={isCurrent || undefined}
          aria-current={isCurrent || undefined}
        >
          <header className="as-plan-card__head">
            <h4 className="as-plan-card__name" id={headingId}>
              {plan.name}
            </h4>
            {isCurrent ? <span className="as-plan-card__current">{t('plans.current')}</span> : null}
          </header>
          <p className="as-plan-card__price">
            {plan.price ? perMonth(plan.price) : t('common.customPricing')}
          </p>
          <p className="as-plan-card__description">{plan.description}</p>
          {Object.keys(plan.limits).length > 0 ? (
            <dl className="as-plan-card__limits" aria-label={t('plans.limits')}>
              {Object.entries(plan.limits).map(([key, value]) => (
                <div key={key} className="as-plan-card__limit">
                  <dt>{limitLabel(messages, key)}</dt>
                  <dd>{value === null ? t('common.unlimited') : formatNumber(value, locale)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          <p className="as-plan-card__features-title">
            {previous ? t('plans.everythingIn', { name: previous.name }) : t('plans.includes')}
          </p>
          <ul className="as-plan-card__features">
            {plan.features.map((f) => (
              <li key={f}>{featureLabel(messages, f)}</li>
            ))}
          </ul>
          <div className="as-plan-card__action">
            {isCurrent ? null : below ? (
              <p className="as-plan-card__note">{t('plans.includedInCurrent')}</p>
            ) : (
              (cta ?? <p className="as-plan-card__note">{t('plans.onRequest')}</p>)
            )}
          </div>
        </article>
      </li>
    );
  };

  const renderAddon = (addon: Plan) => {
    const domain = addon.domain;
    const activeAddon = entitlements?.addons.includes(addon.id) ?? false;
    const hasPlan = entitlements ? Boolean(entitlements.subscription[domain]) : true;
    const cta = action(
      addon,
      t('plans.addonAdd'),
      t('plans.addonAddLabel', { name: addon.name }),
      onSelectAddon,
    );
    return (
      <li key={addon.id} className="as-addon" data-addon-id={addon.id} data-active={activeAddon || undefined}>
        <div className="as-addon__text">
          <span className="as-addon__name">{addon.name}</span>
          <span className="as-addon__description">{addon.description}</span>
        </div>
        <span className="as-addon__price">{addon.price ? `+${perMonth(addon.price)}` : null}</span>
        <span className="as-addon__status">
          {activeAddon ? (
            <span className="as-addon__active">{t('plans.addonActive')}</span>
          ) : !hasPlan ? (
            <span className="as-addon__note">
              {t('plans.addonNeedsPlan', { domain: domainLabel(messages, domain).toLowerCase() })}
            </span>
          ) : (
            (cta ?? <span className="as-addon__note">{t('plans.addonOnRequest')}</span>)
          )}
        </span>
      </li>
    );
  };

  const renderBundles = () => {
    const sub = entitlements?.subscription;
    return (
      <section className="as-plan-bundles" aria-labelledby={`${id}-bundles`}>
        <h3 className="as-plan-catalog__subheading" id={`${id}-bundles`}>
          {t('plans.bundles')}
        </h3>
        <p className="as-plan-catalog__lede">{t('plans.bundlesBody')}</p>
        <ul className="as-plan-grid">
          {BUNDLES.map((bundle) => {
            const parts = BUNDLE_DOMAINS.map((d) => tiersOf(d).find((p) => p.rank === bundle.rank));
            const prices = parts.map((p) => p?.price).filter((p): p is Money => Boolean(p));
            const currency = prices[0]?.currency ?? 'USD';
            const full = prices.reduce((sum, p) => sum + p.amount, 0);
            const unit = 10 ** currencyDigits(currency);
            // Rounded to whole units, as a price list would show it.
            const discounted = Math.round((full * (100 - bundle.discountPercent)) / 100 / unit) * unit;
            const matches =
              sub !== undefined && BUNDLE_DOMAINS.every((d, i) => sub[d] !== null && sub[d] === parts[i]?.id);
            return (
              <li key={bundle.id}>
                <article
                  className="as-plan-card as-plan-card--bundle"
                  aria-labelledby={`${id}-${bundle.id}`}
                  data-bundle-id={bundle.id}
                  data-current={matches || undefined}
                >
                  <header className="as-plan-card__head">
                    <h4 className="as-plan-card__name" id={`${id}-${bundle.id}`}>
                      {bundle.name}
                    </h4>
                    <span className="as-plan-card__discount">
                      {t('plans.bundleDiscount', { percent: bundle.discountPercent })}
                    </span>
                  </header>
                  {prices.length === parts.length ? (
                    <p className="as-plan-card__price">
                      {perMonth({ amount: discounted, currency })}{' '}
                      <s className="as-plan-card__full">
                        {t('plans.bundleFullPrice', {
                          price: formatMoney({ amount: full, currency }, locale, { trimZeroFraction: true }),
                        })}
                      </s>
                    </p>
                  ) : null}
                  <p className="as-plan-card__description">
                    {t('plans.bundleIncludes', {
                      plans: parts
                        .map((p, i) =>
                          p ? `${domainLabel(messages, BUNDLE_DOMAINS[i] as Domain)} ${p.name}` : '',
                        )
                        .filter(Boolean)
                        .join(', '),
                    })}
                  </p>
                  {matches ? <p className="as-plan-card__current">{t('plans.bundleMatches')}</p> : null}
                </article>
              </li>
            );
          })}
        </ul>
      </section>
    );
  };

  const tiers = tiersOf(active);
  const addons = addonsOf(active);
  return (
    <section className="as-card as-plan-catalog" aria-labelledby={`${id}-title`}>
      <h2 className="as-heading" id={`${id}-title`}>
        {t('plans.title')}
      </h2>
      <div className="as-tabs" role="tablist" aria-label={t('plans.domainTabs')}>
        {domains.map((d, i) => (
          <button
            key={d}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${d}`}
            className="as-tab"
            aria-selected={d === active}
            aria-controls={`${id}-panel`}
            tabIndex={d === active ? 0 : -1}
            onClick={() => setActive(d)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {domainLabel(messages, d)}
          </button>
        ))}
      </div>
      <div
        className="as-plan-catalog__panel"
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${active}`}
        aria-busy={plans.isPending || undefined}
      >
        {plans.isError && !plans.data ? (
          <ErrorNotice error={plans.error} title={t('plans.loadError')} onRetry={() => plans.refetch()} />
        ) : plans.isPending ? (
          <ul className="as-plan-grid">
            {[0, 1, 2].map((i) => (
              <li key={i} className="as-plan-card as-plan-card--pending">
                <span className="as-skeleton" />
                <span className="as-skeleton" />
                {i === 0 ? <span className="as-visually-hidden">{t('common.loading')}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <>
            {entitlements && !currentId(active) ? (
              <p className="as-plan-catalog__lede">
                {t('plans.notSubscribed', { domain: domainLabel(messages, active).toLowerCase() })}
              </p>
            ) : null}
            <ul className={cx('as-plan-grid', tiers.length >= 4 && 'as-plan-grid--4')}>
              {tiers.map((plan, i) => renderTier(plan, i, tiers))}
            </ul>
            {addons.length > 0 ? (
              <section className="as-plan-addons" aria-labelledby={`${id}-addons`}>
                <h3 className="as-plan-catalog__subheading" id={`${id}-addons`}>
                  {t('plans.addons', { domain: domainLabel(messages, active) })}
                </h3>
                <ul className="as-addon-list">{addons.map(renderAddon)}</ul>
              </section>
            ) : null}
          </>
        )}
      </div>
      {showBundles && plans.data ? renderBundles() : null}
    </section>
  );
}
