import type { FeatureKey, LimitKey, UpgradeHint } from '@agentstack/sdk/catalog';
import type { ReactNode } from 'react';
import { catalogueMessages } from '../../../messages/catalogue';
import { useAgentStack, useMessages } from '../../../provider/context';
import {
  cx,
  featureLabel,
  formatMoney,
  formatNumber,
  limitLabel,
  upgradeDisplayName,
  upgradePrice,
} from '../../../utils/format';
import { upgradePromptMessages } from './messages';

/** Props of {@link UpgradePrompt}. */
export interface UpgradePromptProps {
  /** The plan or add-on that unlocks it (from the catalogue or the API's error). `null`: none known. */
  upgrade: UpgradeHint | null;
  /** The locked feature, for the heading. */
  feature?: FeatureKey | string;
  /** The reached limit, for the heading and the usage line. */
  limit?: { key: LimitKey | string; limit: number | null; used: number };
  /** `card` (default) for a block; `inline` for toolbars and table headers. */
  variant?: 'card' | 'inline';
  /** Replaces the computed heading. */
  title?: ReactNode;
  /** Extra content under the body. */
  children?: ReactNode;
}

/**
 * Explains what is locked and names the plan or add-on that unlocks it, with its price. Its call
 * to action is a real button (provider `onUpgrade`) or link (provider `upgradeHref`); with neither,
 * the prompt is text only — never a dead button.
 */
export function UpgradePrompt({
  upgrade,
  feature,
  limit,
  variant = 'card',
  title,
  children,
}: UpgradePromptProps) {
  const { t, messages, locale } = useMessages(upgradePromptMessages, catalogueMessages);
  const { onUpgrade, upgradeHref } = useAgentStack();
  const name = upgrade ? upgradeDisplayName(messages, upgrade) : null;
  const price = upgrade ? upgradePrice(upgrade) : null;
  const heading =
    title ??
    (feature
      ? t('upgrade.featureTitle', { feature: featureLabel(messages, feature) })
      : limit
        ? t('upgrade.limitTitle', { limit: limitLabel(messages, limit.key).toLowerCase() })
        : t('upgrade.title'));
  const body = !upgrade
    ? t('upgrade.noneBody')
    : upgrade.kind === 'plan'
      ? t('upgrade.planBody', { name: name ?? upgrade.name })
      : t('upgrade.addonBody', { name: name ?? upgrade.name });
  const cta = upgrade
    ? upgrade.kind === 'plan'
      ? t('upgrade.cta', { name: name ?? upgrade.name })
      : t('upgrade.addonCta', { name: name ?? upgrade.name })
    : null;
  const href = upgrade && upgradeHref ? upgradeHref(upgrade) : undefined;
  return (
    <section
      className={cx('as-upgrade', `as-upgrade--${variant}`)}
      aria-label={typeof heading === 'string' ? heading : undefined}
      data-upgrade-id={upgrade?.id}
    >
      <div className="as-upgrade__text">
        <p className="as-upgrade__title">{heading}</p>
        <p className="as-upgrade__body">
          {body}
          {price ? (
            <span className="as-upgrade__price">
              {' '}
              {t('upgrade.price', {
                price: t('common.perMonth', {
                  price: formatMoney(price, locale, { trimZeroFraction: true }),
                }),
              })}
            </span>
          ) : null}
          {limit && limit.limit !== null ? (
            <span className="as-upgrade__usage">
              {' '}
              {t('upgrade.limitDetail', {
                used: formatNumber(limit.used, locale),
                limit: formatNumber(limit.limit, locale),
              })}
            </span>
          ) : null}
        </p>
        {children}
      </div>
      {upgrade && cta && href ? (
        <a className="as-button as-button--primary as-upgrade__cta" href={href}>
          {cta}
        </a>
      ) : upgrade && cta && onUpgrade ? (
        <button
          type="button"
          className="as-button as-button--primary as-upgrade__cta"
          onClick={() => onUpgrade(upgrade)}
        >
          {cta}
        </button>
      ) : null}
    </section>
  );
}
