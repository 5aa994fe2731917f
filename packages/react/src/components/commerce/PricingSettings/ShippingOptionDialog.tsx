import type { Region, ShippingOption } from '@agentstack/sdk';
import { type FormEvent, useId, useState } from 'react';
import {
  useCreateShippingOption,
  useDeleteShippingOption,
  useUpdateShippingOption,
} from '../../../hooks/commerce/usePricing';
import { useMessages } from '../../../provider/context';
import { moneyInputValue, parseMoneyInput } from '../../../utils/format';
import { fieldErrors } from '../../../utils/problem';
import { ActionError } from '../../shared/ActionError/ActionError';
import { Dialog } from '../../shared/Dialog/Dialog';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { DeleteInDialog } from './DeleteInDialog';
import { pricingSettingsMessages } from './messages';

const FIELDS = ['regionId', 'name', 'amount', 'freeOver'];

/**
 * @internal Adds a shipping option to a region (`option` null) or edits one: name, price, the
 * threshold from which it is free, whether it is offered; deletes it. Amounts are in the region's
 * currency.
 */
export function ShippingOptionDialog({
  option,
  regions,
  onClose,
  onDone,
}: {
  option: ShippingOption | null;
  /** The regions to choose from (on create; the first is chosen first). */
  regions: readonly Region[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useMessages(pricingSettingsMessages);
  const id = useId();
  const create = useCreateShippingOption();
  const update = useUpdateShippingOption();
  const remove = useDeleteShippingOption();
  const write = option ? update : create;
  const [regionId, setRegionId] = useState(option?.regionId ?? regions[0]?.id ?? '');
  const region = regions.find((r) => r.id === regionId);
  const currency = option?.amount.currency ?? region?.currency ?? '';
  const [name, setName] = useState(option?.name ?? '');
  const [amount, setAmount] = useState(option ? moneyInputValue(option.amount) : '');
  const [freeOver, setFreeOver] = useState(option?.freeOver ? moneyInputValue(option.freeOver) : '');
  const [active, setActive] = useState(option?.active ?? true);
  const [invalid, setInvalid] = useState<{ amount: boolean; freeOver: boolean }>({
    amount: false,
    freeOver: false,
  });
  const errors = fieldErrors(write.error, FIELDS);
  const amountInvalid = t('pricing.amountInvalid', { currency });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minor = parseMoneyInput(amount, currency);
    const free = freeOver.trim() === '' ? null : parseMoneyInput(freeOver, currency);
    const next = { amount: minor === null, freeOver: freeOver.trim() !== '' && free === null };
    setInvalid(next);
    if (minor === null || next.freeOver) return;
    const body = {
      name,
      amount: { amount: minor, currency },
      freeOver: free === null ? null : { amount: free, currency },
      active,
    };
    if (option) {
      update.mutate(
        { id: option.id, body },
        { onSuccess: (saved) => onDone(t('pricing.shipping.saved', { name: saved.name })) },
      );
    } else {
      create.mutate(
        { ...body, regionId },
        {
          onSuccess: (created) =>
            onDone(t('pricing.shipping.created', { name: created.name, region: region?.name ?? '' })),
        },
      );
    }
  };

  return (
    <Dialog
      title={
        option ? t('pricing.shipping.editTitle', { name: option.name }) : t('pricing.shipping.createTitle')
      }
      onClose={onClose}
      onSubmit={submit}
    >
      {option ? null : (
        <Field id={`${id}-region`} label={t('pricing.shipping.region')} error={errors.at('regionId')}>
          {(control) => (
            <select
              {...control}
              className="as-select"
              value={regionId}
              onChange={(e) => setRegionId(e.target.value)}
            >
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.currency})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={`${id}-name`} label={t('pricing.shipping.name')} error={errors.at('name')}>
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
      <div className="as-form__grid">
        <Field
          id={`${id}-amount`}
          label={t('pricing.shipping.amount', { currency })}
          error={invalid.amount ? amountInvalid : errors.at('amount')}
        >
          {(control) => (
            <input
              {...control}
              className="as-input"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${id}-free`}
          label={t('pricing.shipping.freeOverLabel', { currency })}
          hint={t('pricing.shipping.freeOverHint')}
          error={invalid.freeOver ? amountInvalid : errors.at('freeOver')}
        >
          {(control) => (
            <input
              {...control}
              className="as-input"
              inputMode="decimal"
              value={freeOver}
              onChange={(e) => setFreeOver(e.target.value)}
            />
          )}
        </Field>
      </div>
      <label className="as-field as-field--inline as-check">
        <input
          type="checkbox"
          className="as-checkbox"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
        {t('pricing.shipping.activeLabel')}
      </label>
      {errors.other ? <ActionError error={write.error} /> : null}
      <ActionError error={remove.error} />
      {option ? (
        <DeleteInDialog
          label={t('pricing.shipping.deleteLabel', { name: option.name })}
          question={t('pricing.shipping.deleteQuestion', { name: option.name })}
          busy={remove.isPending}
          onConfirm={() =>
            remove.mutate(option.id, {
              onSuccess: () => onDone(t('pricing.shipping.deleted', { name: option.name })),
            })
          }
        />
      ) : null}
      <FormActions
        pending={write.isPending}
        submitLabel={option ? t('pricing.save') : t('pricing.shipping.add')}
        pendingLabel={t('pricing.saving')}
        onCancel={onClose}
      />
    </Dialog>
  );
}
