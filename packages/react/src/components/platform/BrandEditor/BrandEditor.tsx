import type { Agency, Brand, Entitlements } from '@agentstack/sdk';
import { computeEntitlements } from '@agentstack/sdk/catalog';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useAgency } from '../../../hooks/platform/useAgency';
import { useUpdateAgency } from '../../../hooks/platform/useUpdateAgency';
import { AgentStackProvider } from '../../../provider/AgentStackProvider';
import { useAgentStack, useMessages } from '../../../provider/context';
import { themeFromBrand } from '../../../theme/theme';
import { problemOf } from '../../../utils/problem';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { PlanBadge } from '../PlanBadge/PlanBadge';
import { UsageMeter } from '../UsageMeter/UsageMeter';
import { brandEditorMessages } from './messages';

/** Props of {@link BrandEditor}. */
export interface BrandEditorProps {
  /** The agency whose brand to edit (`agy_…`). */
  agencyId: string;
  /** Called with the saved agency. */
  onSaved?: (agency: Agency) => void;
}

type FieldName = 'name' | 'logoUrl' | 'primaryColor' | 'accentColor' | 'colorScheme';
type FieldErrors = Partial<Record<FieldName, string>>;

const HEX = /^#[0-9a-fA-F]{6}$/;
const FIELDS: FieldName[] = ['name', 'logoUrl', 'primaryColor', 'accentColor', 'colorScheme'];

// The preview's tenant: fixed entitlements, so the preview never fetches. The preview provider owns
// its query cache, so these never reach the host's cache.
const PREVIEW_SUBSCRIPTION = {
  platform: 'growth',
  commerce: 'commerce_growth',
  fintech: null,
  social: null,
} as const;
const previewComputed = computeEntitlements(PREVIEW_SUBSCRIPTION);
const PREVIEW_ENTITLEMENTS: Entitlements = {
  object: 'entitlements',
  tenantId: 'ten_preview',
  subscription: { ...PREVIEW_SUBSCRIPTION },
  addons: [],
  features: previewComputed.features,
  limits: { 'commerce.products': { limit: previewComputed.limits['commerce.products'], used: 6400 } },
  rateLimit: previewComputed.rateLimit,
  apiCalls: { today: 0, month: 0 },
};

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'data:';
  } catch {
    return false;
  }
}

/**
 * Edits an agency's white-label brand — name, logo URL, primary and accent colours (a colour picker
 * plus a hex field each), light or dark scheme — next to a live preview rendered through the kit's
 * own provider with `themeFromBrand`, so it shows exactly what the dashboards will. Saves the
 * changed fields only (`PATCH /v1/platform/agencies/:id`); fields the client or the API rejects
 * (`400 validation_failed`, `errors[].param`) are marked one by one.
 *
 * @example <BrandEditor agencyId="agy_01J…" onSaved={(agency) => toast(`${agency.name} saved`)} />
 */
export function BrandEditor({ agencyId, onSaved }: BrandEditorProps) {
  const { t } = useMessages(brandEditorMessages);
  const id = useId();
  const agency = useAgency(agencyId);
  if (agency.isError && !agency.data) {
    return <ErrorNotice error={agency.error} title={t('brand.loadError')} onRetry={() => agency.refetch()} />;
  }
  if (!agency.data) {
    return (
      <section className="as-card as-brand-editor" aria-busy="true" aria-labelledby={`${id}-title`}>
        <h2 className="as-heading" id={`${id}-title`}>
          {t('brand.title')}
        </h2>
        <span className="as-skeleton" />
        <span className="as-skeleton" />
        <span className="as-visually-hidden" role="status">
          {t('common.loading')}
        </span>
      </section>
    );
  }
  // Keyed by agency: after a save the form's values equal the stored brand, so nothing is dirty.
  return <BrandForm key={agency.data.id} agency={agency.data} onSaved={onSaved} />;
}

/** @internal */
function BrandForm({ agency, onSaved }: { agency: Agency; onSaved?: (agency: Agency) => void }) {
  const { t, locale } = useMessages(brandEditorMessages);
  // The preview is a provider of its own: it gets the caller's overrides, as the page does.
  const { client, messageOverrides } = useAgentStack();
  const id = useId();
  const update = useUpdateAgency();
  const saved = agency.brand;
  const [name, setName] = useState(saved.name);
  const [logoUrl, setLogoUrl] = useState(saved.logoUrl ?? '');
  const [primaryColor, setPrimary] = useState(saved.primaryColor);
  const [accentColor, setAccent] = useState(saved.accentColor);
  const [colorScheme, setScheme] = useState<Brand['colorScheme']>(saved.colorScheme);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (name.trim() === '') errors.name = t('brand.nameRequired');
    if (logoUrl.trim() !== '' && !isUrl(logoUrl.trim())) errors.logoUrl = t('brand.invalidUrl');
    if (!HEX.test(primaryColor)) errors.primaryColor = t('brand.invalidColor');
    if (!HEX.test(accentColor)) errors.accentColor = t('brand.invalidColor');
    return errors;
  };

  // The API's field errors (`brand.primaryColor` → primaryColor), shown beside the client's.
  const problem = problemOf(update.error);
  const serverErrors: FieldErrors = {};
  if (problem?.code === 'validation_failed') {
    const list = problem.errors?.length
      ? problem.errors
      : problem.param
        ? [{ param: problem.param, message: problem.detail ?? '' }]
        : [];
    for (const e of list) {
      const field = e.param.replace(/^brand\./, '') as FieldName;
      if (FIELDS.includes(field) && !serverErrors[field]) serverErrors[field] = e.message;
    }
  }
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const hasFieldError = Object.keys(serverErrors).length > 0;

  // The preview shows the valid parts of the draft, the saved values for the rest.
  const previewName = name.trim() || saved.name;
  const previewLogo = logoUrl.trim() && isUrl(logoUrl.trim()) ? logoUrl.trim() : null;
  const previewPrimary = HEX.test(primaryColor) ? primaryColor : saved.primaryColor;
  const previewAccent = HEX.test(accentColor) ? accentColor : saved.accentColor;
  const previewTheme = useMemo(
    () =>
      themeFromBrand({
        name: previewName,
        logoUrl: previewLogo,
        primaryColor: previewPrimary,
        accentColor: previewAccent,
        colorScheme,
      }),
    [previewName, previewLogo, previewPrimary, previewAccent, colorScheme],
  );

  const patch: Partial<Brand> = {};
  if (name.trim() !== saved.name) patch.name = name.trim();
  if ((logoUrl.trim() || null) !== saved.logoUrl) patch.logoUrl = logoUrl.trim() || null;
  if (primaryColor.toLowerCase() !== saved.primaryColor.toLowerCase()) patch.primaryColor = primaryColor;
  if (accentColor.toLowerCase() !== saved.accentColor.toLowerCase()) patch.accentColor = accentColor;
  if (colorScheme !== saved.colorScheme) patch.colorScheme = colorScheme;
  const dirty = Object.keys(patch).length > 0;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate();
    setClientErrors(found);
    setNotice('');
    if (Object.keys(found).length > 0 || !dirty) return;
    update.mutate(
      { id: agency.id, body: { brand: patch } },
      {
        onSuccess: (next) => {
          setNotice(t('brand.saved'));
          onSaved?.(next);
        },
      },
    );
  };
  const reset = () => {
    setName(saved.name);
    setLogoUrl(saved.logoUrl ?? '');
    setPrimary(saved.primaryColor);
    setAccent(saved.accentColor);
    setScheme(saved.colorScheme);
    setClientErrors({});
    update.reset();
  };
  const clearError = (field: FieldName) => {
    if (clientErrors[field]) setClientErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  const colorField = (
    field: 'primaryColor' | 'accentColor',
    label: string,
    value: string,
    set: (v: string) => void,
  ) => (
    <Field id={`${id}-${field}`} label={label} error={errors[field]}>
      {(control) => (
        <div className="as-color-field">
          <input
            type="color"
            className="as-color-field__picker"
            aria-label={t('brand.pickerLabel', { label })}
            value={HEX.test(value) ? value.toLowerCase() : saved[field]}
            onChange={(e) => {
              set(e.target.value);
              clearError(field);
            }}
          />
          <input
            {...control}
            type="text"
            className="as-input as-input--mono"
            value={value}
            spellCheck={false}
            autoComplete="off"
            maxLength={7}
            onChange={(e) => {
              set(e.target.value.trim());
              clearError(field);
            }}
            onBlur={() => {
              if (!HEX.test(value)) setClientErrors((c) => ({ ...c, [field]: t('brand.invalidColor') }));
            }}
          />
        </div>
      )}
    </Field>
  );

  return (
    <section className="as-card as-brand-editor" aria-labelledby={`${id}-title`}>
      <h2 className="as-heading" id={`${id}-title`}>
        {t('brand.title')}
      </h2>
      <div className="as-brand-editor__layout">
        <form className="as-form as-brand-editor__form" onSubmit={onSubmit} noValidate>
          <Field id={`${id}-name`} label={t('brand.nameLabel')} error={errors.name}>
            {(control) => (
              <input
                {...control}
                className="as-input"
                value={name}
                maxLength={80}
                onChange={(e) => {
                  setName(e.target.value);
                  clearError('name');
                }}
              />
            )}
          </Field>
          <Field
            id={`${id}-logoUrl`}
            label={t('brand.logoLabel')}
            // The error replaces the hint.
            hint={errors.logoUrl ? undefined : t('brand.logoHint')}
            error={errors.logoUrl}
          >
            {(control) => (
              <input
                {...control}
                type="url"
                className="as-input"
                value={logoUrl}
                placeholder="https://"
                onChange={(e) => {
                  setLogoUrl(e.target.value);
                  clearError('logoUrl');
                }}
              />
            )}
          </Field>
          {colorField('primaryColor', t('brand.primaryLabel'), primaryColor, setPrimary)}
          {colorField('accentColor', t('brand.accentLabel'), accentColor, setAccent)}
          <fieldset
            className="as-fieldset"
            {...(errors.colorScheme ? { 'aria-describedby': `${id}-colorScheme-err` } : {})}
          >
            <legend>{t('brand.schemeLabel')}</legend>
            {(['light', 'dark'] as const).map((scheme) => (
              <label key={scheme} className="as-field as-field--inline as-check">
                <input
                  type="radio"
                  name={`${id}-scheme`}
                  value={scheme}
                  checked={colorScheme === scheme}
                  onChange={() => setScheme(scheme)}
                />
                {t(`brand.scheme.${scheme}`)}
              </label>
            ))}
            {errors.colorScheme ? (
              <span className="as-field__error" id={`${id}-colorScheme-err`}>
                {errors.colorScheme}
              </span>
            ) : null}
          </fieldset>
          {update.error && !hasFieldError ? <ErrorNotice error={update.error} /> : null}
          {hasFieldError ? (
            <p className="as-field__error" role="alert">
              {t('brand.fixErrors')}
            </p>
          ) : null}
          <StatusMessage message={notice} visible />
          <FormActions
            onCancel={reset}
            cancelLabel={t('brand.reset')}
            cancelDisabled={!dirty}
            pending={update.isPending}
            submitLabel={t('brand.save')}
            pendingLabel={t('brand.saving')}
          />
        </form>
        <section className="as-brand-editor__preview" aria-labelledby={`${id}-preview`}>
          <h3 className="as-plan-catalog__subheading" id={`${id}-preview`}>
            {t('brand.previewTitle')}
          </h3>
          <AgentStackProvider
            client={client}
            theme={previewTheme}
            locale={{ code: locale, messages: messageOverrides }}
            entitlements={PREVIEW_ENTITLEMENTS}
            className="as-brand-preview"
          >
            <div className="as-brand-preview__frame" data-testid="brand-preview">
              <div className="as-brand-preview__bar">
                {previewLogo ? <img className="as-brand-preview__logo" src={previewLogo} alt="" /> : null}
                <span className="as-brand-preview__name">{previewName}</span>
                <PlanBadge domain="platform" />
              </div>
              <div className="as-brand-preview__body">
                <p className="as-brand-preview__lede">{t('brand.previewBody')}</p>
                <UsageMeter limitKey="commerce.products" label={t('brand.previewUsage')} />
                {/* Pictures of buttons, not buttons: the preview has nothing to act on. */}
                <div className="as-brand-preview__actions" aria-hidden="true">
                  <span className="as-button as-button--primary">{t('brand.previewPrimary')}</span>
                  <span className="as-button as-button--secondary">{t('brand.previewSecondary')}</span>
                  <span className="as-brand-preview__accent" />
                </div>
              </div>
            </div>
          </AgentStackProvider>
        </section>
      </div>
    </section>
  );
}
