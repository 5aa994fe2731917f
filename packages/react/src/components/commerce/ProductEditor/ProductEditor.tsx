import type { Money, Product, ProductCategory, ProductMediaInput, ProductOption } from '@agentstack/sdk';
import { type DragEvent, type FormEvent, useId, useRef, useState } from 'react';
import { useCategories } from '../../../hooks/commerce/useCategories';
import { useCollections } from '../../../hooks/commerce/useCollections';
import { useProduct } from '../../../hooks/commerce/useProduct';
import { useUpdateProduct } from '../../../hooks/commerce/useUpdateProduct';
import { useCreateVariant, useDeleteVariant, useUpdateVariant } from '../../../hooks/commerce/useVariants';
import { useVendors } from '../../../hooks/commerce/useVendors';
import { useEntitlement } from '../../../hooks/platform/useEntitlement';
import { useMessages } from '../../../provider/context';
import { formatMoney, formatNumber, moneyInputValue, parseMoneyInput } from '../../../utils/format';
import { TierGate } from '../../platform/TierGate/TierGate';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { productEditorMessages } from './messages';

/** Props of {@link ProductEditor}. */
export interface ProductEditorProps {
  /** The product to edit. */
  productId: string;
  /** Called after the catalogue fields were saved. */
  onSaved?: (product: Product) => void;
}

// Rows keep a key of their own: they are added, removed and reordered.
let lastKey = 0;
const rowKey = () => ++lastKey;

interface PriceRow {
  key: number;
  currency: string;
  amount: string;
}
interface OptionRow {
  key: number;
  name: string;
  values: string;
}
interface Draft {
  prices: PriceRow[];
  options: OptionRow[];
  media: Array<{ key: number; url: string; alt: string }>;
  categoryIds: string[];
  collectionIds: string[];
  vendorId: string | null;
}

const toAmount = moneyInputValue;

function draftOf(product: Product): Draft {
  return {
    prices: product.prices.map((m) => ({ key: rowKey(), currency: m.currency, amount: toAmount(m) })),
    options: product.options.map((o) => ({ key: rowKey(), name: o.name, values: o.values.join(', ') })),
    media: product.media.map((m) => ({ key: rowKey(), url: m.url, alt: m.alt })),
    categoryIds: [...product.categoryIds],
    collectionIds: [...product.collectionIds],
    vendorId: product.vendorId,
  };
}

/** Moves item `from` to index `to`. */
function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Categories in tree order, each with its depth (roots at 0). */
function treeOrder(
  categories: readonly ProductCategory[],
): Array<{ category: ProductCategory; depth: number }> {
  const out: Array<{ category: ProductCategory; depth: number }> = [];
  const known = new Set(categories.map((c) => c.id));
  const visit = (parentId: string | null, depth: number) => {
    for (const c of categories) {
      const parent = c.parentId !== null && known.has(c.parentId) ? c.parentId : null;
      if (parent === parentId && depth < 8) {
        out.push({ category: c, depth });
        visit(c.id, depth + 1);
      }
    }
  };
  visit(null, 0);
  return out;
}

/**
 * Edits what a product is in the catalogue: prices in other currencies, option axes, images in
 * order (drag and drop, or the move buttons from the keyboard), categories, collections and — on
 * plans with multi-vendor — its vendor, saved together in one request; and its variants (SKU,
 * option values, price), each saved on its own.
 *
 * @example <ProductEditor productId="prod_01J…" onSaved={(p) => toast(`${p.title} saved`)} />
 */
export function ProductEditor({ productId, onSaved }: ProductEditorProps) {
  const { t } = useMessages(productEditorMessages);
  const product = useProduct(productId);
  if (product.error) return <ErrorNotice error={product.error} onRetry={() => product.refetch()} />;
  if (!product.data) {
    return (
      <p className="as-product-editor" role="status">
        {t('productEditor.loading')}
      </p>
    );
  }
  return (
    <div className="as-product-editor">
      <CatalogueForm key={product.data.id} product={product.data} onSaved={onSaved} />
      <VariantsSection product={product.data} />
    </div>
  );
}

function CatalogueForm({ product, onSaved }: { product: Product; onSaved?: (product: Product) => void }) {
  const id = useId();
  const { t, locale } = useMessages(productEditorMessages);
  const update = useUpdateProduct();
  const categories = useCategories({ limit: 100 });
  const collections = useCollections({ limit: 100 });
  const multiVendor = useEntitlement({ feature: 'commerce.multiVendor' }).status === 'granted';
  const vendors = useVendors({ limit: 100 }, { enabled: multiVendor });
  const [draft, setDraft] = useState(() => draftOf(product));
  const [invalid, setInvalid] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  // The dragged image's index, read by the drop handler (state would be stale in its closure).
  const dragged = useRef<number | null>(null);
  const [newMedia, setNewMedia] = useState({ url: '', alt: '' });

  const patch = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };
  const moveMedia = (from: number, to: number) => {
    if (to < 0 || to >= draft.media.length || from === to) return;
    patch({ media: moved(draft.media, from, to) });
    setAnnounce(t('productEditor.moved', { n: to + 1, count: draft.media.length }));
  };
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const save = (event: FormEvent) => {
    event.preventDefault();
    const prices: Money[] = [];
    for (const row of draft.prices) {
      const currency = row.currency.trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) return setInvalid(t('productEditor.invalidCurrency'));
      const amount = parseMoneyInput(row.amount, currency);
      if (amount === null) return setInvalid(t('productEditor.invalidAmount', { currency }));
      prices.push({ amount, currency });
    }
    const options: ProductOption[] = draft.options
      .map((o) => ({
        name: o.name.trim(),
        values: [
          ...new Set(
            o.values
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean),
          ),
        ],
      }))
      .filter((o) => o.name || o.values.length);
    const media: ProductMediaInput[] = draft.media.map((m) => ({ url: m.url, alt: m.alt }));
    setInvalid(null);
    update.mutate(
      {
        id: product.id,
        body: {
          prices,
          options,
          media,
          categoryIds: draft.categoryIds,
          collectionIds: draft.collectionIds,
          ...(multiVendor && { vendorId: draft.vendorId }),
        },
      },
      {
        onSuccess: (done) => {
          // The form starts again from what the API holds.
          setDraft(draftOf(done));
          setSaved(true);
          onSaved?.(done);
        },
      },
    );
  };

  const onDrop = (to: number) => (event: DragEvent) => {
    event.preventDefault();
    if (dragged.current !== null) moveMedia(dragged.current, to);
    dragged.current = null;
    setDragging(null);
  };

  return (
    <form className="as-card as-form as-product-editor__form" onSubmit={save} aria-labelledby={`${id}-title`}>
      <h2 className="as-heading" id={`${id}-title`}>
        {t('productEditor.title')}
      </h2>

      <fieldset className="as-product-editor__group">
        <legend>{t('productEditor.pricesTitle')}</legend>
        <p className="as-field__hint">
          {t('productEditor.pricesHint', { price: formatMoney(product.price, locale) })}
        </p>
        {draft.prices.map((row, i) => (
          <div className="as-product-editor__row" key={row.key}>
            <div className="as-field">
              <label htmlFor={`${id}-cur-${i}`}>{t('productEditor.currencyLabel')}</label>
              <input
                id={`${id}-cur-${i}`}
                className="as-input as-product-editor__currency"
                value={row.currency}
                maxLength={3}
                onChange={(e) =>
                  patch({
                    prices: draft.prices.map((r, j) => (j === i ? { ...r, currency: e.target.value } : r)),
                  })
                }
              />
            </div>
            <div className="as-field">
              <label htmlFor={`${id}-amt-${i}`}>{t('productEditor.amountLabel')}</label>
              <input
                id={`${id}-amt-${i}`}
                className="as-input"
                inputMode="decimal"
                value={row.amount}
                onChange={(e) =>
                  patch({
                    prices: draft.prices.map((r, j) => (j === i ? { ...r, amount: e.target.value } : r)),
                  })
                }
              />
            </div>
            <button
              type="button"
              className="as-button as-button--secondary as-button--small"
              onClick={() => patch({ prices: draft.prices.filter((_, j) => j !== i) })}
            >
              {t('productEditor.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="as-button as-button--secondary as-button--small"
          onClick={() => patch({ prices: [...draft.prices, { key: rowKey(), currency: '', amount: '' }] })}
        >
          {t('productEditor.addPrice')}
        </button>
      </fieldset>

      <fieldset className="as-product-editor__group">
        <legend>{t('productEditor.optionsTitle')}</legend>
        <p className="as-field__hint">{t('productEditor.optionsHint')}</p>
        {draft.options.map((row, i) => (
          <div className="as-product-editor__row" key={row.key}>
            <div className="as-field">
              <label htmlFor={`${id}-opt-${i}`}>{t('productEditor.optionName', { n: i + 1 })}</label>
              <input
                id={`${id}-opt-${i}`}
                className="as-input"
                value={row.name}
                onChange={(e) =>
                  patch({
                    options: draft.options.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)),
                  })
                }
              />
            </div>
            <div className="as-field as-product-editor__grow">
              <label htmlFor={`${id}-val-${i}`}>{t('productEditor.optionValues', { n: i + 1 })}</label>
              <input
                id={`${id}-val-${i}`}
                className="as-input"
                value={row.values}
                onChange={(e) =>
                  patch({
                    options: draft.options.map((r, j) => (j === i ? { ...r, values: e.target.value } : r)),
                  })
                }
              />
            </div>
            <button
              type="button"
              className="as-button as-button--secondary as-button--small"
              onClick={() => patch({ options: draft.options.filter((_, j) => j !== i) })}
            >
              {t('productEditor.remove')}
            </button>
          </div>
        ))}
        {draft.options.length < 3 ? (
          <button
            type="button"
            className="as-button as-button--secondary as-button--small"
            onClick={() => patch({ options: [...draft.options, { key: rowKey(), name: '', values: '' }] })}
          >
            {t('productEditor.addOption')}
          </button>
        ) : null}
      </fieldset>

      <fieldset className="as-product-editor__group">
        <legend>{t('productEditor.mediaTitle')}</legend>
        <p className="as-field__hint">{t('productEditor.mediaHint')}</p>
        {draft.media.length === 0 ? <p>{t('productEditor.noMedia')}</p> : null}
        <ol className="as-product-editor__media">
          {draft.media.map((m, i) => (
            <li
              key={m.key}
              className="as-product-editor__medium"
              data-dragging={dragging === i || undefined}
              draggable
              onDragStart={(e) => {
                dragged.current = i;
                setDragging(i);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={onDrop(i)}
              onDragEnd={() => {
                dragged.current = null;
                setDragging(null);
              }}
            >
              <span className="as-product-editor__handle" aria-hidden="true">
                ⠿
              </span>
              <span className="as-product-editor__url" title={m.url}>
                {i + 1}. {m.alt || m.url}
              </span>
              <button
                type="button"
                className="as-button as-button--secondary as-button--small"
                aria-label={t('productEditor.moveUp', { n: i + 1 })}
                disabled={i === 0}
                onClick={() => moveMedia(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="as-button as-button--secondary as-button--small"
                aria-label={t('productEditor.moveDown', { n: i + 1 })}
                disabled={i === draft.media.length - 1}
                onClick={() => moveMedia(i, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="as-button as-button--secondary as-button--small"
                aria-label={t('productEditor.removeMedia', { n: i + 1 })}
                onClick={() => patch({ media: draft.media.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
        <p className="as-visually-hidden" aria-live="polite">
          {announce}
        </p>
        <div className="as-product-editor__row">
          <div className="as-field as-product-editor__grow">
            <label htmlFor={`${id}-murl`}>{t('productEditor.mediaUrl')}</label>
            <input
              id={`${id}-murl`}
              className="as-input"
              type="url"
              value={newMedia.url}
              onChange={(e) => setNewMedia((n) => ({ ...n, url: e.target.value }))}
            />
          </div>
          <div className="as-field">
            <label htmlFor={`${id}-malt`}>{t('productEditor.mediaAlt')}</label>
            <input
              id={`${id}-malt`}
              className="as-input"
              value={newMedia.alt}
              onChange={(e) => setNewMedia((n) => ({ ...n, alt: e.target.value }))}
            />
          </div>
          <button
            type="button"
            className="as-button as-button--secondary as-button--small"
            disabled={!newMedia.url.trim()}
            onClick={() => {
              patch({
                media: [
                  ...draft.media,
                  { key: rowKey(), url: newMedia.url.trim(), alt: newMedia.alt.trim() },
                ],
              });
              setNewMedia({ url: '', alt: '' });
            }}
          >
            {t('productEditor.addMedia')}
          </button>
        </div>
      </fieldset>

      <fieldset className="as-product-editor__group">
        <legend>{t('productEditor.groupsTitle')}</legend>
        <div className="as-product-editor__pickers">
          <fieldset className="as-product-editor__picker">
            <legend>{t('productEditor.categories')}</legend>
            {categories.data?.data.length === 0 ? <p>{t('productEditor.noCategories')}</p> : null}
            {treeOrder(categories.data?.data ?? []).map(({ category, depth }) => (
              <label
                key={category.id}
                className="as-checkbox"
                style={{ paddingInlineStart: `${depth * 1.25}rem` }}
              >
                <input
                  type="checkbox"
                  checked={draft.categoryIds.includes(category.id)}
                  onChange={() => patch({ categoryIds: toggle(draft.categoryIds, category.id) })}
                />{' '}
                {category.name}
              </label>
            ))}
          </fieldset>
          <fieldset className="as-product-editor__picker">
            <legend>{t('productEditor.collections')}</legend>
            {collections.data?.data.length === 0 ? <p>{t('productEditor.noCollections')}</p> : null}
            {(collections.data?.data ?? []).map((collection) => (
              <label key={collection.id} className="as-checkbox">
                <input
                  type="checkbox"
                  checked={draft.collectionIds.includes(collection.id)}
                  onChange={() => patch({ collectionIds: toggle(draft.collectionIds, collection.id) })}
                />{' '}
                {collection.title}
              </label>
            ))}
          </fieldset>
          <div className="as-product-editor__picker">
            <TierGate feature="commerce.multiVendor" variant="inline">
              <div className="as-field">
                <label htmlFor={`${id}-vendor`}>{t('productEditor.vendor')}</label>
                <select
                  id={`${id}-vendor`}
                  className="as-select"
                  value={draft.vendorId ?? ''}
                  onChange={(e) => patch({ vendorId: e.target.value || null })}
                >
                  <option value="">{t('productEditor.noVendor')}</option>
                  {(vendors.data?.data ?? []).map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name}
                    </option>
                  ))}
                </select>
              </div>
            </TierGate>
          </div>
        </div>
      </fieldset>

      {invalid ? (
        <p className="as-field__error" role="alert">
          {invalid}
        </p>
      ) : null}
      {update.error ? <ErrorNotice error={update.error} /> : null}
      <div className="as-form__actions">
        <span role="status">{saved ? t('productEditor.saved') : ''}</span>
        <button
          type="submit"
          className="as-button as-button--primary"
          aria-busy={update.isPending || undefined}
        >
          {update.isPending ? t('productEditor.saving') : t('productEditor.save')}
        </button>
      </div>
    </form>
  );
}

function VariantsSection({ product }: { product: Product }) {
  const id = useId();
  const { t, locale } = useMessages(productEditorMessages);
  const create = useCreateVariant();
  const update = useUpdateVariant();
  const remove = useDeleteVariant();
  const currency = product.price.currency;
  const [sku, setSku] = useState('');
  const [price, setPrice] = useState('');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<string | null>(null);
  const error = create.error ?? update.error ?? remove.error;

  const add = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseMoneyInput(price, currency);
    if (amount === null) return setInvalid(t('productEditor.invalidAmount', { currency }));
    setInvalid(null);
    const options = Object.fromEntries(
      product.options.map((o) => [o.name, chosen[o.name] ?? o.values[0] ?? '']),
    );
    create.mutate(
      { productId: product.id, body: { sku: sku.trim(), options, price: { amount, currency } } },
      {
        onSuccess: () => {
          setSku('');
          setPrice('');
        },
      },
    );
  };
  const savePrice = (variantId: string, variantSku: string) => {
    const amount = parseMoneyInput(prices[variantId] ?? '', currency);
    if (amount === null) return setInvalid(t('productEditor.invalidAmount', { currency }));
    setInvalid(null);
    update.mutate({ productId: product.id, variantId, body: { price: { amount, currency } } });
    void variantSku;
  };

  return (
    <section className="as-card as-product-editor__variants" aria-labelledby={`${id}-variants`}>
      <h2 className="as-heading" id={`${id}-variants`}>
        {t('productEditor.variantsTitle')}
      </h2>
      <p className="as-product-editor__stock">
        <strong>
          {t('productEditor.stock', { count: formatNumber(product.inventoryQuantity, locale) })}
        </strong>{' '}
        <span className="as-field__hint">{t('productEditor.stockHint')}</span>
      </p>
      {product.variants.length === 0 ? (
        <p>{t('productEditor.noVariants')}</p>
      ) : (
        <div className="as-product-editor__scroll">
          <table className="as-table">
            <thead>
              <tr>
                <th scope="col">{t('productEditor.variantSku')}</th>
                <th scope="col">{t('productEditor.variantOptions')}</th>
                <th scope="col">{t('productEditor.variantPrice', { currency })}</th>
                <th scope="col" className="as-num">
                  {t('productEditor.variantStock')}
                </th>
                <th scope="col">
                  <span className="as-visually-hidden">{t('productEditor.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {product.variants.map((v) => (
                <tr key={v.id}>
                  <td>
                    <code className="as-code">{v.sku}</code>
                  </td>
                  <td>{v.title}</td>
                  <td>
                    <div className="as-product-editor__row">
                      <input
                        className="as-input as-product-editor__price"
                        inputMode="decimal"
                        aria-label={t('productEditor.variantPriceOf', { sku: v.sku })}
                        value={prices[v.id] ?? toAmount(v.price)}
                        onChange={(e) => setPrices((p) => ({ ...p, [v.id]: e.target.value }))}
                      />
                      <button
                        type="button"
                        className="as-button as-button--secondary as-button--small"
                        aria-label={t('productEditor.saveVariant', { sku: v.sku })}
                        disabled={prices[v.id] === undefined}
                        onClick={() => savePrice(v.id, v.sku)}
                      >
                        ✓
                      </button>
                    </div>
                    <span className="as-visually-hidden">{formatMoney(v.price, locale)}</span>
                  </td>
                  <td className="as-num">{formatNumber(v.inventoryQuantity, locale)}</td>
                  <td>
                    <button
                      type="button"
                      className="as-button as-button--secondary as-button--small"
                      aria-label={t('productEditor.deleteVariant', { sku: v.sku })}
                      onClick={() => remove.mutate({ productId: product.id, variantId: v.id })}
                    >
                      {t('productEditor.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="as-form as-product-editor__row as-product-editor__add" onSubmit={add}>
        <div className="as-field">
          <label htmlFor={`${id}-sku`}>{t('productEditor.variantSku')}</label>
          <input
            id={`${id}-sku`}
            className="as-input"
            required
            value={sku}
            onChange={(e) => setSku(e.target.value)}
          />
        </div>
        {product.options.map((o, i) => (
          <div className="as-field" key={o.name}>
            <label htmlFor={`${id}-o${i}`}>{o.name}</label>
            <select
              id={`${id}-o${i}`}
              className="as-select"
              value={chosen[o.name] ?? o.values[0]}
              onChange={(e) => setChosen((c) => ({ ...c, [o.name]: e.target.value }))}
            >
              {o.values.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </div>
        ))}
        <div className="as-field">
          <label htmlFor={`${id}-price`}>{t('productEditor.variantPrice', { currency })}</label>
          <input
            id={`${id}-price`}
            className="as-input as-product-editor__price"
            inputMode="decimal"
            required
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
        </div>
        <button
          type="submit"
          className="as-button as-button--primary"
          aria-busy={create.isPending || undefined}
        >
          {t('productEditor.addVariant')}
        </button>
      </form>
      {product.options.length === 0 ? (
        <p className="as-field__hint">{t('productEditor.saveOptionsFirst')}</p>
      ) : null}
      {invalid ? (
        <p className="as-field__error" role="alert">
          {invalid}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
