import type { Product } from '@agentstack/sdk';
import { type FormEvent, useId, useState } from 'react';
import { useCreateProduct } from '../../../hooks/commerce/useCreateProduct';
import { productStatusMessages } from '../../../messages/productStatus';
import { useMessages } from '../../../provider/context';
import { parseMoneyInput } from '../../../utils/format';
import { fieldErrorOf } from '../../../utils/problem';
import { ActionError } from '../../shared/ActionError/ActionError';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { createProductFormMessages } from './messages';

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
  const { t } = useMessages(createProductFormMessages, productStatusMessages);
  const id = useId();
  const create = useCreateProduct();
  const [title, setTitle] = useState('');
  const [sku, setSku] = useState('');
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState(currencies[0] ?? 'USD');
  const [status, setStatus] = useState<'draft' | 'active'>('draft');
  const [stock, setStock] = useState('');
  const [priceError, setPriceError] = useState<string | null>(null);
  const [stockError, setStockError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseMoneyInput(price, currency);
    if (amount === null) {
      setPriceError(t('productForm.invalidPrice'));
      return;
    }
    setPriceError(null);
    const units = stock.trim() === '' ? 0 : Number(stock);
    if (!/^\d*$/.test(stock.trim()) || !Number.isSafeInteger(units)) {
      setStockError(t('productForm.invalidStock'));
      return;
    }
    setStockError(null);
    create.mutate(
      {
        title,
        sku: sku.trim() || null,
        price: { amount, currency },
        status,
        ...(units > 0 ? { inventoryQuantity: units } : {}),
      },
      {
        onSuccess: (product) => {
          setCreated(t('productForm.created', { title: product.title }));
          setTitle('');
          setSku('');
          setPrice('');
          setStock('');
          onCreated?.(product);
        },
      },
    );
  };

  const titleError = fieldErrorOf(create.error, 'title');
  const skuError = fieldErrorOf(create.error, 'sku');
  const inventoryError = stockError ?? fieldErrorOf(create.error, 'inventoryQuantity');

  return (
    <form className="as-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <p className="as-form__title" id={`${id}-title`}>
        {t('productForm.title')}
      </p>
      <div className="as-form__grid">
        <Field id={`${id}-t`} label={t('productForm.titleLabel')} error={titleError}>
          {(control) => (
            <input
              {...control}
              className="as-input"
              required
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-s`} label={t('productForm.skuLabel')} error={skuError}>
          {(control) => (
            <input
              {...control}
              className="as-input as-input--mono"
              maxLength={64}
              value={sku}
              onChange={(e) => setSku(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-p`} label={t('productForm.priceLabel')} error={priceError}>
          {(control) => (
            <input
              {...control}
              className="as-input"
              inputMode="decimal"
              required
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-c`} label={t('productForm.currencyLabel')}>
          {(control) => (
            <select
              {...control}
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
          )}
        </Field>
        <Field
          id={`${id}-q`}
          label={t('productForm.stockLabel')}
          hint={t('productForm.stockHint')}
          error={inventoryError}
        >
          {(control) => (
            <input
              {...control}
              className="as-input"
              inputMode="numeric"
              value={stock}
              onChange={(e) => setStock(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-st`} label={t('productForm.statusLabel')}>
          {(control) => (
            <select
              {...control}
              className="as-select"
              value={status}
              onChange={(e) => setStatus(e.target.value as 'draft' | 'active')}
            >
              <option value="draft">{t('products.status.draft')}</option>
              <option value="active">{t('products.status.active')}</option>
            </select>
          )}
        </Field>
      </div>
      <ActionError error={create.error} showOther={!titleError && !skuError && !inventoryError} />
      <FormActions
        onCancel={onCancel}
        pending={create.isPending}
        submitLabel={t('productForm.submit')}
        pendingLabel={t('productForm.submitting')}
      />
      <StatusMessage message={created} />
    </form>
  );
}
