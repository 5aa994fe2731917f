import type { ListResponse } from '@agentstack/sdk/schemas';

/** Default page size of list endpoints. */
export const DEFAULT_LIMIT = 20;

/**
 * Turns `limit + 1` rows fetched in id order into a page: the extra row only says there is more.
 */
export function toPage<T extends { id: string }>(rows: T[], limit: number): ListResponse<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  return { data, hasMore, nextCursor: hasMore ? data[data.length - 1]!.id : null };
}

/** Escapes `%`, `_` and `\` for use inside an ILIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
