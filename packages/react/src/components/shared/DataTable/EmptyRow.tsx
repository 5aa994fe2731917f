/** Props of {@link EmptyRow}. */
export interface EmptyRowProps {
  /** How many columns the row spans. */
  colSpan: number;
  /** The headline, e.g. "No products yet". */
  title: string;
  /** The line under it, e.g. what to do next. */
  body: string;
}

/**
 * @internal The one row of a table with nothing to list: an `.as-empty` title and body spanning
 * every column.
 *
 * @example <EmptyRow colSpan={colCount} title={t('team.emptyTitle')} body={t('team.emptyBody')} />
 */
export function EmptyRow({ colSpan, title, body }: EmptyRowProps) {
  return (
    <tr>
      <td colSpan={colSpan}>
        <div className="as-empty">
          <p className="as-empty__title">{title}</p>
          <p className="as-empty__body">{body}</p>
        </div>
      </td>
    </tr>
  );
}
