import type { ReactNode } from 'react';
import { EmptyState } from '../EmptyState/EmptyState';

/** Props of {@link EmptyRow}. */
export interface EmptyRowProps {
  /** How many columns the row spans. */
  colSpan: number;
  /** The headline, e.g. "No products yet". */
  title: string;
  /** The line under it, e.g. what to do next. */
  body: string;
  /** The next step, e.g. an "Add product" button. */
  action?: ReactNode;
}

/**
 * @internal The one row of a table with nothing to list: an {@link EmptyState} spanning every
 * column.
 *
 * @example <EmptyRow colSpan={colCount} title={t('team.emptyTitle')} body={t('team.emptyBody')} />
 */
export function EmptyRow({ colSpan, title, body, action }: EmptyRowProps) {
  return (
    <tr>
      <td colSpan={colSpan}>
        <EmptyState title={title} body={body} action={action} />
      </td>
    </tr>
  );
}
