import {
  currencyDigits,
  ErrorNotice,
  formatMoney,
  formatNumber,
  ProductEditor,
  parseMoneyInput,
  useAgentStack,
  useArchiveProduct,
  useProduct,
  useUnarchiveProduct,
  useUpdateProduct,
} from '@agentstack/react';
import { isNotFoundError, type Product, type ProductUpdate } from '@agentstack/sdk';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { PageHead } from '../PageHead';
import { useClearOnNextAction } from '../useClearOnNextAction';
import { href } from '../useHashRoute';

/**
 * One product: its details in a form that saves only what changed (`PATCH`), publishing (draft →
 * active), its catalogue (`ProductEditor`: variants, prices per currency, ordered images,
 * categories, collections, vendor), and archive — asked first, then offered back with "Undo" — or restore.
 */
export function ProductPage({ id }: { id: string }) {
  const product = useProduct(id);
  return (
    <>
      <a className="page-back" href={href('products')}>
        ← All products
      </a>
      {product.data ? (
        <ProductDetail key={product.data.id} product={product.data} />
      ) : product.isError ? (
        isNotFoundError(product.error) ? (
          <section className="as-card page-section">
            <h1 className="page-head__title">Product not found</h1>
            <p>
              It may have been deleted, or the link is wrong. <a href={href('products')}>Back to products</a>
            </p>
          </section>
        ) : (
          <ErrorNotice error={product.error} onRetry={() => product.refetch()} />
        )
      ) : (
        <section className="as-card page-section" aria-busy="true">
          <span className="as-skeleton" />
        </section>
      )}
    </>
  );
}

interface Draft {
  title: string;
  description: string;
  sku: string;
  price: string;
  status: 'draft' | 'active';
}

function draftOf(product: Product): Draft {
  const digits = currencyDigits(product.price.currency);
  return {
    title: product.title,
    description: product.description ?? '',
    sku: product.sku ?? '',
    price: (product.price.amount / 10 ** digits).toFixed(digits),
    status: product.status === 'active' ? 'active' : 'draft',
  };
}

/** The fields that differ from the product, or a message naming the one that is not valid. */
function changesOf(product: Product, draft: Draft): ProductUpdate | string {
  const body: ProductUpdate = {};
  const title = draft.title.trim();
  if (!title) return 'Enter a title.';
  if (title !== product.title) body.title = title;
  if (draft.description !== (product.description ?? '')) body.description = draft.description;
  const sku = draft.sku.trim();
  if (sku !== (product.sku ?? '')) body.sku = sku || null;
  const amount = parseMoneyInput(draft.price, product.price.currency);
  if (amount === null) return 'Enter a price such as 12.50.';
  if (amount !== product.price.amount) body.price = { amount, currency: product.price.currency };
  if (product.status !== 'archived' && draft.status !== product.status) body.status = draft.status;
  return body;
}

function ProductDetail({ product }: { product: Product }) {
  const id = useId();
  const { locale } = useAgentStack();
  const update = useUpdateProduct();
  const archive = useArchiveProduct();
  const unarchive = useUnarchiveProduct();
  const [draft, setDraft] = useState(() => draftOf(product));
  // Once saved (or archived, restored), the form starts again from what the API holds.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the product resets it.
  useEffect(() => setDraft(draftOf(product)), [product.updatedAt]);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // `undo`: the status the product had before it was archived, to go back to.
  const [notice, setNotice] = useState<{ text: string; undo?: Product['status'] } | null>(null);
  const clearNotice = useCallback(() => setNotice(null), []);
  useClearOnNextAction(notice !== null, clearNotice);
  const archived = product.status === 'archived';
  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const changes = changesOf(product, draft);
    if (typeof changes === 'string') {
      setInvalid(changes);
      return;
    }
    setInvalid(null);
    if (Object.keys(changes).length === 0) {
      setNotice({ text: 'Nothing to save: no field was changed.' });
      return;
    }
    update.mutate(
      { id: product.id, body: changes },
      { onSuccess: () => setNotice({ text: 'Changes saved.' }) },
    );
  };
  const restore = () =>
    unarchive.mutate(product.id, { onSuccess: (done) => setNotice({ text: `“${done.title}” restored.` }) });
  // Restoring makes a draft: undoing the archive of a product on sale puts it back on sale.
  const undoArchive = (status: Product['status']) =>
    unarchive
      .mutateAsync(product.id)
      .then((done) =>
        status === 'active' ? update.mutateAsync({ id: product.id, body: { status: 'active' } }) : done,
      )
      .then(
        (done) => setNotice({ text: `“${done.title}” restored.` }),
        () => undefined,
      );

  return (
    <>
      <PageHead
        title={product.title}
        lede={
          <>
            <span className="as-status" data-status={product.status}>
              {product.status[0]!.toUpperCase() + product.status.slice(1)}
            </span>{' '}
            {formatMoney(product.price, locale)} · {product.sku ?? 'No SKU'}
          </>
        }
      />
      <div role="status">
        {notice ? (
          <p className="page-notice">
            {notice.text}{' '}
            {notice.undo ? (
              <button
                type="button"
                className="as-button as-button--secondary as-button--small"
                onClick={() => undoArchive(notice.undo ?? 'draft')}
              >
                Undo
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
      <form
        className="as-card page-section as-form product-form"
        onSubmit={save}
        aria-label="Product details"
      >
        <div className="as-form__grid product-form__grid">
          <div className="as-field product-form__wide">
            <label htmlFor={`${id}-title`}>Title</label>
            <input id={`${id}-title`} className="as-input" value={draft.title} onChange={set('title')} />
          </div>
          <div className="as-field product-form__wide">
            <label htmlFor={`${id}-description`}>Description</label>
            <textarea
              id={`${id}-description`}
              className="as-input product-form__description"
              rows={3}
              value={draft.description}
              onChange={set('description')}
            />
          </div>
          <div className="as-field">
            <label htmlFor={`${id}-price`}>Price ({product.price.currency})</label>
            <input
              id={`${id}-price`}
              className="as-input"
              inputMode="decimal"
              value={draft.price}
              onChange={set('price')}
            />
          </div>
          <div className="as-field">
            <label htmlFor={`${id}-inventory`}>Available</label>
            <output
              id={`${id}-inventory`}
              className="product-stock"
              aria-describedby={`${id}-inventory-hint`}
            >
              {formatNumber(product.inventoryQuantity, locale)}
            </output>
            <p className="as-field__hint" id={`${id}-inventory-hint`}>
              On hand less reserved, over every location.{' '}
              <a href={href('inventory')}>Change stock on the Inventory page</a>.
            </p>
          </div>
          <div className="as-field">
            <label htmlFor={`${id}-sku`}>SKU</label>
            <input id={`${id}-sku`} className="as-input" value={draft.sku} onChange={set('sku')} />
          </div>
          <div className="as-field">
            <label htmlFor={`${id}-status`}>Status</label>
            <select
              id={`${id}-status`}
              className="as-select"
              value={archived ? 'archived' : draft.status}
              disabled={archived}
              onChange={set('status')}
            >
              <option value="draft">Draft (not on sale)</option>
              <option value="active">Active (on sale)</option>
              {archived ? <option value="archived">Archived</option> : null}
            </select>
          </div>
        </div>
        {invalid ? (
          <p className="form-error" role="alert">
            {invalid}
          </p>
        ) : null}
        {update.error ? <ErrorNotice error={update.error} /> : null}
        <div className="as-form__actions">
          <button
            type="button"
            className="as-button as-button--secondary"
            onClick={() => {
              setDraft(draftOf(product));
              setInvalid(null);
            }}
          >
            Reset
          </button>
          <button
            type="submit"
            className="as-button as-button--primary"
            aria-busy={update.isPending || undefined}
          >
            {update.isPending ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </form>
      {archived ? null : (
        <div className="page-section">
          <ProductEditor productId={product.id} />
        </div>
      )}
      <section className="as-card page-section danger-zone" aria-labelledby={`${id}-archive`}>
        <h2 className="as-heading" id={`${id}-archive`}>
          {archived ? 'Archived' : 'Archive'}
        </h2>
        {archived ? (
          <div className="danger-zone__row">
            <p>This product is archived: it is hidden from the storefront and cannot be bought.</p>
            <button
              type="button"
              className="as-button as-button--secondary"
              aria-busy={unarchive.isPending || undefined}
              onClick={restore}
            >
              Restore product
            </button>
          </div>
        ) : confirming ? (
          <fieldset className="as-confirm danger-zone__row" aria-label="Archive this product">
            <span className="as-confirm__text">Archive “{product.title}”? It leaves the storefront.</span>
            <button
              type="button"
              className="as-button as-button--secondary"
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="as-button as-button--danger"
              aria-busy={archive.isPending || undefined}
              // biome-ignore lint/a11y/noAutofocus: the confirm step replaces the button that had focus.
              autoFocus
              onClick={() =>
                archive.mutate(product.id, {
                  onSettled: () => setConfirming(false),
                  onSuccess: (done) => setNotice({ text: `“${done.title}” archived.`, undo: product.status }),
                })
              }
            >
              Yes, archive
            </button>
          </fieldset>
        ) : (
          <div className="danger-zone__row">
            <p>Hide it from the storefront. You can restore it at any time.</p>
            <button
              type="button"
              className="as-button as-button--secondary"
              onClick={() => setConfirming(true)}
            >
              Archive product
            </button>
          </div>
        )}
        {(archive.error ?? unarchive.error) ? <ErrorNotice error={archive.error ?? unarchive.error} /> : null}
      </section>
    </>
  );
}
