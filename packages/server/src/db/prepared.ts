import type { Executor } from './client';

const built = new WeakMap<Executor, Map<string, unknown>>();

/**
 * The query `build` makes on `db`, prepared as the named statement `name`: built once per
 * executor (the database; a transaction builds it again), and parsed by PostgreSQL once per
 * connection — a hot path then skips both building the SQL and PostgreSQL's parsing and
 * planning. `build` must make the same SQL every time: its values are `sql.placeholder`s, given
 * to `execute`. (PGlite runs it unnamed.)
 *
 * @example
 * ```ts
 * const query = prepared(db, 'catalog_version', (db) =>
 *   db.select({ v: tenants.catalogVersion }).from(tenants).where(eq(tenants.id, sql.placeholder('tenantId'))),
 * );
 * const [row] = await query.execute({ tenantId });
 * ```
 */
export function prepared<P>(
  db: Executor,
  name: string,
  build: (db: Executor) => { prepare(name: string): P },
): P {
  let queries = built.get(db);
  if (!queries) {
    queries = new Map();
    built.set(db, queries);
  }
  let query = queries.get(name) as P | undefined;
  if (query === undefined) {
    query = build(db).prepare(name);
    queries.set(name, query);
  }
  return query;
}
