import { notFound } from '../contract/problem';

/** A list page as the API answers it. */
export interface MockPage<T> {
  data: T[];
  hasMore: boolean;
  nextCursor: string | null;
}

type Compare<T> = (a: T, b: T) => number;

const byIdDescending = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The server's sort orders over an in-memory collection: `field` or `-field`, ties broken by id
 * (ascending with the field, as the server's keyset on `(value, id)` does). No order: newest first.
 */
export function orderBy<T extends { id: string }>(
  order: string | undefined,
  fields: Record<string, (item: T) => string | number>,
): Compare<T> {
  if (!order || order === '-createdAt') return byIdDescending;
  const descending = order.startsWith('-');
  const value = fields[order.replace(/^-/, '')] ?? ((item: T) => item.id);
  const sign = descending ? -1 : 1;
  return (a, b) => {
    const [x, y] = [value(a), value(b)];
    const byValue =
      typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
    return sign * (byValue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
}

/** One cursor page of `items` in `compare` order, after `startingAfter`, as the server pages. */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  params: { limit?: number; startingAfter?: string } | undefined,
  compare: Compare<T> = byIdDescending,
): MockPage<T> {
  const limit = params?.limit ?? 20;
  const sorted = [...items].sort(compare);
  const after = params?.startingAfter;
  let rest = sorted;
  if (after !== undefined) {
    const at = sorted.findIndex((item) => item.id === after);
    // An unknown cursor in the default order still pages by id, as the server does.
    rest =
      at >= 0 ? sorted.slice(at + 1) : compare === byIdDescending ? sorted.filter((i) => i.id < after) : [];
  }
  const data = rest.slice(0, limit);
  const hasMore = rest.length > limit;
  return { data, hasMore, nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null };
}

/** The item with `id`, or the server's `404 not_found` naming `kind`. */
export function findById<T extends { id: string }>(
  items: readonly T[],
  id: string | undefined,
  kind: string,
): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw notFound(kind, String(id));
  return item;
}

/** The current time as the API writes timestamps. */
export const now = (): string => new Date().toISOString();
