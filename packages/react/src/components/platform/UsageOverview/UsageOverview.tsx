import {
  ADDONS,
  type Domain,
  FEATURE_KEYS,
  findAddon,
  LIMIT_KEYS,
  type LimitKey,
} from '@agentstack/sdk/catalog';
import { useId } from 'react';
import { useEntitlements } from '../../../hooks/platform/useEntitlements';
import { catalogueMessages } from '../../../messages/catalogue';
import { useMessages } from '../../../provider/context';
import { domainLabel, featureLabel, formatNumber } from '../../../utils/format';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { PlanBadge } from '../PlanBadge/PlanBadge';
import { UsageMeter } from '../UsageMeter/UsageMeter';
import { usageOverviewMessages } from './messages';

/** Props of {@link UsageOverview}. */
export interface UsageOverviewProps {
  /** The domains to show. Defaults to platform, commerce, fintech, social. */
  domains?: Domain[];
  /** Fraction of a limit from which meters warn. Defaults to `0.8`. */
  warnAt?: number;
  /** Shows the heading. Defaults to `true`. */
  showTitle?: boolean;
  /** Shows the API calls (today, this month) and the rate limit. Defaults to `true`. */
  showApi?: boolean;
}

const ALL_DOMAINS: Domain[] = ['platform', 'commerce', 'fintech', 'social'];
const addonFeatures = new Set<string>(ADDONS.flatMap((a) => a.features));

/**
 * Everything the tenant's subscription gives it: the API calls made today and this month with the
 * API rate limit, then, by domain, the plan, a {@link UsageMeter} for every limit, the features of
 * the plan and the active add-ons. Reads the entitlements (`GET /v1/platform/entitlements`).
 *
 * @example <UsageOverview domains={['platform', 'commerce']} />
 */
export function UsageOverview({
  domains = ALL_DOMAINS,
  warnAt = 0.8,
  showTitle = true,
  showApi = true,
}: UsageOverviewProps) {
  const { t, messages, locale } = useMessages(usageOverviewMessages, catalogueMessages);
  const id = useId();
  const entitlements = useEntitlements();
  const data = entitlements.data;

  if (entitlements.isError && !data) {
    return (
      <ErrorNotice
        error={entitlements.error}
        title={t('plans.usageLoadError')}
        onRetry={() => entitlements.refetch()}
      />
    );
  }

  return (
    <section
      className="as-card as-usage-overview"
      aria-labelledby={showTitle ? `${id}-title` : undefined}
      aria-label={showTitle ? undefined : t('plans.usageTitle')}
      aria-busy={!data || undefined}
    >
      {showTitle ? (
        <h2 className="as-heading" id={`${id}-title`}>
          {t('plans.usageTitle')}
        </h2>
      ) : null}
      {showApi ? (
        <section className="as-usage-api" aria-labelledby={`${id}-api`}>
          <h3 className="as-usage-domain__title" id={`${id}-api`}>
            {t('plans.apiTitle')}
          </h3>
          {!data ? (
            <>
              <span className="as-skeleton" />
              <span className="as-visually-hidden">{t('common.loading')}</span>
            </>
          ) : (
            <>
              <dl className="as-usage-api__figures">
                <div>
                  <dt>{t('plans.apiCallsToday')}</dt>
                  <dd data-figure="today">{formatNumber(data.apiCalls.today, locale)}</dd>
                </div>
                <div>
                  <dt>{t('plans.apiCallsMonth')}</dt>
                  <dd data-figure="month">{formatNumber(data.apiCalls.month, locale)}</dd>
                </div>
                <div>
                  <dt>{t('plans.apiRateLimit')}</dt>
                  <dd data-figure="rate-limit">
                    {t('plans.apiRateLimitValue', {
                      perSecond: formatNumber(data.rateLimit.perSecond, locale),
                      burst: formatNumber(data.rateLimit.burst, locale),
                    })}
                  </dd>
                </div>
              </dl>
              <p className="as-usage-domain__note">{t('plans.apiNote')}</p>
            </>
          )}
        </section>
      ) : null}
      <div className="as-usage-overview__grid">
        {domains.map((domain) => {
          const limits = LIMIT_KEYS.filter((k) => k.startsWith(`${domain}.`)) as LimitKey[];
          const subscribed = data ? Boolean(data.subscription[domain]) : true;
          const features = data
            ? // In catalogue order: the entry tier's features first, as the plans list them.
              FEATURE_KEYS.filter(
                (f) => f.startsWith(`${domain}.`) && !addonFeatures.has(f) && data.features.includes(f),
              )
            : [];
          const addons = data ? data.addons.filter((a) => findAddon(a)?.domain === domain) : [];
          const headingId = `${id}-${domain}`;
          return (
            <section
              key={domain}
              className="as-usage-domain"
              aria-labelledby={headingId}
              data-domain={domain}
              data-subscribed={subscribed || undefined}
            >
              <header className="as-usage-domain__head">
                <h3 className="as-usage-domain__title" id={headingId}>
                  {domainLabel(messages, domain)}
                </h3>
                <PlanBadge domain={domain} />
              </header>
              {!data ? (
                <>
                  <span className="as-skeleton" />
                  <span className="as-visually-hidden">{t('common.loading')}</span>
                </>
              ) : !subscribed ? (
                <p className="as-usage-domain__note">{t('plans.usageNotSubscribed')}</p>
              ) : (
                <>
                  <h4 className="as-usage-domain__label">{t('plans.usageLimits')}</h4>
                  {limits.length > 0 ? (
                    <div className="as-usage-domain__meters">
                      {limits.map((key) => (
                        <UsageMeter key={key} limitKey={key} warnAt={warnAt} />
                      ))}
                    </div>
                  ) : (
                    <p className="as-usage-domain__note">{t('plans.usageNoLimits')}</p>
                  )}
                  <h4 className="as-usage-domain__label">{t('plans.usageFeatures')}</h4>
                  <ul className="as-feature-list">
                    {features.map((f) => (
                      <li key={f}>{featureLabel(messages, f)}</li>
                    ))}
                  </ul>
                  <h4 className="as-usage-domain__label">{t('plans.usageAddons')}</h4>
                  {addons.length > 0 ? (
                    <ul className="as-chip-list">
                      {addons.map((a) => (
                        <li key={a} className="as-chip" data-addon-id={a}>
                          {findAddon(a)?.name ?? a}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="as-usage-domain__note">{t('plans.usageNoAddons')}</p>
                  )}
                </>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
