import { useMessages } from '../../../provider/context';

/** Props of {@link SkeletonRows}. */
export interface SkeletonRowsProps {
  /** How many placeholder rows to show. */
  rows: number;
  /** How many columns each row spans. */
  colSpan: number;
}

/**
 * @internal Placeholder rows (`.as-table__skeleton`) while a table's first page loads: one shimmer
 * bar per row, spanning every column, and "Loading…" for screen readers in the first row.
 *
 * @example <tbody>{loading ? <SkeletonRows rows={4} colSpan={colCount} /> : rows}</tbody>
 */
export function SkeletonRows({ rows, colSpan }: SkeletonRowsProps) {
  const { t } = useMessages();
  return Array.from({ length: rows }, (_, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity.
    <tr key={i} className="as-table__skeleton">
      <td colSpan={colSpan}>
        <span className="as-skeleton" />
        {i === 0 ? <span className="as-visually-hidden">{t('common.loading')}</span> : null}
      </td>
    </tr>
  ));
}
