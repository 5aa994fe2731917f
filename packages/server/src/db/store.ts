import type { ListResponse } from '@agentstack/sdk/schemas';
import { and, asc, count, desc, eq, getTableColumns, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

// The key of the column a page reads alongside its rows; no table has a column by that name.
const ALONGSIDE = '__alongside';
// The key of an item's JSON text built by the database (`wireJson`), read to measure it.
const JSON_TEXT = '__json';

/** Default page size of list endpoints. */
export const DEFAULT_LIMIT = 20;

/** A sort order over the fields `K`: `field` ascending, `-field` descending. */
export type Order<K extends string> = K | `-${K}`;

/** A table with a text primary key `id` whose values are time-ordered (`newId`). */
export type IdTable = PgTable & { id: AnyPgColumn; $inferSelect: { id: string } };

type RowOf<T extends IdTable> = T['$inferSelect'];
type InsertOf<T extends IdTable> = T['$inferInsert'];

/** How to read and write one table; see {@link defineStore}. */
export interface StoreSpec<
  T extends IdTable,
  W,
  O extends Record<string, AnyPgColumn>,
  S extends keyof InsertOf<T> & string = never,
> {
  table: T;
  /**
   * The key of the column that holds the tenant id. Every query the store builds includes it,
   * so a store opened for one tenant cannot read or write another's rows. Omit it only for
   * tables above tenants (tenants, agencies).
   */
  scope?: S;
  /**
   * The sort orders a list accepts, each a NOT NULL column; ties are broken by `id`. Map
   * `createdAt` to `table.id`: ids are time-ordered, so creation order is id order.
   */
  orders: O;
  /** The order of a list that names none. */
  defaultOrder: Order<keyof O & string>;
  /** The wire shape of a row (list pages are returned in it). */
  toWire: (row: RowOf<T>) => W;
  /**
   * The same wire shape built by the database (`json_build_object(…)`, dates with {@link isoSql}),
   * for pages served as JSON text without building objects in JS. Keep it equal to `toWire`:
   * test them against each other.
   */
  wireJson?: SQL;
}

/** A list page, with what was read alongside it (see {@link Store.page}). */
export type Page<W, A = never> = ListResponse<W> & { alongside?: A };

/** Paging parameters of a list, as validated from the query string. */
export interface PageParams<K extends string> {
  limit?: number;
  startingAfter?: string;
  order?: Order<K>;
}

/** The store of one table, opened on an executor (and a tenant, when scoped). */
export interface Store<T extends IdTable, W, K extends string, S extends string> {
  /** The row with `id`, if the caller's scope holds it. */
  get(id: string): Promise<RowOf<T> | undefined>;
  /** Like {@link get}, and locks the row for the rest of the transaction. */
  getForUpdate(id: string): Promise<RowOf<T> | undefined>;
  /**
   * The rows with these ids, in id order. With `forUpdate` they are locked in that order — the
   * order every transaction uses — so concurrent bulk writes cannot deadlock.
   */
  getMany(ids: string[], options?: { forUpdate?: boolean }): Promise<RowOf<T>[]>;
  /**
   * One keyset page in the requested order: rows after the cursor row on (sort value, id), the
   * cursor's value read in the same statement. `where` narrows it (filters). `alongside`, a
   * scalar expression (e.g. a data version), is read in the same statement, on the same snapshot,
   * and returned as `alongside` — unknown (`undefined`) when the page is empty.
   */
  page<A = never>(params: PageParams<K>, where?: SQL, alongside?: SQL<A>): Promise<Page<W, A>>;
  /**
   * {@link page} as JSON text built by the database from the spec's `wireJson`. Both stop at the
   * same item: with `wireJson`, {@link page} measures each item on the same JSON text (see
   * {@link jsonTextBytesAtMost}).
   */
  pageJson<A = never>(
    params: PageParams<K>,
    where?: SQL,
    alongside?: SQL<A>,
  ): Promise<{ json: string; alongside?: A }>;
  /** Rows matching `where` (all the scope's rows without it). */
  count(where?: SQL): Promise<number>;
  insert(values: Omit<InsertOf<T>, S>): Promise<RowOf<T>>;
  /**
   * Sets `patch` (and `updatedAt`, when the table has one) on a row the transaction has read
   * with {@link getForUpdate}; throws when there is no such row.
   */
  update(id: string, patch: Partial<Omit<InsertOf<T>, S | 'id'>>): Promise<RowOf<T>>;
  /** Deletes the row; true when there was one. */
  remove(id: string): Promise<boolean>;
}

/**
 * Defines the SQL of one table once: tenant-scoped reads and writes, keyset pages in typed sort
 * orders, counts. Returns an opener: `productStore(db, tenantId)` (or `agencyStore(db)` for an
 * unscoped table).
 *
 * @example
 * ```ts
 * export const productStore = defineStore({
 *   table: products, scope: 'tenantId', toWire: toProduct,
 *   orders: { createdAt: products.id, title: products.title }, defaultOrder: '-createdAt',
 * });
 * const page = await productStore(db, tenantId).page({ limit: 20, order: 'title' });
 * ```
 */
export function defineStore<
  T extends IdTable,
  W,
  O extends Record<string, AnyPgColumn>,
  S extends keyof InsertOf<T> & string = never,
>(
  spec: StoreSpec<T, W, O, S>,
): [S] extends [never]
  ? (db: Executor) => Store<T, W, keyof O & string, S>
  : (db: Executor, tenantId: string) => Store<T, W, keyof O & string, S> {
  const { table, scope, orders, defaultOrder, toWire, wireJson } = spec;
  const columns = table as unknown as Record<string, AnyPgColumn | undefined>;
  const scopeColumn = scope ? columns[scope] : undefined;
  const hasUpdatedAt = columns.updatedAt !== undefined;
  const allColumns = getTableColumns(table);

  const open = (db: Executor, tenantId?: string): Store<T, W, keyof O & string, S> => {
    const scoped = (...conditions: (SQL | undefined)[]) =>
      and(scopeColumn ? eq(scopeColumn, tenantId) : undefined, ...conditions);
    // drizzle cannot infer rows of a generic table: the casts below restate what it returns.
    const select = (where: SQL | undefined) =>
      db
        .select()
        .from(table as PgTable)
        .where(where);

    // The `limit + 1` rows of one keyset page: rows after the cursor row on (sort value, id), the
    // cursor's value read in the same statement. `fields` picks the columns (all by default).
    const keyset = (params: PageParams<string>, where?: SQL, fields?: Record<string, unknown>) => {
      const limit = params.limit ?? DEFAULT_LIMIT;
      const order = params.order ?? defaultOrder;
      const descending = order.startsWith('-');
      const column = orders[(descending ? order.slice(1) : order) as keyof O];
      if (!column) throw new Error(`store of ${tableName(table)}: no sort order '${order}'`);
      const byId = column === table.id;
      let after: SQL | undefined;
      if (params.startingAfter) {
        const op = descending ? lt : gt;
        after = byId
          ? op(table.id, params.startingAfter)
          : // Keyset on (value, id); the cursor row is read in the same statement, within the
            // scope, so a cursor from another tenant yields an empty page.
            sql`(${column}, ${table.id}) ${sql.raw(descending ? '<' : '>')} (select ${column}, ${table.id} from ${table} where ${scoped(eq(table.id, params.startingAfter))})`;
      }
      const direction = descending ? desc : asc;
      return (fields ? db.select(fields as never).from(table as PgTable) : db.select().from(table as PgTable))
        .where(scoped(after, where))
        .orderBy(...(byId ? [direction(table.id)] : [direction(column), direction(table.id)]))
        .limit(limit + 1) as Promise<unknown[]>;
    };

    return {
      async get(id) {
        const [row] = await select(scoped(eq(table.id, id)));
        return row as RowOf<T> | undefined;
      },

      async getForUpdate(id) {
        const [row] = await select(scoped(eq(table.id, id))).for('update');
        return row as RowOf<T> | undefined;
      },

      async getMany(ids, options = {}) {
        if (ids.length === 0) return [];
        const q = select(scoped(inArray(table.id, ids))).orderBy(table.id);
        return (options.forUpdate ? await q.for('update') : await q) as RowOf<T>[];
      },

      async page(params, where, alongside) {
        const limit = params.limit ?? DEFAULT_LIMIT;
        // A store that also serves pages as JSON text measures items on that text here too, so a
        // page ends at the same item whichever way it is built.
        const rows = (await keyset(
          params,
          where,
          alongside || wireJson
            ? {
                ...allColumns,
                ...(wireJson && { [JSON_TEXT]: sql<string>`(${wireJson})::text` }),
                ...(alongside && { [ALONGSIDE]: alongside }),
              }
            : undefined,
        )) as (RowOf<T> & { [ALONGSIDE]?: never; [JSON_TEXT]?: string })[];
        const measure = wireJson
          ? (row: (typeof rows)[number]) => jsonTextBytesAtMost(row[JSON_TEXT]!)
          : undefined;
        const page: Page<W, never> = toPage(rows, limit, toWire, PAGE_BYTE_BUDGET, measure);
        if (alongside && rows.length > 0) page.alongside = rows[0]![ALONGSIDE];
        return page;
      },

      async pageJson(params, where, alongside) {
        if (!wireJson) throw new Error(`store of ${tableName(table)}: no wireJson`);
        const limit = params.limit ?? DEFAULT_LIMIT;
        const rows = (await keyset(params, where, {
          id: table.id,
          json: sql<string>`(${wireJson})::text`,
          ...(alongside && { [ALONGSIDE]: alongside }),
        })) as { id: string; json: string; [ALONGSIDE]?: never }[];
        const n = itemsWithinBudget(Math.min(limit, rows.length), (i) => jsonTextBytesAtMost(rows[i]!.json));
        const hasMore = rows.length > n;
        let json = '{"data":[';
        for (let i = 0; i < n; i++) json += i ? `,${rows[i]!.json}` : rows[i]!.json;
        json += `],"hasMore":${hasMore},"nextCursor":${hasMore ? JSON.stringify(rows[n - 1]!.id) : 'null'}}`;
        return alongside && rows.length > 0 ? { json, alongside: rows[0]![ALONGSIDE] } : { json };
      },

      async count(where) {
        const [row] = await db
          .select({ n: count() })
          .from(table as PgTable)
          .where(scoped(where));
        return row?.n ?? 0;
      },

      async insert(values) {
        const [row] = await db
          .insert(table)
          .values((scope ? { ...values, [scope]: tenantId } : values) as InsertOf<T>)
          .returning();
        return row as RowOf<T>;
      },

      async update(id, patch) {
        const rows = (await db
          .update(table)
          .set((hasUpdatedAt ? { updatedAt: new Date(), ...patch } : patch) as never)
          .where(scoped(eq(table.id, id)))
          .returning()) as unknown as RowOf<T>[];
        if (!rows[0])
          throw new Error(`${tableName(table)} ${id}: no row to update (read it for update first)`);
        return rows[0];
      },

      async remove(id) {
        const deleted = await db
          .delete(table)
          .where(scoped(eq(table.id, id)))
          .returning({ id: table.id });
        return deleted.length > 0;
      },
    };
  };
  return open as never;
}

/**
 * The most a page's items may weigh, as estimated by {@link jsonBytesAtMost} (or, for a store
 * with `wireJson`, by {@link jsonTextBytesAtMost} of each item's JSON text): 2 MiB. A page stops
 * early past it (with `hasMore` and a cursor at its last item), so that no list answer — nor the
 * JSON.stringify that builds it on the event loop — grows with how large each item may be.
 */
export const PAGE_BYTE_BUDGET = 2 * 1024 * 1024;

/**
 * An upper bound of `value`'s JSON size in bytes, cheap to compute: three bytes a UTF-16 unit
 * (UTF-8 of the BMP; the escapes of quotes, backslashes, tabs and line breaks take two).
 */
export function jsonBytesAtMost(value: unknown): number {
  if (typeof value === 'string') return value.length * 3 + 2;
  if (value === null || typeof value !== 'object') return 24;
  if (value instanceof Date) return 26;
  let size = 2;
  if (Array.isArray(value)) {
    for (const item of value) size += jsonBytesAtMost(item) + 1;
    return size;
  }
  for (const [key, item] of Object.entries(value)) size += key.length * 3 + 4 + jsonBytesAtMost(item);
  return size;
}

/** An upper bound of the UTF-8 size of a JSON `text`: three bytes a UTF-16 unit. */
export function jsonTextBytesAtMost(text: string): number {
  return text.length * 3;
}

/**
 * How many of the first `count` items fit in `budget` bytes, as `sizeOf` measures them: at
 * least one, then as many as stay within it. The one rule by which every page is cut.
 */
function itemsWithinBudget(
  count: number,
  sizeOf: (index: number) => number,
  budget = PAGE_BYTE_BUDGET,
): number {
  let n = 0;
  for (let bytes = 0; n < count; n++) {
    bytes += sizeOf(n);
    if (n > 0 && bytes > budget) break;
  }
  return n;
}

/**
 * Turns `limit + 1` rows fetched in list order into a page of wire objects: the extra row only
 * says there is more, and the last item's id is the cursor. A page also stops, after at least one
 * item, once its items would pass `budget` ({@link PAGE_BYTE_BUDGET}), each measured by `measure`
 * (by default {@link jsonBytesAtMost} of its wire object).
 */
export function toPage<R extends { id: string }, W>(
  rows: R[],
  limit: number,
  toWire: (row: R) => W,
  budget = PAGE_BYTE_BUDGET,
  measure?: (row: R, item: W) => number,
): ListResponse<W> {
  const data: W[] = [];
  const n = itemsWithinBudget(
    Math.min(limit, rows.length),
    (i) => {
      const item = toWire(rows[i]!);
      data.push(item);
      return measure ? measure(rows[i]!, item) : jsonBytesAtMost(item);
    },
    budget,
  );
  data.length = n;
  const hasMore = rows.length > n;
  return { data, hasMore, nextCursor: hasMore ? rows[n - 1]!.id : null };
}

/** A timestamp column as the wire's ISO 8601 UTC string with milliseconds, in SQL. */
export function isoSql(column: AnyPgColumn): SQL<string | null> {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** Escapes `%`, `_` and `\` and wraps `text` for a substring match with ILIKE. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

type WireValue<V> = V extends Date ? string : V;

/**
 * The wire object of a row: `id`, `object`, then `fields` as stored, dates as ISO 8601 strings.
 * Fields are named, never copied wholesale, so a column added later (a hash, a tenant id) stays
 * on the server until someone puts it on the wire on purpose.
 */
export function wireOf<R extends { id: string }, const N extends string, const K extends keyof R>(
  row: R,
  object: N,
  fields: readonly K[],
): { id: string; object: N } & { [P in K]: WireValue<R[P]> } {
  const out: Record<string, unknown> = { id: row.id, object };
  for (const field of fields) {
    const value = row[field];
    out[field as string] = value instanceof Date ? value.toISOString() : value;
  }
  return out as never;
}

function tableName(table: PgTable): string {
  return (table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')] ?? 'table';
}
