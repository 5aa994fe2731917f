import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { Fragment, type ReactNode, type RefObject, useMemo, useRef, useState } from 'react';
import type { CursorList } from '../../../hooks/shared/useCursorList';
import { ActionError } from '../ActionError/ActionError';
import { DataTable } from '../DataTable/DataTable';
import { Pager } from '../DataTable/Pager';
import { columnClassName, SortableHeader } from '../DataTable/SortableHeader';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';

/** Row selection and the bulk bar shown while rows are selected. */
export interface ResourceTableBulk<TRow> {
  /** Accessible name of the "select every row on this page" checkbox. */
  selectAllLabel: string;
  /** Accessible name of one row's checkbox. */
  selectRowLabel: (row: TRow) => string;
  /** "3 selected". */
  selectedLabel: (count: number) => string;
  /** Text of the "clear selection" button. */
  clearLabel: string;
  /** The bulk actions, given the selected ids and a way to clear the selection once done. */
  actions: (selectedIds: string[], clear: () => void) => ReactNode;
}

/** Props of {@link ResourceTable}. */
export interface ResourceTableProps<TRow> {
  /** The table's accessible name. */
  label: string;
  /** The list on screen, from `useCursorList`. */
  list: CursorList<TRow>;
  /** The columns (a `select` column is added in front when `bulk` is given). */
  columns: ColumnDef<TRow>[];
  getRowId: (row: TRow) => string;
  /**
   * The sort the server applies (the caller turns it into the list's `order`, so pages follow it).
   * Without it no column sorts.
   */
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  /** Selection and bulk actions; without it rows cannot be selected. */
  bulk?: ResourceTableBulk<TRow>;
  /** What an empty page shows. */
  empty: { title: string; body: string; action?: ReactNode };
  /** The heading of the error shown when the list cannot be loaded. */
  errorTitle: string;
  /** The error of the last row or bulk action: plan errors as an upgrade prompt, others as a notice. */
  actionError?: unknown;
  /** Also shows the loading state (e.g. while the caller's permissions load). */
  loading?: boolean;
  /** Placeholder rows while loading. Defaults to 4. */
  loadingRows?: number;
  /** Labels of the pager. */
  pager: { page: (page: number) => string; previous: string; next: string };
  /** Extra `data-*` attributes of a row's `<tr>`. */
  rowData?: (row: TRow) => Record<`data-${string}`, string | boolean | undefined>;
  /** Rendered after a row (e.g. an edit form spanning every column). */
  afterRow?: (row: TRow, colSpan: number) => ReactNode;
}

/**
 * @internal The scaffold of every kit table over a cursor list: columns sorted by the server,
 * cursor paging, row selection with a bulk bar, and each state shown one way — placeholder rows
 * while loading, the empty state when a page has nothing, the load error (with a retry) instead of
 * the table and without a pager, and action errors above the table ({@link ActionError}). The
 * pager shows only when there is more than one page.
 *
 * @example
 * <ResourceTable label={t('team.tableLabel')} list={list} columns={columns} getRowId={(u) => u.id}
 *   sorting={sorting} onSortingChange={setSorting} empty={{ title, body }}
 *   errorTitle={t('team.loadError')} pager={{ page: (page) => t('team.page', { page }), previous, next }} />
 */
export function ResourceTable<TRow>({
  label,
  list,
  columns,
  getRowId,
  sorting,
  onSortingChange,
  bulk,
  empty,
  errorTitle,
  actionError,
  loading: alsoLoading = false,
  loadingRows = 4,
  pager,
  rowData,
  afterRow,
}: ResourceTableProps<TRow>) {
  // The selection belongs to the page on screen: another page or filter starts with none.
  const [selection, setSelection] = useState<{ position: string; rows: RowSelectionState }>({
    position: list.position,
    rows: {},
  });
  const rowSelection = selection.position === list.position ? selection.rows : {};
  const onRowSelectionChange: OnChangeFn<RowSelectionState> = (update) =>
    setSelection({
      position: list.position,
      rows: typeof update === 'function' ? update(rowSelection) : update,
    });
  const clear = () => setSelection({ position: list.position, rows: {} });

  // The select column reads its labels through a ref: the column definitions must stay the same
  // objects between renders, or every cell (and the focused checkbox) would be remounted.
  const bulkRef = useRef(bulk);
  bulkRef.current = bulk;
  const selectable = Boolean(bulk);
  const allColumns = useMemo<ColumnDef<TRow>[]>(
    () => (selectable ? [selectColumn(bulkRef), ...columns] : columns),
    [selectable, columns],
  );
  const table = useReactTable({
    data: list.rows,
    columns: allColumns,
    state: { sorting: sorting ?? [], rowSelection },
    getRowId,
    onSortingChange,
    enableSorting: Boolean(onSortingChange),
    onRowSelectionChange,
    enableRowSelection: Boolean(bulk),
    sortDescFirst: false,
    // The server sorts; the table only shows which column and direction.
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
  });

  const selectedIds = Object.keys(rowSelection).filter((key) => rowSelection[key]);
  const loading = alsoLoading || list.loading;
  const failed = list.query.isError && !list.query.data;
  const colCount = table.getVisibleLeafColumns().length;

  return (
    <>
      {bulk && selectedIds.length > 0 ? (
        <div className="as-bulk-bar">
          <span className="as-bulk-bar__count">{bulk.selectedLabel(selectedIds.length)}</span>
          <button type="button" className="as-button as-button--ghost" onClick={clear}>
            {bulk.clearLabel}
          </button>
          {bulk.actions(selectedIds, clear)}
        </div>
      ) : null}

      <ActionError error={actionError} />

      {failed ? (
        <ErrorNotice error={list.query.error} title={errorTitle} onRetry={() => list.query.refetch()} />
      ) : (
        <DataTable
          label={label}
          busy={loading || list.refetching}
          head={<SortableHeader table={table} />}
          colSpan={colCount}
          loading={loading}
          loadingRows={loadingRows}
          empty={list.rows.length === 0 ? empty : null}
        >
          {table.getRowModel().rows.map((row) => (
            <Fragment key={row.id}>
              <tr data-selected={row.getIsSelected() || undefined} {...rowData?.(row.original)}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={columnClassName(cell.column)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
              {afterRow?.(row.original, colCount)}
            </Fragment>
          ))}
        </DataTable>
      )}

      {!failed && !loading && (list.page > 1 || list.hasMore) ? (
        <Pager
          label={pager.page(list.page)}
          previousLabel={pager.previous}
          nextLabel={pager.next}
          canPrevious={list.canPrevious}
          canNext={list.canNext}
          onPrevious={list.previous}
          onNext={list.next}
        />
      ) : null}
    </>
  );
}

/** The checkbox column of a selectable table: "select all on this page", then one per row. */
function selectColumn<TRow>(bulk: RefObject<ResourceTableBulk<TRow> | undefined>): ColumnDef<TRow> {
  return {
    id: 'select',
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        className="as-checkbox"
        aria-label={bulk.current?.selectAllLabel}
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
        aria-label={bulk.current?.selectRowLabel(row.original)}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  };
}
