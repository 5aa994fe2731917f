// Counts the SQL statements this process sends to PostgreSQL, at the driver: every call of
// `pg.Client#query` (the pool's queries, each transaction's BEGIN and COMMIT, LISTEN) is one
// statement, grouped by its first keyword. The bench's server loads it when STATEMENTS=count, so
// a benchmark can read how many statements a flow costs where pg_stat_statements is not loaded
// (it needs `shared_preload_libraries` and a restart of PostgreSQL). Read the counts over IPC:
// send `{ statements: 'read' }`, the answer is `{ statements: { total, byKind } }`.
import pg from 'pg';

const byKind = new Map();
let total = 0;

const kindOf = (text) => {
  const match = /^\s*(\w+)/.exec(text);
  return match ? match[1].toLowerCase() : 'other';
};

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, ...rest) {
  const text = typeof config === 'string' ? config : config?.text;
  if (typeof text === 'string') {
    total++;
    const kind = kindOf(text);
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  return query.call(this, config, ...rest);
};

process.on('message', (message) => {
  if (message?.statements === 'read') {
    process.send?.({ statements: { total, byKind: Object.fromEntries(byKind) } });
  }
});
