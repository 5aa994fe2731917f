import type { DiscountCode, Region, ShippingOption } from '@agentstack/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { pricingQueries } from '../../../hooks/commerce/pricingKeys';
import { useRegions, useShippingOptions, useUpdateDiscountCode } from '../../../hooks/commerce/usePricing';
import { useMe } from '../../../hooks/platform/useMe';
import { useCursorList } from '../../../hooks/shared/useCursorList';
import { useMessages } from '../../../provider/context';
import { formatDate, formatMoney } from '../../../utils/format';
import { planErrorOf } from '../../../utils/problem';
import { ActionError } from '../../shared/ActionError/ActionError';
import { Pager } from '../../shared/DataTable/Pager';
import { EmptyState } from '../../shared/EmptyState/EmptyState';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { DiscountCodeDialog } from './DiscountCodeDialog';
import { pricingSettingsMessages } from './messages';
import { formatPercent, formatRate } from './pricingInput';
import { RegionDialog } from './RegionDialog';
import { ShippingOptionDialog } from './ShippingOptionDialog';

/** Props of {@link PricingSettings}. */
export interface PricingSettingsProps {
  /** Discount codes per page (1..100). Defaults to 20. */
  codePageSize?: number;
}

/** The dialog open, if any: a new object (`null`) or the one edited. */
type Editing =
  | { kind: 'region'; region: Region | null }
  | { kind: 'shipping'; option: ShippingOption | null }
  | { kind: 'code'; code: DiscountCode | null };

/**
 * What prices a cart besides the catalogue, in three sections: **regions** (currency, countries
 * and the tax rate added on top of prices), **shipping options** per region (a price, free from a
 * threshold, offered or not) and **discount codes** (a percentage or a fixed amount off, a
 * minimum spend, usage limits against what was redeemed, an active switch). Callers with
 * `commerce:pricing:write` add and edit each in a dialog, where every error of the API shows at
 * its field; other roles read (discount codes need `commerce:discounts:read`).
 *
 * Every commerce plan manages pricing — the server gates none of it by plan. Should a write be
 * refused with `feature_not_in_plan` or `tier_limit_reached`, the dialog shows the upgrade prompt
 * naming the plan that lifts it, like the rest of the kit.
 *
 * @example <PricingSettings codePageSize={10} />
 */
export function PricingSettings({ codePageSize = 20 }: PricingSettingsProps) {
  const { t } = useMessages(pricingSettingsMessages);
  const id = useId();
  const me = useMe();
  const permissions = me.data?.permissions ?? [];
  const canRead = permissions.includes('commerce:pricing:read');
  const canWrite = permissions.includes('commerce:pricing:write');
  const canReadCodes = permissions.includes('commerce:discounts:read');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState('');
  const regions = useRegions({ limit: 100 }, { enabled: canRead });
  const options = useShippingOptions({ limit: 100 }, { enabled: canRead });
  const regionList = regions.data?.data ?? [];
  const currencies = [...new Set(regionList.map((r) => r.currency))];
  const open = (next: Editing) => {
    setNotice('');
    setEditing(next);
  };
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
  };

  return (
    <section className="as-card as-pricing" aria-labelledby={`${id}-title`}>
      <header className="as-pricing__header">
        <h2 className="as-heading" id={`${id}-title`}>
          {t('pricing.title')}
        </h2>
        <p className="as-hint">{t('pricing.intro')}</p>
      </header>
      <StatusMessage message={notice} visible />
      {me.isPending ? (
        <Placeholder />
      ) : !canRead ? (
        <EmptyState
          className="as-notice"
          title={t('pricing.noAccessTitle')}
          body={t('pricing.noAccessBody')}
        />
      ) : (
        <>
          {canWrite ? null : <p className="as-muted">{t('pricing.readOnly')}</p>}
          <Section
            title={t('pricing.regions.title')}
            action={
              canWrite ? (
                <AddButton onClick={() => open({ kind: 'region', region: null })}>
                  {t('pricing.regions.add')}
                </AddButton>
              ) : null
            }
          >
            <Loaded query={regions} errorTitle={t('pricing.regions.loadError')}>
              {regionList.length === 0 ? (
                <EmptyState title={t('pricing.regions.emptyTitle')} body={t('pricing.regions.emptyBody')} />
              ) : (
                <RegionList
                  regions={regionList}
                  canWrite={canWrite}
                  onEdit={(region) => open({ kind: 'region', region })}
                />
              )}
            </Loaded>
          </Section>
          <Section
            title={t('pricing.shipping.title')}
            action={
              canWrite && regionList.length > 0 ? (
                <AddButton onClick={() => open({ kind: 'shipping', option: null })}>
                  {t('pricing.shipping.add')}
                </AddButton>
              ) : null
            }
          >
            {/* Regions that failed to load say so in their own section. */}
            {regions.isError ? null : (
              <Loaded query={options} errorTitle={t('pricing.shipping.loadError')}>
                {regions.isPending ? null : regionList.length === 0 ? (
                  <p className="as-muted">{t('pricing.shipping.noRegions')}</p>
                ) : (
                  regionList.map((region) => (
                    <ShippingList
                      key={region.id}
                      region={region}
                      options={(options.data?.data ?? []).filter((o) => o.regionId === region.id)}
                      canWrite={canWrite}
                      onEdit={(option) => open({ kind: 'shipping', option })}
                    />
                  ))
                )}
              </Loaded>
            )}
          </Section>
          <Section
            title={t('pricing.codes.title')}
            action={
              canWrite && canReadCodes ? (
                <AddButton onClick={() => open({ kind: 'code', code: null })}>
                  {t('pricing.codes.add')}
                </AddButton>
              ) : null
            }
          >
            {canReadCodes ? (
              <CodeList
                pageSize={codePageSize}
                canWrite={canWrite}
                onEdit={(code) => open({ kind: 'code', code })}
                onNotice={setNotice}
              />
            ) : (
              <p className="as-muted">{t('pricing.codes.noAccess')}</p>
            )}
          </Section>
        </>
      )}
      {editing?.kind === 'region' ? (
        <RegionDialog region={editing.region} onClose={() => setEditing(null)} onDone={done} />
      ) : null}
      {editing?.kind === 'shipping' ? (
        <ShippingOptionDialog
          option={editing.option}
          regions={regionList}
          onClose={() => setEditing(null)}
          onDone={done}
        />
      ) : null}
      {editing?.kind === 'code' ? (
        <DiscountCodeDialog
          code={editing.code}
          currencies={currencies}
          onClose={() => setEditing(null)}
          onDone={done}
        />
      ) : null}
    </section>
  );
}

/** One of the three sections: a heading with its add button, and its body. */
function Section({ title, action, children }: { title: string; action: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="as-pricing__section" aria-labelledby={id}>
      <div className="as-pricing__section-head">
        <h3 className="as-pricing__subtitle" id={id}>
          {title}
        </h3>
        {action}
      </div>
      {children}
    </section>
  );
}

function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="as-button as-button--primary as-button--small" onClick={onClick}>
      {children}
    </button>
  );
}

/** A few shimmering lines while a list loads, busy for assistive tech. */
function Placeholder() {
  const { t } = useMessages(pricingSettingsMessages);
  return (
    <div className="as-pricing__loading" aria-busy="true" aria-label={t('common.loading')} role="status">
      <span className="as-skeleton" />
      <span className="as-skeleton" />
      <span className="as-skeleton" />
    </div>
  );
}

/**
 * A query's children once it has data; a placeholder while it loads; its error otherwise — a
 * plan error as the upgrade prompt, any other with a retry.
 */
function Loaded({
  query,
  errorTitle,
  children,
}: {
  query: UseQueryResult<unknown>;
  errorTitle: string;
  children: ReactNode;
}) {
  if (query.isPending && query.fetchStatus !== 'idle') return <Placeholder />;
  if (query.isError) {
    return planErrorOf(query.error) ? (
      <ActionError error={query.error} />
    ) : (
      <ErrorNotice error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />
    );
  }
  return <>{children}</>;
}

function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useMessages(pricingSettingsMessages);
  return (
    <button
      type="button"
      className="as-button as-button--secondary as-button--small"
      aria-label={label}
      onClick={onClick}
    >
      {t('pricing.edit')}
    </button>
  );
}

function RegionList({
  regions,
  canWrite,
  onEdit,
}: {
  regions: readonly Region[];
  canWrite: boolean;
  onEdit: (region: Region) => void;
}) {
  const { t, locale } = useMessages(pricingSettingsMessages);
  return (
    <ul className="as-pricing__regions" aria-label={t('pricing.regions.listLabel')}>
      {regions.map((region) => (
        <li key={region.id} className="as-pricing__region">
          <div className="as-pricing__item-head">
            <h4 className="as-pricing__name">{region.name}</h4>
            {canWrite ? (
              <EditButton
                label={t('pricing.region.editRow', { name: region.name })}
                onClick={() => onEdit(region)}
              />
            ) : null}
          </div>
          <dl className="as-pricing__facts">
            <div>
              <dt>{t('pricing.region.currency')}</dt>
              <dd>
                <span className="as-code">{region.currency}</span>
              </dd>
            </div>
            <div>
              <dt>{t('pricing.region.taxRate')}</dt>
              <dd>{formatRate(region.taxRateBps, locale)}</dd>
            </div>
            <div className="as-pricing__countries">
              <dt>{t('pricing.region.countries')}</dt>
              <dd>{region.countries.join(', ')}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function ShippingList({
  region,
  options,
  canWrite,
  onEdit,
}: {
  region: Region;
  options: readonly ShippingOption[];
  canWrite: boolean;
  onEdit: (option: ShippingOption) => void;
}) {
  const { t, locale } = useMessages(pricingSettingsMessages);
  const id = useId();
  return (
    <div className="as-pricing__group">
      <h4 className="as-pricing__group-title" id={id}>
        {region.name} <span className="as-code">{region.currency}</span>
      </h4>
      {options.length === 0 ? (
        <p className="as-muted">{t('pricing.shipping.regionEmpty', { region: region.name })}</p>
      ) : (
        <ul
          className="as-pricing__rows"
          aria-label={t('pricing.shipping.regionLabel', { region: region.name })}
        >
          {options.map((option) => (
            <li key={option.id} className="as-pricing__row">
              <span className="as-pricing__main">
                <span className="as-pricing__name">{option.name}</span>
                {option.freeOver ? (
                  <span className="as-pricing__meta">
                    {t('pricing.shipping.freeOver', { amount: formatMoney(option.freeOver, locale) })}
                  </span>
                ) : null}
              </span>
              <span className="as-pricing__price">{formatMoney(option.amount, locale)}</span>
              <span className="as-status" data-status={option.active ? 'active' : 'inactive'}>
                {option.active ? t('pricing.shipping.offered') : t('pricing.shipping.notOffered')}
              </span>
              {canWrite ? (
                <EditButton
                  label={t('pricing.shipping.editRow', { name: option.name, region: region.name })}
                  onClick={() => onEdit(option)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CodeList({
  pageSize,
  canWrite,
  onEdit,
  onNotice,
}: {
  pageSize: number;
  canWrite: boolean;
  onEdit: (code: DiscountCode) => void;
  onNotice: (message: string) => void;
}) {
  const { t, locale } = useMessages(pricingSettingsMessages);
  const list = useCursorList(pricingQueries.discountCodes.list, { limit: pageSize });
  const toggle = useUpdateDiscountCode();
  const money = (m: { amount: number; currency: string }) => formatMoney(m, locale);
  const date = (iso: string) => formatDate(iso, locale);
  const setActive = (code: DiscountCode, active: boolean) => {
    onNotice('');
    toggle.mutate(
      { id: code.id, body: { active } },
      {
        onSuccess: (saved) =>
          onNotice(
            t(saved.active ? 'pricing.code.activated' : 'pricing.code.deactivated', { code: saved.code }),
          ),
      },
    );
  };
  const facts = (code: DiscountCode) =>
    [
      t('pricing.code.off', {
        discount:
          code.type === 'percentage'
            ? formatPercent(code.percentOff ?? 0, locale)
            : money(code.amountOff ?? { amount: 0, currency: 'EUR' }),
      }),
      code.minimumSpend
        ? t('pricing.code.minimum', { amount: money(code.minimumSpend) })
        : t('pricing.code.noMinimum'),
      code.usageLimit === null
        ? t('pricing.code.used', { used: code.usedCount })
        : t('pricing.code.usedOf', { used: code.usedCount, limit: code.usageLimit }),
      code.usageLimitPerCustomer === null
        ? null
        : t('pricing.code.perCustomer', { limit: code.usageLimitPerCustomer }),
      code.startsAt && code.endsAt
        ? t('pricing.code.window', { start: date(code.startsAt), end: date(code.endsAt) })
        : code.startsAt
          ? t('pricing.code.from', { start: date(code.startsAt) })
          : code.endsAt
            ? t('pricing.code.until', { end: date(code.endsAt) })
            : null,
    ].filter(Boolean);

  return (
    <Loaded query={list.query} errorTitle={t('pricing.codes.loadError')}>
      <ActionError error={toggle.error} />
      {list.rows.length === 0 ? (
        <EmptyState title={t('pricing.codes.emptyTitle')} body={t('pricing.codes.emptyBody')} />
      ) : (
        <ul
          className="as-pricing__rows"
          aria-label={t('pricing.codes.title')}
          aria-busy={list.refetching || undefined}
        >
          {list.rows.map((code) => (
            <li key={code.id} className="as-pricing__row" data-active={code.active}>
              <span className="as-pricing__main">
                <span className="as-pricing__name as-pricing__code">{code.code}</span>
                <span className="as-pricing__meta">{facts(code).join(' · ')}</span>
              </span>
              {canWrite ? (
                <label className="as-pricing__switch">
                  <input
                    type="checkbox"
                    role="switch"
                    aria-checked={code.active}
                    className="as-checkbox"
                    checked={code.active}
                    disabled={toggle.isPending && toggle.variables?.id === code.id}
                    onChange={(e) => setActive(code, e.target.checked)}
                  />
                  <span className="as-visually-hidden">{code.code} </span>
                  {t('pricing.active')}
                </label>
              ) : (
                <span className="as-status" data-status={code.active ? 'active' : 'inactive'}>
                  {code.active ? t('pricing.active') : t('pricing.inactive')}
                </span>
              )}
              {canWrite ? (
                <EditButton
                  label={t('pricing.code.editRow', { code: code.code })}
                  onClick={() => onEdit(code)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {list.canPrevious || list.hasMore ? (
        <Pager
          label={t('pricing.codes.page', { page: list.page })}
          previousLabel={t('pricing.codes.previous')}
          nextLabel={t('pricing.codes.next')}
          canPrevious={list.canPrevious}
          canNext={list.canNext}
          onPrevious={list.previous}
          onNext={list.next}
        />
      ) : null}
    </Loaded>
  );
}
