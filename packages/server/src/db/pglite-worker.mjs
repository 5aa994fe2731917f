// @ts-check
// Embedded PGlite in a worker thread (see pgliteThread.ts, which starts it). PGlite runs
// PostgreSQL compiled to WebAssembly: a query, and the parsing of its rows, run on the calling
// thread, so on the server's main thread a few large pages stalled every other request, /healthz
// included. Here they run on this thread; the main thread only posts requests and receives rows.
//
// Plain JavaScript on purpose: the same file runs from src (tests) and from dist (the build copies
// it next to the bundles), and Node 20 runs workers from JavaScript only.
//
// Protocol (one message per request, answered once by `{ id, result }` or `{ id, error }`):
//   { op: 'query', sql, params, rowMode, raw, tx? }  rows, fields and affectedRows; the columns of
//                                                    the type ids in `raw` as PostgreSQL's text
//                                                    (the caller applies its own parsers to them)
//   { op: 'exec', sql }                              the rows of the last statement
//   { op: 'begin' }                                  opens a transaction: a number naming it. Like
//                                                    PGlite's own, it holds every other query and
//                                                    transaction until it ends
//   { op: 'end', tx, commit }                        commits (or rolls back) and ends it
//   { op: 'listen' | 'unlisten', channel }           notifications arrive as { notify, payload }
//   { op: 'dump' }                                   the cluster as a gzipped tarball (ArrayBuffer)
//   { op: 'close' }
// At start it posts `{ ready: true }` or `{ failed: error }`.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

/** @param {unknown} value */
const asText = (value) => value;

/**
 * An error as plain data: its message, name, stack and every string or number field (PostgreSQL's
 * `code`, `constraint`, `detail`, `table`…). Functions and the query's options do not cross threads.
 * @param {unknown} error
 */
function serializeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  /** @type {Record<string, unknown>} */
  const out = { message: error.message, name: error.name, stack: error.stack };
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (error.cause !== undefined) out.cause = serializeError(error.cause);
  return out;
}

/** Starts PGlite as pgliteThread.ts asked: from the build's snapshot when given, else initdb. */
async function open() {
  const { dataDir, startParams, snapshotPath } = workerData;
  if (snapshotPath) {
    try {
      const loadDataDir = new Blob([readFileSync(snapshotPath)]);
      return await PGlite.create({ dataDir, loadDataDir, startParams });
    } catch {
      // a snapshot that does not load: initdb as usual
    }
  }
  return PGlite.create({ dataDir, startParams });
}

let db;
try {
  db = await open();
} catch (error) {
  port.postMessage({ failed: serializeError(error) });
  process.exit(1);
}

/** Open transactions: the PGlite transaction and how to end it. */
const transactions = new Map();
/** Active listeners: channel → PGlite's unsubscribe. */
const listeners = new Map();
let nextTransaction = 1;

/** The transaction a request names, or the database itself. */
function target(tx) {
  if (tx === undefined) return db;
  const open = transactions.get(tx);
  if (!open) throw new Error(`transaction ${tx} is closed`);
  return open.tx;
}

/** Opens a transaction and answers once it has begun; it ends on `end`. */
function begin() {
  const id = nextTransaction++;
  return new Promise((answer, fail) => {
    let begun = false;
    const done = db.transaction(
      (tx) =>
        new Promise((commit, rollback) => {
          begun = true;
          transactions.set(id, { tx, commit, rollback, done });
          answer(id);
        }),
    );
    done.then(
      () => transactions.delete(id),
      (error) => {
        transactions.delete(id);
        if (!begun) fail(error);
      },
    );
  });
}

async function end(tx, commit) {
  const open = transactions.get(tx);
  if (!open) throw new Error(`transaction ${tx} is closed`);
  if (commit) open.commit();
  else open.rollback(new Error('rolled back'));
  try {
    await open.done;
  } catch (error) {
    if (commit) throw error;
  }
  return null;
}

async function query({ sql, params, rowMode, raw, tx }) {
  const parsers = {};
  for (const oid of raw ?? []) parsers[oid] = asText;
  const result = await target(tx).query(sql, params, { rowMode, parsers });
  return {
    rows: result.rows,
    fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    affectedRows: result.affectedRows,
    command: result.command,
    rowCount: result.rowCount,
  };
}

async function handle(message) {
  switch (message.op) {
    case 'query':
      return query(message);
    case 'exec': {
      const results = await db.exec(message.sql);
      return results.at(-1)?.rows ?? [];
    }
    case 'begin':
      return begin();
    case 'end':
      return end(message.tx, message.commit);
    case 'listen': {
      if (listeners.has(message.channel)) return null;
      const unlisten = await db.listen(message.channel, (payload) =>
        port.postMessage({ notify: message.channel, payload }),
      );
      listeners.set(message.channel, unlisten);
      return null;
    }
    case 'unlisten': {
      const unlisten = listeners.get(message.channel);
      listeners.delete(message.channel);
      await unlisten?.();
      return null;
    }
    case 'dump':
      return (await db.dumpDataDir('gzip')).arrayBuffer();
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`unknown request '${message.op}'`);
  }
}

port.on('message', async (message) => {
  try {
    const result = await handle(message);
    // An answer that cannot be cloned (it cannot happen with PGlite's parsed values) fails this
    // request only.
    port.postMessage({ id: message.id, result }, result instanceof ArrayBuffer ? [result] : []);
  } catch (error) {
    port.postMessage({ id: message.id, error: serializeError(error) });
  }
});
port.postMessage({ ready: true });
