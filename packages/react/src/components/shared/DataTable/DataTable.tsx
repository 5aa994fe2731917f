import type { ReactNode } from 'react';
import { EmptyRow } from './EmptyRow';
import { SkeletonRows } from './SkeletonRows';

/** Props of {@link DataTable}. */
export interface DataTableProps {
  /** The table's accessible name. */
  label: string;
  /** Marks the table `aria-busy` (loading, or showing the previous page while the next loads). */
  busy: boolean;
  /** The `<thead>`: a {@link SortableHeader}, or a literal one. */
  head: ReactNode;
  /** How many columns the placeholder and empty rows span. */
  colSpan: number;
  /** Shows `loadingRows` {@link SkeletonRows} instead of the rows. */
  loading: boolean;
  /** How many placeholder rows to show while loading. */
  loadingRows: number;
  /** Shown as an {@link EmptyRow} instead of the rows when given: pass it when there are none. */
  empty: { title: string; body: string; action?: ReactNode } | null;
  /** The rows (`<tr>`s). */
  children: ReactNode;
}

/**
 * @internal The frame of a kit table: a scrolling `.as-table-wrap` around a named `.as-table`,
 * its head, and a body showing placeholder rows while loading, the empty state when there is
 * nothing to list, else the given rows.
 *
 * @example
 * <DataTable label={t('team.tableLabel')} busy={loading} head={<SortableHeader table={table} />}
 *   colSpan={colCount} loading={loading} loadingRows={4}
 *   empty={rows.length === 0 ? { title: t('team.emptyTitle'), body: t('team.emptyBody') } : null}>
 *   {table.getRowModel().rows.map((row) => <tr key={row.id}>…</tr>)}
 * </DataTable>
 */
export function DataTable({
  label,
  busy,
  head,
  colSpan,
  loading,
  loadingRows,
  empty,
  children,
}: DataTableProps) {
  return (
    <div className="as-table-wrap">
      <table className="as-table" aria-label={label} aria-busy={busy || undefined}>
        {head}
        <tbody>
          {loading ? (
            <SkeletonRows rows={loadingRows} colSpan={colSpan} />
          ) : empty ? (
            <EmptyRow colSpan={colSpan} title={empty.title} body={empty.body} action={empty.action} />
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}
