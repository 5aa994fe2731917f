import type { ReactNode } from 'react';
import { cx } from '../../../utils/format';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  /** The headline, e.g. "No products yet". */
  title: string;
  /** The line under it, e.g. what to do next. */
  body: string;
  /** The next step, e.g. an "Add product" button. */
  action?: ReactNode;
  /** Extra class names, e.g. `as-notice` for a notice standing in for a table. */
  className?: string;
}

/**
 * @internal A title and a line of explanation (`.as-empty`), for an empty list or for a notice
 * that replaces one (e.g. the role may not see it).
 *
 * @example <EmptyState className="as-notice" title={t('team.noAccessTitle')} body={t('team.noAccessBody')} />
 */
export function EmptyState({ title, body, action, className }: EmptyStateProps) {
  return (
    <div className={cx('as-empty', className)}>
      <p className="as-empty__title">{title}</p>
      <p className="as-empty__body">{body}</p>
      {action ? <div className="as-empty__action">{action}</div> : null}
    </div>
  );
}
