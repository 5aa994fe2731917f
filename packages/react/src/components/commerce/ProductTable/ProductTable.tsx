import type { Product, ProductOrder, ProductStatus } from '@agentstack/sdk';
import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { productQueries } from '../../../hooks/commerce/productKeys';
import { useArchiveProduct } from '../../../hooks/commerce/useArchiveProduct';
import { useBulkArchiveProducts } from '../../../hooks/commerce/useBulkArchiveProducts';
import { useUnarchiveProduct } from '../../../hooks/commerce/useUnarchiveProduct';
import { useUpdateProduct } from '../../../hooks/commerce/useUpdateProduct';
import { useCursorList } from '../../../hooks/shared/useCursorList';
import { productStatusMessages } from '../../../messages/productStatus';
import { useMessages } from '../../../provider/context';
import { formatDate, formatMoney, formatNumber } from '../../../utils/format';
import { TierGate } from '../../platform/TierGate/TierGate';
import { ConfirmAction } from '../../shared/ConfirmAction/ConfirmAction';
import { ResourceTable } from '../../shared/ResourceTable/ResourceTable';
import { ToggleButton } from '../../shared/ToggleButton/ToggleButton';
import { CreateProductForm } from '../CreateProductForm/CreateProductForm';
import { ProductLimitBanner } from '../ProductLimitBanner/ProductLimitBanner';
import { productTableMessages } from './messages';

/** Props of {@link ProductTable}. */
export interface ProductTableProps {
  /** Products per page (1..100). Defaults to 20. */
  pageSize?: number;
  /** The status filter to start with. Defaults to `all`. */
  initialStatus?: ProductStatus | 'all';
  /** The search to start with. */
  initialQuery?: string;
  /** Shows the plan badge and the product-limit meter. Defaults to `true`. */
  showUsage?: boolean;
  /** Shows the "Add product" form toggle. Defaults to `true`. */
  allowCreate?: boolean;
  /** Debounce of the search box, in ms. Defaults to 300. */
  searchDebounceMs?: number;
  /** Links each product's title to its page, e.g. `(p) => \`#/products/${p.id}\``. Defaults to none. */
  productHref?: (product: Product) => string;
  /**
   * What the empty table's "Add product" button does. Defaults to opening the create form when
   * `allowCreate`; without either the empty table offers no button.
   */
  onCreate?: () => void;
}

/** What the notice under the table says, and the undo it offers (archive → restore). */
interface Notice {
  text: string;
  undo?: () => void;
}

const STATUSES: ProductStatus[] = ['active', 'draft', 'archived'];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    if (ms <= 0) {
      setDebounced(value);
      return;
    }
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The API's sort field for each sortable column. */
const ORDER_FIELDS: Record<string, 'title' | 'price' | 'inventoryQuantity' | 'updatedAt'> = {
  title: 'title',
  price: 'price',
  inventory: 'inventoryQuantity',
  updatedAt: 'updatedAt',
};

/** The list's `order` for the table's sorting state; none means the API's default, newest first. */
function orderOf(sorting: SortingState): ProductOrder | undefined {
  const [first] = sorting;
  const field = first && ORDER_FIELDS[first.id];
  if (!field) return undefined;
  return first.desc ? `-${field}` : field;
}

/**
 * The tenant's products: search, status filter, columns sorted by the server (so paging follows
 * the order across the whole catalogue), cursor paging, per-row archive/restore, and bulk archive
 * behind the `commerce.bulkOperations` feature (on lower tiers the bulk bar shows an upgrade prompt
 * instead of a button). Archiving asks first and then offers "Undo"; the notice goes away with the
 * next action. The header shows the commerce plan and the product-limit meter; creating past the
 * limit shows an upgrade prompt. On a narrow screen price, inventory and date give way to the
 * product, its status and the actions.
 *
 * @example <ProductTable pageSize={25} initialStatus="active" />
 */
export function ProductTable({
  pageSize = 20,
  initialStatus = 'all',
  initialQuery = '',
  showUsage = true,
  allowCreate = true,
  searchDebounceMs = 300,
  productHref,
  onCreate,
}: ProductTableProps) {
  const { t, locale } = useMessages(productTableMessages, productStatusMessages);
  const id = useId();
  const [status, setStatus] = useState<ProductStatus | 'all'>(initialStatus);
  const [search, setSearch] = useState(initialQuery);
  const query = useDebounced(search.trim(), searchDebounceMs);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Which archive waits for its confirmation: a product id, `bulk`, or none.
  const [confirming, setConfirming] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const order = orderOf(sorting);
  const list = useCursorList(productQueries.list, {
    limit: pageSize,
    ...(status !== 'all' ? { status } : {}),
    ...(query ? { query } : {}),
    ...(order ? { order } : {}),
  });
  const archive = useArchiveProduct();
  const unarchive = useUnarchiveProduct();
  const bulkArchive = useBulkArchiveProducts();
  const update = useUpdateProduct();
  /**
   * Undoes an archive: restores each product (which makes it a draft) and puts the ones that were
   * on sale back on sale, then says so.
   */
  const undoArchive = (archived: Array<Pick<Product, 'id' | 'status'>>, done: string) => () =>
    Promise.all(
      archived.map(async (p) => {
        await unarchive.mutateAsync(p.id);
        if (p.status === 'active') await update.mutateAsync({ id: p.id, body: { status: 'active' } });
      }),
    ).then(
      () => setNotice({ text: done }),
      () => undefined,
    );
  // Cells read the mutations through a ref: the column definitions must stay the same objects
  // between renders, or every cell (and the focused checkbox) would be remounted.
  const rowActions = useRef({
    archive,
    unarchive,
    undoArchive,
    confirming,
    setConfirming,
    setNotice,
    productHref,
  });
  rowActions.current = { archive, unarchive, undoArchive, confirming, setConfirming, setNotice, productHref };

  // Another page, filter, search or order: the notice and a pending confirmation are about rows
  // no longer on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the position changes.
  useEffect(() => {
    setNotice(null);
    setConfirming(null);
  }, [list.position]);

  const columns = useMemo<ColumnDef<Product>[]>(
    () => [
      {
        id: 'title',
        accessorFn: (p) => p.title.toLocaleLowerCase(),
        header: t('products.column.title'),
        cell: ({ row }) => (
          <div className="as-product-cell">
            {rowActions.current.productHref ? (
              <a
                className="as-product-cell__title as-product-cell__link"
                href={rowActions.current.productHref(row.original)}
              >
                {row.original.title}
              </a>
            ) : (
              <span className="as-product-cell__title">{row.original.title}</span>
            )}
            <span className="as-product-cell__sku">{row.original.sku ?? t('products.noSku')}</span>
          </div>
        ),
      },
      {
        id: 'status',
        accessorKey: 'status',
        enableSorting: false,
        header: t('products.column.status'),
        cell: ({ row }) => (
          <span className="as-status" data-status={row.original.status}>
            {t(`products.status.${row.original.status}`)}
          </span>
        ),
      },
      {
        id: 'price',
        accessorFn: (p) => p.price.amount,
        header: t('products.column.price'),
        meta: { numeric: true, optional: true },
        cell: ({ row }) => formatMoney(row.original.price, locale),
      },
      {
        id: 'inventory',
        accessorKey: 'inventoryQuantity',
        header: t('products.column.inventory'),
        meta: { numeric: true, optional: true },
        cell: ({ row }) => formatNumber(row.original.inventoryQuantity, locale),
      },
      {
        id: 'updatedAt',
        accessorKey: 'updatedAt',
        header: t('products.column.updatedAt'),
        meta: { optional: true },
        cell: ({ row }) => (
          <time dateTime={row.original.updatedAt}>{formatDate(row.original.updatedAt, locale)}</time>
        ),
      },
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="as-visually-hidden">{t('products.column.actions')}</span>,
        cell: ({ row }) => {
          const { archive, unarchive, undoArchive, confirming, setConfirming, setNotice } =
            rowActions.current;
          const p = row.original;
          const restore = () =>
            unarchive.mutate(p.id, {
              onSuccess: (done) => setNotice({ text: t('products.restored', { title: done.title }) }),
            });
          return p.status === 'archived' ? (
            <button
              type="button"
              className="as-button as-button--ghost as-button--small"
              aria-label={t('products.unarchiveRow', { title: p.title })}
              aria-busy={(unarchive.isPending && unarchive.variables === p.id) || undefined}
              onClick={() => {
                setNotice(null);
                restore();
              }}
            >
              {t('products.unarchive')}
            </button>
          ) : (
            <ConfirmAction
              confirming={confirming === p.id}
              label={t('products.archiveRow', { title: p.title })}
              action={t('products.archive')}
              question={t('products.confirmArchive', { title: p.title })}
              confirmAction={t('products.confirmArchiveAction')}
              busy={archive.isPending && archive.variables === p.id}
              onStart={() => {
                setNotice(null);
                setConfirming(p.id);
              }}
              onCancel={() => setConfirming(null)}
              onConfirm={() =>
                archive.mutate(p.id, {
                  onSettled: () => setConfirming(null),
                  onSuccess: (done) =>
                    setNotice({
                      text: t('products.archived', { title: done.title }),
                      undo: undoArchive([p], t('products.restored', { title: done.title })),
                    }),
                })
              }
            />
          );
        },
      },
    ],
    [t, locale],
  );

  const onBulkArchive = (selectedIds: string[], clearSelection: () => void) => {
    // What each was before, so that Undo puts the active ones back on sale.
    const before = new Map(list.rows.map((p) => [p.id, p.status]));
    bulkArchive.mutate(selectedIds, {
      onSettled: () => setConfirming(null),
      onSuccess: (res) => {
        clearSelection();
        const archived = res.data.map((p) => ({ id: p.id, status: before.get(p.id) ?? p.status }));
        setNotice({
          text: t('products.bulkArchived', { count: archived.length }),
          undo: undoArchive(archived, t('products.bulkRestored', { count: archived.length })),
        });
      },
    });
  };
  const clearFilters = () => {
    setSearch('');
    setStatus('all');
  };
  const create = onCreate ?? (allowCreate ? () => setCreating(true) : undefined);

  const actionError = archive.error ?? unarchive.error ?? bulkArchive.error ?? update.error;
  const filtered = status !== 'all' || query !== '';

  return (
    <section className="as-card as-product-table" aria-labelledby={`${id}-heading`}>
      <header className="as-product-table__header">
        <h2 className="as-heading" id={`${id}-heading`}>
          {t('products.title')}
        </h2>
        {showUsage ? <ProductLimitBanner /> : null}
        {allowCreate ? (
          <ToggleButton open={creating} controls={`${id}-create`} onToggle={setCreating}>
            {t('products.add')}
          </ToggleButton>
        ) : null}
      </header>

      {allowCreate && creating ? (
        <div id={`${id}-create`} className="as-product-table__create">
          <TierGate limit="commerce.products">
            <CreateProductForm onCancel={() => setCreating(false)} onCreated={() => setCreating(false)} />
          </TierGate>
        </div>
      ) : null}

      <div className="as-toolbar">
        <div className="as-field as-field--inline as-toolbar__search">
          <label htmlFor={`${id}-search`} className="as-visually-hidden">
            {t('products.searchLabel')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            className="as-input"
            placeholder={t('products.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="as-field as-field--inline">
          <label htmlFor={`${id}-status`}>{t('products.statusFilterLabel')}</label>
          <select
            id={`${id}-status`}
            className="as-select"
            value={status}
            onChange={(e) => setStatus(e.target.value as ProductStatus | 'all')}
          >
            <option value="all">{t('products.status.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`products.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <ResourceTable
        label={t('products.tableLabel')}
        list={list}
        columns={columns}
        getRowId={(p) => p.id}
        sorting={sorting}
        onSortingChange={setSorting}
        loadingRows={Math.min(pageSize, 5)}
        errorTitle={t('products.loadError')}
        actionError={actionError}
        pager={{
          page: (page) => t('products.page', { page }),
          previous: t('products.previous'),
          next: t('products.next'),
        }}
        bulk={{
          selectAllLabel: t('products.selectAll'),
          selectRowLabel: (p) => t('products.selectRow', { title: p.title }),
          selectedLabel: (count) => t('products.selectedCount', { count }),
          clearLabel: t('products.clearSelection'),
          actions: (selectedIds, clearSelection) => (
            <TierGate feature="commerce.bulkOperations" variant="inline">
              <ConfirmAction
                confirming={confirming === 'bulk'}
                label={t('products.bulkArchive')}
                action={t('products.bulkArchive')}
                question={t('products.confirmBulkArchive', { count: selectedIds.length })}
                confirmAction={t('products.confirmArchiveAction')}
                busy={bulkArchive.isPending}
                onStart={() => {
                  setNotice(null);
                  setConfirming('bulk');
                }}
                onCancel={() => setConfirming(null)}
                onConfirm={() => onBulkArchive(selectedIds, clearSelection)}
              />
            </TierGate>
          ),
        }}
        empty={{
          title: filtered ? t('products.noMatchTitle') : t('products.emptyTitle'),
          body: filtered ? t('products.noMatchBody') : t('products.emptyBody'),
          action: filtered ? (
            <button type="button" className="as-button as-button--secondary" onClick={clearFilters}>
              {t('products.clearFilters')}
            </button>
          ) : create ? (
            <button type="button" className="as-button as-button--primary" onClick={create}>
              {t('products.add')}
            </button>
          ) : null,
        }}
      />
      <div role="status">
        {notice ? (
          <p className="as-undo-notice">
            {notice.text}
            {notice.undo ? (
              <button
                type="button"
                className="as-button as-button--secondary as-button--small"
                onClick={notice.undo}
              >
                {t('products.undo')}
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
    </section>
  );
}
