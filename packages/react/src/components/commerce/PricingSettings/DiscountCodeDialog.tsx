import type { DiscountCode, DiscountCodeCreate, DiscountCodeUpdate } from '@agentstack/sdk';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import {
  useCreateDiscountCode,
  useDeleteDiscountCode,
  useUpdateDiscountCode,
} from '../../../hooks/commerce/usePricing';
import { useMessages } from '../../../provider/context';
import { formatMoney, moneyInputValue, parseMoneyInput } from '../../../utils/format';
import { fieldErrors } from '../../../utils/problem';
import { ActionError } from '../../shared/ActionError/ActionError';
import { Dialog } from '../../shared/Dialog/Dialog';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { DeleteInDialog } from './DeleteInDialog';
import { pricingSettingsMessages } from './messages';
import { formatPercent, fromLocalInput, localInputValue, parseCount } from './pricingInput';

type CodeType = DiscountCode['type'];
const TYPES: readonly CodeType[] = ['percentage', 'fixed'];
const FIELDS = [
  'code',
  'type',
  'percentOff',
  'amountOff',
  'minimumSpend',
  'usageLimit',
  'usageLimitPerCustomer',
  'startsAt',
  'endsAt',
];
type Local = Partial<
  Record<'currency' | 'percentOff' | 'amountOff' | 'minimumSpend' | 'usageLimit' | 'perCustomer', string>
>;

/** The currency a code is tied to (its amount off's, else its minimum spend's), or null. */
function currencyOf(code: DiscountCode | null): string | null {
  return code?.amountOff?.currency ?? code?.minimumSpend?.currency ?? null;
}

/**
 * @internal Adds a discount code (`code` null) or edits one. What a code takes off (its text, type
 * and amount) is fixed once made; its minimum spend, usage limits, window and whether it is
 * active change. A code never redeemed can be deleted; a redeemed one only deactivated.
 */
export function DiscountCodeDialog({
  code,
  currencies,
  onClose,
  onDone,
}: {
  code: DiscountCode | null;
  /** The currencies to offer (the regions'): a fixed amount and a minimum spend are in one of them. */
  currencies: readonly string[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useMessages(pricingSettingsMessages);
  const id = useId();
  const create = useCreateDiscountCode();
  const update = useUpdateDiscountCode();
  const remove = useDeleteDiscountCode();
  const write = code ? update : create;
  const fixedCurrency = currencyOf(code);
  const [text, setText] = useState('');
  const [type, setType] = useState<CodeType>(code?.type ?? 'percentage');
  const [percent, setPercent] = useState('');
  const [currency, setCurrency] = useState(fixedCurrency ?? currencies[0] ?? 'EUR');
  const [amountOff, setAmountOff] = useState('');
  const [minimum, setMinimum] = useState(code?.minimumSpend ? moneyInputValue(code.minimumSpend) : '');
  const [usageLimit, setUsageLimit] = useState(code?.usageLimit?.toString() ?? '');
  const [perCustomer, setPerCustomer] = useState(code?.usageLimitPerCustomer?.toString() ?? '');
  const initialStarts = localInputValue(code?.startsAt ?? null);
  const initialEnds = localInputValue(code?.endsAt ?? null);
  const [startsAt, setStartsAt] = useState(initialStarts);
  const [endsAt, setEndsAt] = useState(initialEnds);
  const [active, setActive] = useState(code?.active ?? true);
  const [local, setLocal] = useState<Local>({});
  const errors = fieldErrors(write.error, FIELDS);
  const money = (m: { amount: number; currency: string }) => formatMoney(m, locale);
  // The currency is asked for where an amount needs one and the code has none yet.
  const asksCurrency = !fixedCurrency && (type === 'fixed' || minimum.trim() !== '');
  const choices = currencies.includes(currency) ? currencies : [currency, ...currencies];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountInvalid = t('pricing.amountInvalid', { currency });
    const next: Local = {};
    // Amounts are read in the currency's minor units: it must be a currency first.
    if (!/^[A-Z]{3}$/.test(currency)) {
      setLocal({ currency: t('pricing.code.currencyInvalid') });
      return;
    }
    const percentOff = /^\d+$/.test(percent.trim()) ? Number(percent.trim()) : null;
    if (!code && type === 'percentage' && percentOff === null)
      next.percentOff = t('pricing.code.percentInvalid');
    const off = parseMoneyInput(amountOff, currency);
    if (!code && type === 'fixed' && off === null) next.amountOff = amountInvalid;
    const min = minimum.trim() === '' ? null : parseMoneyInput(minimum, currency);
    if (minimum.trim() !== '' && min === null) next.minimumSpend = amountInvalid;
    const limit = parseCount(usageLimit);
    if (limit === undefined) next.usageLimit = t('pricing.countInvalid');
    const each = parseCount(perCustomer);
    if (each === undefined) next.perCustomer = t('pricing.countInvalid');
    setLocal(next);
    if (Object.keys(next).length) return;
    const changes: DiscountCodeUpdate = {
      minimumSpend: min === null ? null : { amount: min, currency },
      usageLimit: limit ?? null,
      usageLimitPerCustomer: each ?? null,
      // The inputs hold minutes: an untouched window is not sent back rounded.
      ...(startsAt !== initialStarts ? { startsAt: fromLocalInput(startsAt) } : {}),
      ...(endsAt !== initialEnds ? { endsAt: fromLocalInput(endsAt) } : {}),
      active,
    };
    if (code) {
      update.mutate(
        { id: code.id, body: changes },
        { onSuccess: (saved) => onDone(t('pricing.code.saved', { code: saved.code })) },
      );
      return;
    }
    const body: DiscountCodeCreate = {
      ...changes,
      code: text,
      type,
      ...(type === 'percentage'
        ? { percentOff: percentOff ?? 0 }
        : { amountOff: { amount: off ?? 0, currency } }),
    };
    create.mutate(body, {
      onSuccess: (created) => onDone(t('pricing.code.created', { code: created.code })),
    });
  };

  const field = (
    key: keyof Local | 'startsAt' | 'endsAt',
    param: string,
    label: string,
    value: string,
    set: (v: string) => void,
    extra: { hint?: ReactNode; inputMode?: 'decimal' | 'numeric'; type?: string } = {},
  ) => (
    <Field
      id={`${id}-${key}`}
      label={label}
      hint={extra.hint}
      error={(key in local ? local[key as keyof Local] : undefined) ?? errors.at(param)}
    >
      {(control) => (
        <input
          {...control}
          className="as-input"
          type={extra.type ?? 'text'}
          inputMode={extra.inputMode}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );

  const takesOff = code
    ? code.type === 'percentage'
      ? formatPercent(code.percentOff ?? 0, locale)
      : money(code.amountOff ?? { amount: 0, currency: fixedCurrency ?? currency })
    : '';

  return (
    <Dialog
      title={code ? t('pricing.code.editTitle', { code: code.code }) : t('pricing.code.createTitle')}
      size="wide"
      onClose={onClose}
      onSubmit={submit}
    >
      {code ? (
        <p className="as-hint">{t('pricing.code.fixedNote', { discount: takesOff })}</p>
      ) : (
        <>
          <Field
            id={`${id}-code`}
            label={t('pricing.code.code')}
            hint={t('pricing.code.codeHint')}
            error={errors.at('code')}
          >
            {(control) => (
              <input
                {...control}
                className="as-input as-input--mono"
                maxLength={40}
                autoCapitalize="characters"
                autoComplete="off"
                spellCheck={false}
                autoFocus
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
          <fieldset className="as-choice-group as-pricing__types">
            <legend>{t('pricing.code.type')}</legend>
            {TYPES.map((kind) => (
              <label key={kind} className="as-choice" data-checked={type === kind || undefined}>
                <input
                  type="radio"
                  name={`${id}-type`}
                  value={kind}
                  checked={type === kind}
                  onChange={() => setType(kind)}
                />
                <span className="as-choice__label">{t(`pricing.code.type.${kind}`)}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      <div className="as-form__grid">
        {asksCurrency ? (
          <Field
            id={`${id}-currency`}
            label={t('pricing.code.currency')}
            hint={t('pricing.code.currencyHint')}
            error={local.currency}
          >
            {(control) =>
              currencies.length ? (
                <select
                  {...control}
                  className="as-select"
                  value={currency}
                  onChange={(e) => setCurrency(e.target.value)}
                >
                  {choices.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...control}
                  className="as-input as-input--mono"
                  maxLength={3}
                  value={currency}
                  onChange={(e) => setCurrency(e.target.value.toUpperCase())}
                />
              )
            }
          </Field>
        ) : null}
        {code
          ? null
          : type === 'percentage'
            ? field('percentOff', 'percentOff', t('pricing.code.percentOff'), percent, setPercent, {
                inputMode: 'numeric',
              })
            : field(
                'amountOff',
                'amountOff',
                t('pricing.code.amountOff', { currency }),
                amountOff,
                setAmountOff,
                { inputMode: 'decimal' },
              )}
        {field(
          'minimumSpend',
          'minimumSpend',
          t('pricing.code.minimumLabel', { currency }),
          minimum,
          setMinimum,
          { inputMode: 'decimal' },
        )}
        {field('usageLimit', 'usageLimit', t('pricing.code.usageLimit'), usageLimit, setUsageLimit, {
          inputMode: 'numeric',
          hint: code ? t('pricing.code.usedSoFar', { used: code.usedCount }) : undefined,
        })}
        {field(
          'perCustomer',
          'usageLimitPerCustomer',
          t('pricing.code.perCustomerLabel'),
          perCustomer,
          setPerCustomer,
          { inputMode: 'numeric' },
        )}
        {field('startsAt', 'startsAt', t('pricing.code.startsAt'), startsAt, setStartsAt, {
          type: 'datetime-local',
        })}
        {field('endsAt', 'endsAt', t('pricing.code.endsAt'), endsAt, setEndsAt, { type: 'datetime-local' })}
      </div>
      <label className="as-field as-field--inline as-check">
        <input
          type="checkbox"
          className="as-checkbox"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
        {t('pricing.code.activeLabel')}
      </label>
      {errors.other ? <ActionError error={write.error} /> : null}
      <ActionError error={remove.error} />
      {code && code.usedCount > 0 ? <p className="as-hint">{t('pricing.code.keepRedeemed')}</p> : null}
      {code && code.usedCount === 0 ? (
        <DeleteInDialog
          label={t('pricing.code.deleteLabel', { code: code.code })}
          question={t('pricing.code.deleteQuestion', { code: code.code })}
          busy={remove.isPending}
          onConfirm={() =>
            remove.mutate(code.id, {
              onSuccess: () => onDone(t('pricing.code.deleted', { code: code.code })),
            })
          }
        />
      ) : null}
      <FormActions
        pending={write.isPending}
        submitLabel={code ? t('pricing.save') : t('pricing.codes.add')}
        pendingLabel={t('pricing.saving')}
        onCancel={onClose}
      />
    </Dialog>
  );
}
