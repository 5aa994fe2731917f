import type { Plan, Subscription, Tenant, TenantUpdate } from '@agentstack/sdk';
import type { Domain } from '@agentstack/sdk/catalog';
import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { platformQueries } from '../../../hooks/platform/platformKeys';
import { useAgencies } from '../../../hooks/platform/useAgencies';
import { useMe } from '../../../hooks/platform/useMe';
import { usePlans } from '../../../hooks/platform/usePlans';
import { useUpdateTenant } from '../../../hooks/platform/useUpdateTenant';
import { useCursorList } from '../../../hooks/shared/useCursorList';
import { catalogueMessages } from '../../../messages/catalogue';
import { useMessages } from '../../../provider/context';
import { domainLabel, formatDate } from '../../../utils/format';
import { problemOf } from '../../../utils/problem';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { ResourceTable } from '../../shared/ResourceTable/ResourceTable';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { PlanBadge } from '../PlanBadge/PlanBadge';
import { tenantTableMessages } from './messages';

/** Props of {@link TenantTable}. */
export interface TenantTableProps {
  /** Tenants per page (1..100). Defaults to 20. */
  pageSize?: number;
  /**
   * Shows the per-row "Edit" action (plans and add-ons) to operators. Agency keys never see it:
   * plans are the operator's. Defaults to `true`.
   */
  allowEdit?: boolean;
  /** Makes each tenant's name a link, e.g. to a page with its keys: `(t) => \`#/tenants/${t.id}\``. */
  tenantHref?: (tenant: Tenant) => string;
}

const DOMAINS: Domain[] = ['platform', 'commerce', 'fintech', 'social'];
const OPTIONAL_DOMAINS = ['commerce', 'fintech', 'social'] as const;

/**
 * The installation's tenants, for an operator or agency console: name, agency, the plan of each
 * domain as badges, add-ons and creation date, with cursor paging. For an operator, "Edit" opens a
 * small form under the row to change the plans and add-ons (`PATCH /v1/platform/tenants/:id`). An
 * agency key sees its own agency's tenants, without the agency column or the plan form (plans are
 * the operator's). A tenant credential gets the API's `403`, shown as an error.
 *
 * @example <AgentStackProvider client={new AgentStack({ apiKey: operatorKey })}><TenantTable /></AgentStackProvider>
 */
export function TenantTable({ pageSize = 20, allowEdit = true, tenantHref }: TenantTableProps) {
  const { t, messages, locale } = useMessages(tenantTableMessages, catalogueMessages);
  const id = useId();
  const me = useMe();
  // Operators see every agency and edit plans; an agency key sees its own tenants only.
  const operator = me.data?.permissions.includes('operator') ?? false;
  const editable = allowEdit && operator;
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const tenants = useCursorList(platformQueries.tenantList, { limit: pageSize });
  // Another page: the open form belonged to a row no longer on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the position changes.
  useEffect(() => setEditing(null), [tenants.position]);
  const agencies = useAgencies({ limit: 100 }, { enabled: operator });
  const agencyNames = useMemo(
    () => new Map((agencies.data?.data ?? []).map((a) => [a.id, a.name])),
    [agencies.data],
  );
  // Cells read changing state through a ref, so the column definitions stay stable.
  const rowState = useRef({ editing, setEditing, setNotice, agencyNames, tenantHref });
  rowState.current = { editing, setEditing, setNotice, agencyNames, tenantHref };

  const columns = useMemo<ColumnDef<Tenant>[]>(
    () => [
      {
        id: 'name',
        header: t('tenants.column.name'),
        cell: ({ row }) => {
          const href = rowState.current.tenantHref?.(row.original);
          return (
            <div className="as-product-cell">
              {href ? (
                <a className="as-product-cell__title as-product-cell__link" href={href}>
                  {row.original.name}
                </a>
              ) : (
                <span className="as-product-cell__title">{row.original.name}</span>
              )}
              <span className="as-product-cell__sku">{row.original.id}</span>
            </div>
          );
        },
      },
      ...(operator
        ? [
            {
              id: 'agency',
              header: t('tenants.column.agency'),
              meta: { optional: true },
              cell: ({ row }) => {
                const agencyId = row.original.agencyId;
                if (!agencyId) return <span className="as-muted">{t('tenants.noAgency')}</span>;
                return (
                  rowState.current.agencyNames.get(agencyId) ?? <code className="as-code">{agencyId}</code>
                );
              },
            } satisfies ColumnDef<Tenant>,
          ]
        : []),
      ...DOMAINS.map(
        (domain): ColumnDef<Tenant> => ({
          id: `plan-${domain}`,
          header: domainLabel(messages, domain),
          // On a phone only the platform plan stays beside the name.
          meta: { optional: domain !== 'platform' },
          cell: ({ row }) => <PlanBadge domain={domain} planId={row.original.subscription[domain]} />,
        }),
      ),
      {
        id: 'addons',
        header: t('tenants.column.addons'),
        meta: { optional: true },
        cell: ({ row }) =>
          row.original.addons.length === 0 ? (
            <span className="as-muted">{t('tenants.noAddons')}</span>
          ) : (
            <AddonNames ids={row.original.addons} />
          ),
      },
      {
        id: 'createdAt',
        header: t('tenants.column.createdAt'),
        meta: { optional: true },
        cell: ({ row }) => (
          <time dateTime={row.original.createdAt}>{formatDate(row.original.createdAt, locale)}</time>
        ),
      },
      ...(editable
        ? [
            {
              id: 'actions',
              header: () => <span className="as-visually-hidden">{t('tenants.column.actions')}</span>,
              cell: ({ row }) => {
                const { editing: open, setEditing: setOpen, setNotice: say } = rowState.current;
                const isOpen = open === row.original.id;
                return (
                  <button
                    type="button"
                    className="as-button as-button--ghost as-button--small"
                    aria-label={t('tenants.editRow', { name: row.original.name })}
                    aria-expanded={isOpen}
                    aria-controls={isOpen ? `${id}-edit-${row.original.id}` : undefined}
                    onClick={() => {
                      // The last "saved" notice goes away with the next action.
                      say('');
                      setOpen(isOpen ? null : row.original.id);
                    }}
                  >
                    {t('tenants.edit')}
                  </button>
                );
              },
            } satisfies ColumnDef<Tenant>,
          ]
        : []),
    ],
    [t, messages, locale, editable, operator, id],
  );

  return (
    <section className="as-card as-tenant-table" aria-labelledby={`${id}-heading`}>
      <header className="as-product-table__header">
        <h2 className="as-heading" id={`${id}-heading`}>
          {t('tenants.title')}
        </h2>
      </header>
      <StatusMessage message={notice} visible />
      <ResourceTable
        label={t('tenants.tableLabel')}
        list={tenants}
        columns={columns}
        getRowId={(tenant) => tenant.id}
        loadingRows={Math.min(pageSize, 3)}
        errorTitle={t('tenants.loadError')}
        empty={{ title: t('tenants.emptyTitle'), body: t('tenants.emptyBody') }}
        pager={{
          page: (page) => t('tenants.page', { page }),
          previous: t('tenants.previous'),
          next: t('tenants.next'),
        }}
        rowData={(tenant) => ({ 'data-selected': editing === tenant.id || undefined })}
        afterRow={(tenant, colSpan) =>
          editing === tenant.id ? (
            <tr className="as-tenant-table__edit-row">
              <td colSpan={colSpan}>
                <TenantPlanForm
                  id={`${id}-edit-${tenant.id}`}
                  tenant={tenant}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    setEditing(null);
                    setNotice(t('tenants.saved', { name: saved.name }));
                  }}
                />
              </td>
            </tr>
          ) : null
        }
      />
    </section>
  );
}

/** Add-on names from the served catalogue (falling back to ids while it loads). */
function AddonNames({ ids }: { ids: string[] }) {
  const { data } = usePlans();
  const names = ids.map((a) => data?.find((p) => p.id === a)?.name ?? a);
  return <span className="as-tenant-table__addons">{names.join(', ')}</span>;
}

interface TenantPlanFormProps {
  id: string;
  tenant: Tenant;
  onCancel: () => void;
  onSaved: (tenant: Tenant) => void;
}

/** @internal The plans-and-add-ons form under a tenant's row. */
function TenantPlanForm({ id, tenant, onCancel, onSaved }: TenantPlanFormProps) {
  const { t, messages } = useMessages(tenantTableMessages, catalogueMessages);
  const plans = usePlans();
  const update = useUpdateTenant();
  const [subscription, setSubscription] = useState<Subscription>(tenant.subscription);
  const [addons, setAddons] = useState<string[]>(tenant.addons);
  const catalogue = plans.data ?? [];
  const tiersOf = (d: Domain): Plan[] =>
    catalogue
      .filter((p) => p.kind === 'plan' && p.domain === d)
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const problem = problemOf(update.error);
  const invalid = (param: string) =>
    problem?.param === param || problem?.errors?.some((e) => e.param === param) || undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Add-ons of a domain without a plan would be refused (400): they go with the plan.
    const keptAddons = addons.filter((a) => {
      const addon = catalogue.find((p) => p.id === a);
      return !addon || addon.domain === 'platform' || subscription[addon.domain] !== null;
    });
    const changed = DOMAINS.filter((d) => subscription[d] !== tenant.subscription[d]);
    const body: TenantUpdate = {};
    if (changed.length > 0) {
      body.subscription = Object.fromEntries(
        changed.map((d) => [d, subscription[d]]),
      ) as TenantUpdate['subscription'];
    }
    const sameAddons =
      keptAddons.length === tenant.addons.length && keptAddons.every((a) => tenant.addons.includes(a));
    if (!sameAddons) body.addons = keptAddons;
    if (!body.subscription && !body.addons) {
      onCancel();
      return;
    }
    update.mutate({ id: tenant.id, body }, { onSuccess: onSaved });
  };

  return (
    <form id={id} className="as-form as-tenant-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <p className="as-form__title" id={`${id}-title`}>
        {t('tenants.editTitle', { name: tenant.name })}
      </p>
      <div className="as-form__grid">
        {DOMAINS.map((domain) => (
          <Field
            key={domain}
            id={`${id}-${domain}`}
            label={t('tenants.planLabel', { domain: domainLabel(messages, domain) })}
          >
            {(control) => (
              <select
                id={control.id}
                className="as-select"
                value={subscription[domain] ?? ''}
                // The API's message is shown by the ErrorNotice under the form; the select is marked.
                aria-invalid={invalid(`subscription.${domain}`)}
                onChange={(e) =>
                  setSubscription((s) => ({ ...s, [domain]: e.target.value === '' ? null : e.target.value }))
                }
              >
                {domain !== 'platform' ? <option value="">{t('tenants.noPlan')}</option> : null}
                {tiersOf(domain).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
                {/* Keep an unknown current plan selectable until the catalogue has loaded. */}
                {subscription[domain] && !tiersOf(domain).some((p) => p.id === subscription[domain]) ? (
                  <option value={subscription[domain] ?? ''}>{subscription[domain]}</option>
                ) : null}
              </select>
            )}
          </Field>
        ))}
      </div>
      <fieldset className="as-fieldset">
        <legend>{t('tenants.addonsLabel')}</legend>
        {OPTIONAL_DOMAINS.map((domain) => {
          const domainAddons = catalogue.filter((p) => p.kind === 'addon' && p.domain === domain);
          if (domainAddons.length === 0) return null;
          const hasPlan = subscription[domain] !== null;
          return (
            <div key={domain} className="as-fieldset__group">
              <p className="as-fieldset__title">{domainLabel(messages, domain)}</p>
              {domainAddons.map((addon) => {
                const index = tenant.addons.indexOf(addon.id);
                return (
                  <label key={addon.id} className="as-field as-field--inline as-check">
                    <input
                      type="checkbox"
                      className="as-checkbox"
                      checked={hasPlan && addons.includes(addon.id)}
                      disabled={!hasPlan}
                      aria-invalid={index >= 0 ? invalid(`addons.${index}`) : undefined}
                      onChange={(e) =>
                        setAddons((list) =>
                          e.target.checked ? [...list, addon.id] : list.filter((a) => a !== addon.id),
                        )
                      }
                    />
                    {hasPlan
                      ? addon.name
                      : t('tenants.addonNeedsPlan', {
                          name: addon.name,
                          domain: domainLabel(messages, domain).toLowerCase(),
                        })}
                  </label>
                );
              })}
            </div>
          );
        })}
      </fieldset>
      {update.error ? <ErrorNotice error={update.error} /> : null}
      <FormActions
        onCancel={onCancel}
        pending={update.isPending}
        submitLabel={t('tenants.save')}
        pendingLabel={t('tenants.saving')}
      />
    </form>
  );
}
