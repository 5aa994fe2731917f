import type { Product } from '@agentstack/sdk';
import { type FormEvent, useId, useState } from 'react';
import { useCreateProduct } from '../../../hooks/commerce/useCreateProduct';
import { useMessages } from '../../../provider/context';
import { parseMoneyInput } from '../../../utils/format';
import { planErrorOf, problemOf } from '../../../utils/problem';
import { UpgradePrompt } from '../../platform/UpgradePrompt/UpgradePrompt';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';

/** Props of {@link CreateProductForm}. */
export interface CreateProductFormProps {
  /** Called with the created product. */
  onCreated?: (product: Product) => void;
  /** Shows a cancel button when given. */
  onCancel?: () => void;
  /** Currencies offered. Defaults to USD, EUR, GBP. */
  currencies?: string[];
}

/**
 * A form that creates a product. Over the plan's product limit the API's `tier_limit_reached`
 * answer is shown as an upgrade prompt naming the plan that lifts the limit; a field the API
 * rejects is marked invalid (`aria-invalid`) with the server's message.
 */
export function CreateProductForm({
  onCreated,
  onCancel,
  currencies = ['USD', 'EUR', 'GBP'],
}: CreateProductFormProps) {
  const { t } = useMessages();
  const id = useId();
  const create = useCreateProduct();
  const [title, setTitle] = useState('');
  const [sku, setSku] = useState('');
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState(currencies[0] ?? 'USD');
  const [status, setStatus] = useState<'draft' | 'active'>('draft');
  const [priceError, setPriceError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseMoneyInput(price, currency);
    if (amount === null) {
      setPriceError(t('productForm.invalidPrice'));
      return;
    }
    setPriceError(null);
    create.mutate(
      { title, sku: sku.trim() || null, price: { amount, currency }, status },
      {
        onSuccess: (product) => {
          setCreated(t('productForm.created', { title: product.title }));
          setTitle('');
          setSku('');
          setPrice('');
          onCreated?.(product);
        },
      },
    );
  };

  const planError = planErrorOf(create.error);
  const problem = problemOf(create.error);
  const fieldError = (param: string) =>
    problem?.param === param
      ? (problem.errors?.find((e) => e.param === param)?.message ?? problem.detail)
      : undefined;
  const titleError = fieldError('title');
  const skuError = fieldError('sku');

  return (
    <form className="as-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <p className="as-form__title" id={`${id}-title`}>
        {t('productForm.title')}
      </p>
      <div className="as-form__grid">
        <div className="as-field">
          <label htmlFor={`${id}-t`}>{t('productForm.titleLabel')}</label>
          <input
            id={`${id}-t`}
            className="as-input"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? `${id}-t-err` : undefined}
          />
          {titleError ? (
            <span className="as-field__error" id={`${id}-t-err`}>
              {titleError}
            </span>
          ) : null}
        </div>
        <div className="as-field">
          <label htmlFor={`${id}-s`}>{t('productForm.skuLabel')}</label>
          <input
            id={`${id}-s`}
            className="as-input as-input--mono"
            maxLength={64}
            value={sku}
            onChange={(e) => setSku(e.target.value)}
            aria-invalid={skuError ? true : undefined}
            aria-describedby={skuError ? `${id}-s-err` : undefined}
          />
          {skuError ? (
            <span className="as-field__error" id={`${id}-s-err`}>
              {skuError}
            </span>
          ) : null}
        </div>
        <div className="as-field">
          <label htmlFor={`${id}-p`}>{t('productForm.priceLabel')}</label>
          <input
            id={`${id}-p`}
            className="as-input"
            inputMode="decimal"
            required
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            aria-invalid={priceError ? true : undefined}
            aria-describedby={priceError ? `${id}-p-err` : undefined}
          />
          {priceError ? (
            <span className="as-field__error" id={`${id}-p-err`}>
              {priceError}
            </span>
          ) : null}
        </div>
        <div className="as-field">
          <label htmlFor={`${id}-c`}>{t('productForm.currencyLabel')}</label>
          <select
            id={`${id}-c`}
            className="as-select"
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          >
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="as-field">
          <label htmlFor={`${id}-st`}>{t('productForm.statusLabel')}</label>
          <select
            id={`${id}-st`}
            className="as-select"
            value={status}
            onChange={(e) => setStatus(e.target.value as 'draft' | 'active')}
          >
            <option value="draft">{t('products.status.draft')}</option>
            <option value="active">{t('products.status.active')}</option>
          </select>
        </div>
      </div>
      {planError ? (
        <UpgradePrompt
          upgrade={planError.upgrade}
          limit={planError.limit}
          feature={planError.limit ? undefined : planError.feature}
        />
      ) : create.error && !titleError && !skuError ? (
        <ErrorNotice error={create.error} />
      ) : null}
      <div className="as-form__actions">
        {onCancel ? (
          <button type="button" className="as-button as-button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button
          type="submit"
          className="as-button as-button--primary"
          aria-busy={create.isPending || undefined}
        >
          {create.isPending ? t('productForm.submitting') : t('productForm.submit')}
        </button>
      </div>
      <p className="as-visually-hidden" role="status">
        {created}
      </p>
    </form>
  );
}
