import type { Region } from '@agentstack/sdk';
import { type FormEvent, useId, useState } from 'react';
import { useCreateRegion, useDeleteRegion, useUpdateRegion } from '../../../hooks/commerce/usePricing';
import { useMessages } from '../../../provider/context';
import { fieldErrors } from '../../../utils/problem';
import { ActionError } from '../../shared/ActionError/ActionError';
import { Dialog } from '../../shared/Dialog/Dialog';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { DeleteInDialog } from './DeleteInDialog';
import { pricingSettingsMessages } from './messages';
import { parseCountries, parseRate, rateInputValue } from './pricingInput';

const FIELDS = ['name', 'currency', 'countries', 'taxRateBps'];

/** @internal Adds a region (`region` null) or edits one: name, currency (on create), countries, tax rate; deletes it. */
export function RegionDialog({
  region,
  onClose,
  onDone,
}: {
  region: Region | null;
  onClose: () => void;
  /** The write succeeded: what to announce. */
  onDone: (message: string) => void;
}) {
  const { t } = useMessages(pricingSettingsMessages);
  const id = useId();
  const create = useCreateRegion();
  const update = useUpdateRegion();
  const remove = useDeleteRegion();
  const write = region ? update : create;
  const [name, setName] = useState(region?.name ?? '');
  const [currency, setCurrency] = useState(region?.currency ?? '');
  const [countries, setCountries] = useState(region?.countries.join(', ') ?? '');
  const [rate, setRate] = useState(region ? rateInputValue(region.taxRateBps) : '');
  const [rateInvalid, setRateInvalid] = useState(false);
  const codes = parseCountries(countries);
  const errors = fieldErrors(write.error, FIELDS);
  // `countries.2` names one code: say which.
  const perCountry = errors.all.flatMap((e) => {
    const index = /^countries\.(\d+)$/.exec(e.param)?.[1];
    return index === undefined
      ? []
      : [t('pricing.region.countryError', { country: codes[Number(index)] ?? '', message: e.message })];
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const taxRateBps = parseRate(rate);
    setRateInvalid(taxRateBps === null);
    if (taxRateBps === null) return;
    const body = { name, countries: codes, taxRateBps };
    if (region) {
      update.mutate(
        { id: region.id, body },
        { onSuccess: (saved) => onDone(t('pricing.region.saved', { name: saved.name })) },
      );
    } else {
      create.mutate(
        { ...body, currency: currency.trim().toUpperCase() },
        { onSuccess: (created) => onDone(t('pricing.region.created', { name: created.name })) },
      );
    }
  };

  return (
    <Dialog
      title={region ? t('pricing.region.editTitle', { name: region.name }) : t('pricing.region.createTitle')}
      onClose={onClose}
      onSubmit={submit}
    >
      <Field id={`${id}-name`} label={t('pricing.region.name')} error={errors.at('name')}>
        {(control) => (
          <input
            {...control}
            className="as-input"
            maxLength={200}
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      {region ? (
        <p className="as-hint">{t('pricing.region.currencyFixed', { currency: region.currency })}</p>
      ) : (
        <Field
          id={`${id}-currency`}
          label={t('pricing.region.currency')}
          hint={t('pricing.region.currencyHint')}
          error={errors.at('currency')}
        >
          {(control) => (
            <input
              {...control}
              className="as-input as-input--mono"
              maxLength={3}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              value={currency}
              onChange={(e) => setCurrency(e.target.value)}
            />
          )}
        </Field>
      )}
      <Field
        id={`${id}-countries`}
        label={t('pricing.region.countries')}
        hint={t('pricing.region.countriesHint')}
        error={perCountry.length ? perCountry.join(' ') : errors.at('countries')}
      >
        {(control) => (
          <input
            {...control}
            className="as-input as-input--mono"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            value={countries}
            onChange={(e) => setCountries(e.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${id}-rate`}
        label={t('pricing.region.taxRateLabel')}
        hint={t('pricing.region.taxRateHint')}
        // The API counts basis points ("<= 10000"): its refusal is said in the field's percent.
        error={rateInvalid || errors.at('taxRateBps') ? t('pricing.region.taxInvalid') : null}
      >
        {(control) => (
          <input
            {...control}
            className="as-input"
            inputMode="decimal"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
          />
        )}
      </Field>
      {errors.other ? <ActionError error={write.error} /> : null}
      <ActionError error={remove.error} />
      {region ? (
        <DeleteInDialog
          label={t('pricing.region.deleteLabel', { name: region.name })}
          question={t('pricing.region.deleteQuestion', { name: region.name })}
          busy={remove.isPending}
          onConfirm={() =>
            remove.mutate(region.id, {
              onSuccess: () => onDone(t('pricing.region.deleted', { name: region.name })),
            })
          }
        />
      ) : null}
      <FormActions
        pending={write.isPending}
        submitLabel={region ? t('pricing.save') : t('pricing.regions.add')}
        pendingLabel={t('pricing.saving')}
        onCancel={onClose}
      />
    </Dialog>
  );
}
