/** Props of {@link Pager}. */
export interface PagerProps {
  /** The page's label, e.g. "Page 2": the navigation's accessible name and the live text. */
  label: string;
  /** Text of the "previous page" button. */
  previousLabel: string;
  /** Text of the "next page" button. */
  nextLabel: string;
  /** Whether there is a page before this one. */
  canPrevious: boolean;
  /** Whether the next page may be opened (there is one, and it is not loading). */
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/**
 * @internal Previous / next paging under a table: an `.as-pager` navigation named after the page,
 * with the page label between the buttons, announced politely as it changes.
 *
 * @example
 * <Pager label={t('team.page', { page })} previousLabel={t('team.previous')} nextLabel={t('team.next')}
 *   canPrevious={page > 1} canNext={hasMore} onPrevious={pages.previous} onNext={() => pages.next(cursor)} />
 */
export function Pager({
  label,
  previousLabel,
  nextLabel,
  canPrevious,
  canNext,
  onPrevious,
  onNext,
}: PagerProps) {
  return (
    <nav className="as-pager" aria-label={label}>
      <button
        type="button"
        className="as-button as-button--secondary"
        onClick={onPrevious}
        disabled={!canPrevious}
      >
        {previousLabel}
      </button>
      <span className="as-pager__page" aria-live="polite">
        {label}
      </span>
      <button type="button" className="as-button as-button--secondary" onClick={onNext} disabled={!canNext}>
        {nextLabel}
      </button>
    </nav>
  );
}
