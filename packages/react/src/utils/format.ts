import type { Domain, FeatureKey, LimitKey, UpgradeHint } from '@agentstack/sdk/catalog';
import { findAddon, findPlan } from '@agentstack/sdk/catalog';
import type { catalogueMessages } from '../messages/catalogue';

/** The plan catalogue's labels as resolved for a component: `useMessages(catalogueMessages).messages`. */
type CatalogueLabels = { readonly [K in keyof typeof catalogueMessages]: string };

const currencyFormats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let fmt = currencyFormats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
    currencyFormats.set(key, fmt);
  }
  return fmt;
}

/** The number of minor-unit digits of a currency (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return currencyFormat('en-US', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Formats money given in minor units: `{ amount: 1999, currency: 'EUR' }` → `€19.99`.
 * @example formatMoney({ amount: 1999, currency: 'USD' }, 'en-US') // "$19.99"
 */
export function formatMoney(
  money: { amount: number; currency: string },
  locale = 'en-US',
  options: { trimZeroFraction?: boolean } = {},
): string {
  const value = money.amount / 10 ** currencyDigits(money.currency);
  if (options.trimZeroFraction && Number.isInteger(value)) {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      maximumFractionDigits: 0,
    }).format(value);
  }
  return currencyFormat(locale, money.currency).format(value);
}

/** Parses a decimal string ("19.99") into minor units of `currency`; `null` when malformed. */
export function parseMoneyInput(input: string, currency: string): number | null {
  const trimmed = input.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const digits = currencyDigits(currency);
  const [whole, fraction = ''] = trimmed.split('.');
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/**
 * Money in minor units as an input's decimal text (`{ amount: 490, currency: 'EUR' }` → `4.90`):
 * the inverse of {@link parseMoneyInput}.
 */
export function moneyInputValue(money: { amount: number; currency: string }): string {
  const digits = currencyDigits(money.currency);
  return (money.amount / 10 ** digits).toFixed(digits);
}

/** Formats an integer with grouping for the locale. */
export function formatNumber(n: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Formats an ISO timestamp as a short date. */
export function formatDate(iso: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

function humanize(key: string): string {
  const last = key.slice(key.indexOf('.') + 1).replace(/([A-Z])/g, ' $1');
  return last.charAt(0).toUpperCase() + last.slice(1).toLowerCase();
}

/** The catalogue label of a feature (`feature.<key>`), else its key made readable. */
export function featureLabel(messages: CatalogueLabels, feature: FeatureKey | string): string {
  return (messages as Record<string, string>)[`feature.${feature}`] ?? humanize(feature);
}

/** The catalogue label of a limit (`limit.<key>`), else its key made readable. */
export function limitLabel(messages: CatalogueLabels, key: LimitKey | string): string {
  return (messages as Record<string, string>)[`limit.${key}`] ?? humanize(key);
}

/** "Growth" for platform plans, "Commerce Growth" for a domain's plan, the add-on's own name. */
export function upgradeDisplayName(messages: CatalogueLabels, upgrade: UpgradeHint): string {
  if (upgrade.kind === 'plan') {
    const plan = findPlan(upgrade.id);
    if (plan && plan.domain !== 'platform') return `${domainLabel(messages, plan.domain)} ${plan.name}`;
    return plan?.name ?? upgrade.name;
  }
  return findAddon(upgrade.id)?.name ?? upgrade.name;
}

/** The monthly price of the plan or add-on, in minor units, or `null` for custom pricing. */
export function upgradePrice(upgrade: UpgradeHint): { amount: number; currency: string } | null {
  return (upgrade.kind === 'plan' ? findPlan(upgrade.id)?.price : findAddon(upgrade.id)?.price) ?? null;
}

/** The localized name of a domain. */
export function domainLabel(messages: CatalogueLabels, domain: Domain): string {
  return messages[`domain.${domain}`];
}

/** Joins class names, skipping falsy ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/** Card networks by the lower-case codes providers answer (Stripe's `card.brand`). */
const CARD_BRANDS: Readonly<Record<string, string>> = {
  amex: 'American Express',
  american_express: 'American Express',
  cartes_bancaires: 'Cartes Bancaires',
  diners: 'Diners Club',
  discover: 'Discover',
  eftpos_au: 'eftpos',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
};

/**
 * A card brand as shoppers know it: `visa` → `Visa`, `amex` → `American Express`; an unknown
 * code is shown with its first letter capitalised, `unknown` as nothing.
 */
export function cardBrandName(brand: string): string {
  const known = CARD_BRANDS[brand.toLowerCase()];
  if (known) return known;
  if (brand === '' || brand === 'unknown') return '';
  return brand.charAt(0).toUpperCase() + brand.slice(1).replaceAll('_', ' ');
}
