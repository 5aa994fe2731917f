import { type Column, flexRender, type Table } from '@tanstack/react-table';
import { cx } from '../../../utils/format';

/** Props of {@link SortableHeader}. */
export interface SortableHeaderProps<TRow> {
  /** The TanStack table whose header groups to render. */
  table: Table<TRow>;
}

/**
 * @internal The class of a column's header and body cells: `as-num` for columns with
 * `meta: { numeric: true }` (right-aligned), `as-col--optional` for columns with
 * `meta: { optional: true }` (hidden when the table is narrow, e.g. on a phone),
 * `as-table__select` for the `select` checkbox column, `as-table__actions` for the `actions`
 * column; `undefined` for any other column.
 */
export function columnClassName<TRow>(column: Column<TRow, unknown>): string | undefined {
  const meta = column.columnDef.meta as { numeric?: boolean; optional?: boolean } | undefined;
  return (
    cx(
      meta?.numeric && 'as-num',
      meta?.optional && 'as-col--optional',
      column.id === 'select' && 'as-table__select',
      column.id === 'actions' && 'as-table__actions',
    ) || undefined
  );
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const SORT_ICON = { asc: '▲', desc: '▼' } as const;

/**
 * @internal The `<thead>` of a kit table over TanStack Table: one `<th scope="col">` per header.
 * A sortable column's header carries `aria-sort` (`ascending`, `descending` or `none`) and is a
 * `.as-sort` button that toggles the sort, with a ▲/▼/↕ icon hidden from assistive tech; other
 * headers render as they are. Cells get {@link columnClassName}.
 *
 * @example <table className="as-table"><SortableHeader table={table} /><tbody>…</tbody></table>
 */
export function SortableHeader<TRow>({ table }: SortableHeaderProps<TRow>) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const canSort = header.column.getCanSort();
            const label = flexRender(header.column.columnDef.header, header.getContext());
            return (
              <th
                key={header.id}
                scope="col"
                className={columnClassName(header.column)}
                aria-sort={canSort ? (sorted ? ARIA_SORT[sorted] : 'none') : undefined}
              >
                {canSort ? (
                  <button
                    type="button"
                    className="as-sort"
                    onClick={header.column.getToggleSortingHandler()}
                    data-sorted={sorted || undefined}
                  >
                    {label}
                    <span className="as-sort__icon" aria-hidden="true">
                      {sorted ? SORT_ICON[sorted] : '↕'}
                    </span>
                  </button>
                ) : (
                  label
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
