import { useMemo, useState } from 'react';

/** What {@link useCursorPages} returns. */
export interface CursorPages {
  /** The cursor of the page on screen (`undefined` on the first page): the list's `startingAfter`. */
  startingAfter: string | undefined;
  /** The 1-based number of the page on screen. */
  page: number;
  /** Opens the page after `cursor` (the list's `nextCursor`); does nothing without one. */
  next: (cursor: string | null | undefined) => void;
  /** Goes back one page; stays on the first. */
  previous: () => void;
  /** Back to the first page (e.g. after the filter changed). */
  reset: () => void;
}

/**
 * @internal Cursor paging state of a table: the stack of `startingAfter` cursors seen so far, so
 * "previous" works with a forward-only API.
 *
 * @example
 * const pages = useCursorPages();
 * const users = useUsers({ limit: 50, ...(pages.startingAfter ? { startingAfter: pages.startingAfter } : {}) });
 */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  // The moves are stable between renders, like a state setter.
  const moves = useMemo(
    () => ({
      next: (cursor: string | null | undefined) => {
        if (cursor) setCursors((c) => [...c, cursor]);
      },
      previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
      reset: () => setCursors([undefined]),
    }),
    [],
  );
  return { startingAfter: cursors[cursors.length - 1], page: cursors.length, ...moves };
}
