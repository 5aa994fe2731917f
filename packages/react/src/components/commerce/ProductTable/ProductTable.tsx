import type { Product, ProductOrder, ProductStatus } from '@agentstack/sdk';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowSelectionState,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useArchiveProduct, useUnarchiveProduct } from '../../../hooks/commerce/useArchiveProduct';
import { useBulkArchiveProducts } from '../../../hooks/commerce/useBulkArchiveProducts';
import { useProducts } from '../../../hooks/commerce/useProducts';
import { useAgentStack } from '../../../provider/context';
import { formatDate, formatMoney, formatNumber } from '../../../utils/format';
import { TierGate } from '../../platform/TierGate/TierGate';
import { ActionError } from '../../shared/ActionError/ActionError';
import { DataTable } from '../../shared/DataTable/DataTable';
import { Pager } from '../../shared/DataTable/Pager';
import { columnClassName, SortableHeader } from '../../shared/DataTable/SortableHeader';
import { useCursorPages } from '../../shared/DataTable/useCursorPages';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { ToggleButton } from '../../shared/ToggleButton/ToggleButton';
import { CreateProductForm } from '../CreateProductForm/CreateProductForm';
import { ProductLimitBanner } from '../ProductLimitBanner/ProductLimitBanner';

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
 * the order across the whole catalogue), cursor paging, per-row archive/restore, and bulk archive behind the `commerce.bulkOperations` feature
 * (on lower tiers the bulk bar shows an upgrade prompt instead of a button). The header shows the
 * commerce plan and the product-limit meter; creating past the limit shows an upgrade prompt.
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
}: ProductTableProps) {
  const { t, locale } = useAgentStack();
  const id = useId();
  const [status, setStatus] = useState<ProductStatus | 'all'>(initialStatus);
  const [search, setSearch] = useState(initialQuery);
  const query = useDebounced(search.trim(), searchDebounceMs);
  const pages = useCursorPages();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [notice, setNotice] = useState('');
  const [creating, setCreating] = useState(false);

  const { startingAfter, page } = pages;
  const order = orderOf(sorting);
  const params = useMemo(
    () => ({
      limit: pageSize,
      ...(status !== 'all' ? { status } : {}),
      ...(query ? { query } : {}),
      ...(order ? { order } : {}),
      ...(startingAfter ? { startingAfter } : {}),
    }),
    [pageSize, status, query, order, startingAfter],
  );
  const products = useProducts(params);
  const archive = useArchiveProduct();
  const unarchive = useUnarchiveProduct();
  const bulkArchive = useBulkArchiveProducts();
  // Cells read the mutations through a ref: the column definitions must stay the same objects
  // between renders, or every cell (and the focused checkbox) would be remounted.
  const rowActions = useRef({ archive, unarchive, setNotice });
  rowActions.current = { archive, unarchive, setNotice };

  // A new filter, search or order starts again from the first page, with nothing selected.
  const filterKey = `${status}|${query}|${order ?? ''}`;
  const lastFilterKey = useRef(filterKey);
  useEffect(() => {
    if (lastFilterKey.current === filterKey) return;
    lastFilterKey.current = filterKey;
    pages.reset();
    setRowSelection({});
  }, [filterKey, pages.reset]);

  const rows = products.data?.data ?? [];
  const columns = useMemo<ColumnDef<Product>[]>(
    () => [
      {
        id: 'select',
        enableSorting: false,
        header: ({ table }) => (
          <input
            type="checkbox"
            className="as-checkbox"
            aria-label={t('products.selectAll')}
            checked={table.getIsAllRowsSelected()}
            ref={(el) => {
              if (el) el.indeterminate = table.getIsSomeRowsSelected();
            }}
            onChange={table.getToggleAllRowsSelectedHandler()}
            disabled={table.getRowCount() === 0}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            className="as-checkbox"
            aria-label={t('products.selectRow', { title: row.original.title })}
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
      },
      {
        id: 'title',
        accessorFn: (p) => p.title.toLocaleLowerCase(),
        header: t('products.column.title'),
        cell: ({ row }) => (
          <div className="as-product-cell">
            <span className="as-product-cell__title">{row.original.title}</span>
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
        meta: { numeric: true },
        cell: ({ row }) => formatMoney(row.original.price, locale),
      },
      {
        id: 'inventory',
        accessorKey: 'inventoryQuantity',
        header: t('products.column.inventory'),
        meta: { numeric: true },
        cell: ({ row }) => formatNumber(row.original.inventoryQuantity, locale),
      },
      {
        id: 'updatedAt',
        accessorKey: 'updatedAt',
        header: t('products.column.updatedAt'),
        cell: ({ row }) => (
          <time dateTime={row.original.updatedAt}>{formatDate(row.original.updatedAt, locale)}</time>
        ),
      },
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="as-visually-hidden">{t('products.column.actions')}</span>,
        cell: ({ row }) => {
          const { archive, unarchive, setNotice } = rowActions.current;
          const p = row.original;
          const busy =
            (archive.isPending && archive.variables === p.id) ||
            (unarchive.isPending && unarchive.variables === p.id);
          return p.status === 'archived' ? (
            <button
              type="button"
              className="as-button as-button--ghost as-button--small"
              aria-label={t('products.unarchiveRow', { title: p.title })}
              aria-busy={busy || undefined}
              onClick={() => unarchive.mutate(p.id, { onSuccess: () => setNotice('') })}
            >
              {t('products.unarchive')}
            </button>
          ) : (
            <button
              type="button"
              className="as-button as-button--ghost as-button--small"
              aria-label={t('products.archiveRow', { title: p.title })}
              aria-busy={busy || undefined}
              onClick={() =>
                archive.mutate(p.id, {
                  onSuccess: (done) => setNotice(t('products.archived', { title: done.title })),
                })
              }
            >
              {t('products.archive')}
            </button>
          );
        },
      },
    ],
    [t, locale],
  );

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, rowSelection },
    getRowId: (p) => p.id,
    onSortingChange: setSorting,
    onRowSelectionChange: setRowSelection,
    enableRowSelection: true,
    sortDescFirst: false,
    // The server sorts (see `orderOf`); the table only shows which column and direction.
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
  });

  const selectedIds = Object.keys(rowSelection).filter((key) => rowSelection[key]);
  const goNext = () => {
    const next = products.data?.nextCursor;
    if (!next) return;
    pages.next(next);
    setRowSelection({});
  };
  const goPrevious = () => {
    pages.previous();
    setRowSelection({});
  };
  const onBulkArchive = () =>
    bulkArchive.mutate(selectedIds, {
      onSuccess: (res) => {
        setRowSelection({});
        setNotice(t('products.bulkArchived', { count: res.data.length }));
      },
    });

  const actionError = archive.error ?? unarchive.error ?? bulkArchive.error;
  const filtered = status !== 'all' || query !== '';
  const loading = products.isPending;
  const refetching = products.isFetching && products.isPlaceholderData;
  const colCount = table.getVisibleLeafColumns().length;

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

      {selectedIds.length > 0 ? (
        <div className="as-bulk-bar">
          <span className="as-bulk-bar__count">
            {t('products.selectedCount', { count: selectedIds.length })}
          </span>
          <button type="button" className="as-button as-button--ghost" onClick={() => setRowSelection({})}>
            {t('products.clearSelection')}
          </button>
          <TierGate feature="commerce.bulkOperations" variant="inline">
            <button
              type="button"
              className="as-button as-button--danger"
              onClick={onBulkArchive}
              aria-busy={bulkArchive.isPending || undefined}
            >
              {t('products.bulkArchive')}
            </button>
          </TierGate>
        </div>
      ) : null}

      <ActionError error={actionError} />

      {products.isError && !products.data ? (
        <ErrorNotice
          error={products.error}
          title={t('products.loadError')}
          onRetry={() => products.refetch()}
        />
      ) : (
        <DataTable
          label={t('products.tableLabel')}
          busy={loading || refetching}
          head={<SortableHeader table={table} />}
          colSpan={colCount}
          loading={loading}
          loadingRows={Math.min(pageSize, 5)}
          empty={
            rows.length === 0
              ? {
                  title: filtered ? t('products.noMatchTitle') : t('products.emptyTitle'),
                  body: filtered ? t('products.noMatchBody') : t('products.emptyBody'),
                }
              : null
          }
        >
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-selected={row.getIsSelected() || undefined}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={columnClassName(cell.column)}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      )}

      <Pager
        label={t('products.page', { page })}
        previousLabel={t('products.previous')}
        nextLabel={t('products.next')}
        canPrevious={page > 1}
        canNext={Boolean(products.data?.hasMore) && !refetching}
        onPrevious={goPrevious}
        onNext={goNext}
      />
      <StatusMessage message={notice} />
    </section>
  );
}
