import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results, Transaction } from '@electric-sql/pglite';

/** How to start PGlite in its thread (see pglite-worker.mjs). */
export interface PgliteThreadOptions {
  dataDir: string;
  startParams: string[];
  /** The build's snapshot to load (a gzipped tarball), else initdb runs. */
  snapshotPath?: string;
}

/** The part of PGlite's client drizzle-orm/pglite calls: `query` and `transaction`. */
export interface PgliteLike {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** Embedded PGlite running in a worker thread, driven from this one. */
export interface PgliteThread {
  /** For drizzle-orm/pglite, in place of a PGlite instance. */
  client: PgliteLike;
  /** Runs one or more statements; answers the rows of the last one. */
  exec(sql: string): Promise<Record<string, unknown>[]>;
  /** Calls `onPayload` for each notification on `channel`; resolves with a function that stops. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  dumpDataDir(): Promise<Blob>;
  /**
   * Calls `callback` once if the thread stops other than by {@link close} (every request fails
   * from then on); returns a function that forgets it.
   */
  onStop(callback: (error: Error) => void): () => void;
  /** Closes PGlite and ends the thread. */
  close(): Promise<void>;
}

const workers = new WeakMap<PgliteLike, Worker>();

/**
 * The worker thread behind a PGlite client of {@link startPgliteThread} (tests stop it to see
 * how the server reacts to its crash).
 *
 * @internal
 */
export function workerOf(client: unknown): Worker | undefined {
  return workers.get(client as PgliteLike);
}

type Request =
  | { op: 'query'; sql: string; params?: unknown[]; rowMode?: 'array' | 'object'; raw: number[]; tx?: number }
  | { op: 'exec'; sql: string }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'listen' | 'unlisten'; channel: string }
  | { op: 'dump' }
  | { op: 'close' };

type Reply =
  | { id: number; result: unknown }
  | { id: number; error: SerializedError }
  | { notify: string; payload: string }
  | { ready: true }
  | { failed: SerializedError };

interface SerializedError {
  message: string;
  name?: string;
  stack?: string;
  cause?: SerializedError;
  [field: string]: unknown;
}

/** Why every request fails once the thread has stopped. */
export class PgliteThreadStoppedError extends Error {
  override name = 'PgliteThreadStoppedError';
}

/**
 * An error of the thread as an `Error` of this one, with PostgreSQL's fields (`code` — the
 * SQLSTATE that src/db/errors.ts reads —, `constraint`, `detail`, `table`…) and its cause.
 */
function reviveError(data: SerializedError): Error {
  const { message, name, stack, cause, ...fields } = data;
  const error = new Error(message, cause ? { cause: reviveError(cause) } : undefined);
  if (name) error.name = name;
  if (stack) error.stack = stack;
  return Object.assign(error, fields);
}

/** Where the worker script is: beside this module in src/db, beside the bundles in dist. */
function workerFile(): URL {
  const url = new URL('./pglite-worker.mjs', import.meta.url);
  if (url.protocol === 'file:' && !existsSync(fileURLToPath(url))) {
    throw new Error(`PGlite worker script not found at ${fileURLToPath(url)}`);
  }
  return url;
}

/**
 * Starts PGlite in a worker thread, so that its queries (PostgreSQL in WebAssembly, which holds
 * the thread it runs on) leave this thread's event loop free: health checks, other requests and
 * timers keep running while a large page is built. Results arrive as structured clones.
 *
 * Type parsers cannot cross threads: a query's `parsers` (drizzle passes some) are applied here,
 * to the text PostgreSQL sent for those type ids; PGlite's default parsers run in the thread.
 * A transaction holds PGlite's own lock in the thread from `begin` to its end, as PGlite does in
 * process: other queries and transactions wait for it.
 *
 * If the thread stops (a crash, an out-of-memory WebAssembly trap), every pending and later
 * request fails with {@link PgliteThreadStoppedError} instead of waiting forever.
 */
export async function startPgliteThread(options: PgliteThreadOptions): Promise<PgliteThread> {
  const worker = new Worker(workerFile(), { workerData: options });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  const stopCallbacks = new Set<(error: Error) => void>();
  let stopped: Error | undefined;
  let closing = false;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return resolve();
      if ('failed' in reply) return reject(reviveError(reply.failed));
      if ('notify' in reply) {
        for (const listener of listeners.get(reply.notify) ?? []) listener(reply.payload);
        return;
      }
      const call = pending.get(reply.id);
      if (!call) return;
      pending.delete(reply.id);
      if (pending.size === 0) worker.unref();
      if ('error' in reply) call.reject(reviveError(reply.error));
      else call.resolve(reply.result);
    });
    const stop = (reason: string, cause?: unknown) => {
      if (stopped) return;
      stopped = new PgliteThreadStoppedError(
        closing ? 'the database is closed' : `the embedded database stopped: ${reason}`,
        cause ? { cause } : undefined,
      );
      reject(stopped);
      for (const call of pending.values()) call.reject(stopped);
      pending.clear();
      if (!closing) for (const callback of stopCallbacks) callback(stopped);
      stopCallbacks.clear();
    };
    worker.on('error', (error) => stop(error.message, error));
    worker.on('exit', (code) => stop(`its thread exited with code ${code}`));
  });

  const request = <T>(message: Request, transfer?: ArrayBuffer[]): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    if (pending.size === 0) worker.ref();
    // Where the request was made, for the stack of an error answered by the thread (whose own
    // stack only reaches PGlite).
    const caller: { stack?: string } = {};
    Error.captureStackTrace(caller, request);
    return new Promise<T>((resolve, reject) => {
      const fail = (error: Error) => {
        if (error !== stopped && caller.stack) {
          error.stack = `${error.stack}\n    in the PGlite thread, asked${caller.stack.slice(caller.stack.indexOf('\n'))}`;
        }
        reject(error);
      };
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject: fail });
      worker.postMessage({ ...message, id }, transfer);
    });
  };

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  // Idle, the thread does not keep the process alive (PGlite in process did not either); a
  // request in flight does, so a script awaiting one is not cut short.
  worker.unref();

  const query = async <T>(
    sql: string,
    params: unknown[] | undefined,
    options: QueryOptions | undefined,
    tx?: number,
  ): Promise<Results<T>> => {
    const parsers = options?.parsers ?? {};
    const raw = Object.keys(parsers).map(Number);
    const result = await request<Results<T>>({
      op: 'query',
      sql,
      params,
      rowMode: options?.rowMode,
      raw,
      tx,
    });
    if (raw.length) applyParsers(result as Results<unknown>, parsers, options?.rowMode ?? 'object');
    return result;
  };

  const client: PgliteLike = {
    query: (sql, params, options) => query(sql, params, options),
    async transaction(callback) {
      const tx = await request<number>({ op: 'begin' });
      let closed = false;
      const handle: Transaction = {
        query: (sql, params, options) => query(sql, params, options, tx),
        sql: () => Promise.reject(new Error('tagged-template queries are not supported here')),
        exec: () => Promise.reject(new Error('exec inside a transaction is not supported here')),
        rollback: async () => {
          closed = true;
          await request({ op: 'end', tx, commit: false });
        },
        listen: () => Promise.reject(new Error('listen inside a transaction is not supported here')),
        get closed() {
          return closed;
        },
      };
      let result: Awaited<ReturnType<typeof callback>>;
      try {
        result = await callback(handle);
      } catch (error) {
        if (!closed) {
          closed = true;
          await request({ op: 'end', tx, commit: false }).catch(() => undefined);
        }
        throw error;
      }
      if (!closed) {
        closed = true;
        await request({ op: 'end', tx, commit: true });
      }
      return result;
    },
  };

  workers.set(client, worker);
  return {
    client,
    exec: (sql) => request({ op: 'exec', sql }),
    async listen(channel, onPayload) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await request({ op: 'listen', channel });
      }
      set.add(onPayload);
      return async () => {
        const current = listeners.get(channel);
        if (!current?.delete(onPayload) || current.size) return;
        listeners.delete(channel);
        await request({ op: 'unlisten', channel }).catch(() => undefined);
      };
    },
    onStop(callback) {
      if (!stopped) stopCallbacks.add(callback);
      return () => stopCallbacks.delete(callback);
    },
    async dumpDataDir() {
      return new Blob([await request<ArrayBuffer>({ op: 'dump' })]);
    },
    async close() {
      if (!stopped) {
        try {
          await request({ op: 'close' });
        } finally {
          closing = true;
          await worker.terminate();
        }
      }
    },
  };
}

/** Applies the caller's parsers, here, to the columns the thread sent as text. */
function applyParsers(
  result: Results<unknown>,
  parsers: NonNullable<QueryOptions['parsers']>,
  rowMode: 'array' | 'object',
): void {
  const columns = result.fields
    .map((field, index) => ({ index, name: field.name, parse: parsers[field.dataTypeID] }))
    .filter((c) => c.parse);
  if (!columns.length) return;
  for (const row of result.rows as Record<string | number, unknown>[]) {
    for (const { index, name, parse } of columns) {
      const key = rowMode === 'array' ? index : name;
      const value = row[key];
      if (typeof value === 'string') row[key] = parse!(value);
    }
  }
}
