import type { AgentStack, AgentStackError, ListResponse, PageParams } from '@agentstack/sdk';
import type { QueryKey, UseQueryOptions, UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { type ListQueryOptions, useListQuery } from './useListQuery';

/** What {@link useCursorList} returns: the page on screen and the moves between pages. */
export interface CursorList<TItem> {
  /** The list query of the page on screen (data, error, `refetch`…). */
  query: UseQueryResult<ListResponse<TItem>, AgentStackError>;
  /** The items of the page on screen (none while loading or after an error). */
  rows: TItem[];
  /** The 1-based number of the page on screen. */
  page: number;
  /** The first page of these params is loading: nothing to show yet. */
  loading: boolean;
  /** The previous page stays on screen while the next one loads. */
  refetching: boolean;
  /** Whether there are pages after this one, or before it. */
  hasMore: boolean;
  canPrevious: boolean;
  canNext: boolean;
  /** Opens the next page (the list's `nextCursor`). */
  next: () => void;
  /** Goes back one page; stays on the first. */
  previous: () => void;
  /**
   * Which page of which params is on screen, as a string: it changes on every page move and on
   * every new filter or order, so per-page state (a selection) can start over when it does.
   */
  position: string;
}

/**
 * @internal A cursor-paginated list: the page of `params` on screen, with a stack of the
 * `startingAfter` cursors seen so far so "previous" works over a forward-only API. New `params`
 * (a filter, a search, an `order`) start again from the first page. The previous page stays shown
 * while the next loads (unless `keepPrevious: false`).
 *
 * @example
 * const list = useCursorList(productQueries.list, { limit: 20, order: '-price' });
 * list.rows; list.next(); list.query.error;
 */
export function useCursorList<TItem, TParams extends PageParams, TKey extends QueryKey>(
  queryFor: (
    client: AgentStack,
    params: TParams,
  ) => UseQueryOptions<ListResponse<TItem>, AgentStackError, ListResponse<TItem>, TKey>,
  params: TParams,
  options: ListQueryOptions = {},
): CursorList<TItem> {
  const paramsKey = JSON.stringify(params);
  const [stack, setStack] = useState<{ key: string; cursors: string[] }>({ key: paramsKey, cursors: [] });
  // Cursors of other params are stale: a new filter or order shows its first page at once.
  const cursors = stack.key === paramsKey ? stack.cursors : [];
  const startingAfter = cursors[cursors.length - 1];
  // `params` is compared by value (its JSON), so callers need not memoise it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: paramsKey stands for params.
  const pageParams = useMemo<TParams>(
    () => (startingAfter ? { ...params, startingAfter } : params),
    [paramsKey, startingAfter],
  );
  const query = useListQuery((client) => queryFor(client, pageParams), options);
  const page = cursors.length + 1;
  const refetching = query.isFetching && query.isPlaceholderData;
  const hasMore = Boolean(query.data?.hasMore);
  const nextCursor = query.data?.nextCursor;
  return {
    query,
    rows: query.data?.data ?? [],
    page,
    loading: query.isPending,
    refetching,
    hasMore,
    canPrevious: page > 1,
    canNext: hasMore && Boolean(nextCursor) && !refetching,
    next: () => {
      if (nextCursor) setStack({ key: paramsKey, cursors: [...cursors, nextCursor] });
    },
    previous: () => setStack({ key: paramsKey, cursors: cursors.slice(0, -1) }),
    position: `${paramsKey}#${page}`,
  };
}
