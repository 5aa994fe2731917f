import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { MIGRATIONS } from './migrations';
import { startPgliteThread } from './pgliteThread';
import { makePrivateDir } from './privateDir';
import * as schema from './schema';
import { unpackSnapshot } from './snapshot';

type Schema = typeof schema;
/** The typed query layer, the same over PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction of {@link Db}. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Whatever a store may run queries on: the database or a transaction. */
export type Executor = Db | Tx;

/**
 * Runs independent reads: all at once on the database (each takes a pooled connection), one after
 * another in a transaction, whose one connection must not be sent a query while another runs
 * (`pg` queues it today, with a deprecation warning; pg 9 refuses it).
 */
export async function readAll<const T extends readonly (() => Promise<unknown>)[]>(
  db: Executor,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Results = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!isTransaction(db)) return (await Promise.all(reads.map((read) => read()))) as Results;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results;
}

/** Whether `db` is a transaction (drizzle's transactions have `rollback`). */
export function isTransaction(db: Executor): db is Tx {
  return typeof (db as Partial<Tx>).rollback === 'function';
}

/** An open database: the typed layer plus what the server needs around it. */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Applies pending migrations; returns the ids applied. */
  migrate(): Promise<string[]>;
  /** PGlite only: the cluster as a gzipped tarball (the build's snapshot is made with it). */
  dumpDataDir?(): Promise<Blob>;
  /**
   * Listens on a notification channel: `message` on each notification, `up` once listening (and
   * again after a reconnection), `down` when the listening connection is lost (it reconnects with
   * backoff). On PGlite (one process) it is "up" unless the database's thread stops (`down`).
   * Resolves with a function that stops listening.
   */
  listen(channel: string, on: ListenHandlers): Promise<() => Promise<void>>;
  /** Runs one parameterised query (health checks, advisory locks). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** What {@link Database.listen} calls. */
export interface ListenHandlers {
  message(payload: string): void;
  up(): void;
  down(): void;
}

/** Where the data lives: a PostgreSQL URL, or a PGlite folder (`memory://` for in-memory). */
export interface DatabaseOptions {
  url?: string;
  dataDir?: string;
  /** PostgreSQL pool size. Defaults to 10. */
  poolSize?: number;
  /**
   * Told when an idle pooled connection fails (it is discarded either way), and when embedded
   * PGlite's thread stops (every query fails from then on and `/readyz` answers 503).
   */
  onIdleError?: (error: Error) => void;
  /**
   * PGlite only: a new cluster starts from the build's migrated snapshot when there is one.
   * `false` runs initdb instead, for an empty database. Defaults to true.
   */
  snapshot?: boolean;
  /** Told when the PGlite folder was readable or writable by other users (it is tightened either way). */
  onExposedDataDir?: (detail: { dataDir: string; entries: number }) => void;
}

// Embedded PGlite is one in-process backend serving one server: PostgreSQL's defaults, sized for
// a shared server with many backends, cost ≈ 130 MiB of resident memory here (shared_buffers
// alone is 128 MB, touched at start). The catalogue cache in front of the database and the
// operating system's page cache below it make small buffers enough. `npm run bench` prints the
// resident memory on PGlite beside PostgreSQL's.
const PGLITE_SETTINGS = [
  'shared_buffers=8MB',
  'temp_buffers=1MB',
  'wal_buffers=512kB',
  'work_mem=2MB',
  'maintenance_work_mem=16MB',
  'max_connections=4',
];

/** Opens PostgreSQL when `url` is given, else embedded PGlite in `dataDir` (in memory without one). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const { default: pg } = await import('pg');
    // timestamptz → Date is what drizzle expects; bigint (int8) as JS number for money.
    pg.types.setTypeParser(20, (v: string) => Number(v));
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover, admin termination) must not
    // crash the process: the pool discards it and opens a new one on the next query.
    pool.on('error', (error) => options.onIdleError?.(error));
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const db = drizzle(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      async migrate() {
        // One dedicated connection: the advisory lock lives and dies with it, so concurrent
        // starts of several instances apply each migration once.
        const conn = await pool.connect();
        try {
          await conn.query('select pg_advisory_lock(727274)');
          return await applyMigrations(async (sql) => (await conn.query(sql)).rows);
        } finally {
          await conn.query('select pg_advisory_unlock(727274)').catch(() => undefined);
          conn.release();
        }
      },
      async query(sql, params) {
        return (await pool.query(sql, params as unknown[])).rows;
      },
      listen: (channel, on) =>
        listenPostgres(() => new pg.Client({ connectionString: options.url }), channel, on),
      async close() {
        await pool.end();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = options.dataDir ?? 'memory://';
  // The folder holds password and key hashes: private to its owner (0700, files 0600) whatever
  // the umask. PGlite creates files 0666 less the umask, so the modes are tightened after it
  // starts and again when it closes; files made in between sit inside the 0700 folder.
  const onDisk = !dataDir.includes('://');
  if (onDisk) {
    const exposed = makePrivateDir(dataDir);
    if (exposed) options.onExposedDataDir?.({ dataDir, entries: exposed });
  }
  const snapshot = options.snapshot !== false && isNewCluster(dataDir) ? snapshotFile() : undefined;
  let snapshotPath: string | undefined;
  if (snapshot) {
    try {
      // On disk the snapshot is unpacked as files (see unpackSnapshot: far less memory), and
      // PGlite opens an existing cluster; in memory, or if that fails, PGlite loads it.
      if (!onDisk) throw new Error('in memory');
      await unpackSnapshot(snapshot, dataDir);
    } catch {
      snapshotPath = snapshot;
    }
  }
  const startParams = [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((s) => ['-c', s])];
  // PGlite runs in a worker thread: its queries, PostgreSQL in WebAssembly, would otherwise hold
  // this thread's event loop (health checks included) for as long as each one runs.
  const thread = await startPgliteThread({ dataDir, startParams, snapshotPath });
  if (onDisk) makePrivateDir(dataDir);
  thread.onStop((error) => options.onIdleError?.(error));
  const { drizzle } = await import('drizzle-orm/pglite');
  const db = drizzle({ client: thread.client as never, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    migrate: () => applyMigrations((sql) => thread.exec(sql)),
    async query(sql, params) {
      return (await thread.client.query(sql, params)).rows as never;
    },
    async listen(channel, on) {
      // One process: notifications of this database's own commits, delivered after each commit.
      const unlisten = await thread.listen(channel, (payload) => on.message(payload));
      const forget = thread.onStop(() => on.down());
      on.up();
      return async () => {
        forget();
        await unlisten();
      };
    },
    dumpDataDir: () => thread.dumpDataDir(),
    async close() {
      await thread.close();
      if (onDisk) makePrivateDir(dataDir);
    },
  };
}

type ListenClient = import('pg').Client;

/**
 * One dedicated connection LISTENing on `channel` (a pooled one would be handed to queries).
 * When it fails it reports `down` and reconnects after 0.5 s, doubling up to 10 s.
 */
async function listenPostgres(
  connect: () => ListenClient,
  channel: string,
  on: ListenHandlers,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name '${channel}'`);
  let stopped = false;
  let current: ListenClient | undefined;
  let timer: NodeJS.Timeout | undefined;
  let delay = 500;
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void open();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 10_000);
  };
  const open = async () => {
    const client = connect();
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      client.end().catch(() => undefined);
      if (current === client) current = undefined;
      if (stopped) return;
      on.down();
      retry();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (n) => {
      if (n.channel === channel) on.message(n.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch {
      onLost();
      return;
    }
    if (stopped || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    delay = 500;
    on.up();
  };
  await open();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current?.end().catch(() => undefined);
  };
}

/** True when `dataDir` holds no cluster yet (in memory, missing or empty folder). */
function isNewCluster(dataDir: string): boolean {
  if (dataDir.startsWith('memory://')) return true;
  if (dataDir.includes('://')) return false; // idb:// and other backends: leave to PGlite
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * The initialised empty cluster the build writes to `dist/pgdata.tgz` (see
 * scripts/pg-snapshot.mjs); starting from it skips initdb. Missing (e.g. tests run from src
 * before a build) means initdb runs as usual.
 */
function snapshotFile(): string | undefined {
  for (const candidate of ['./pgdata.tgz', '../../dist/pgdata.tgz']) {
    try {
      const file = fileURLToPath(new URL(candidate, import.meta.url));
      if (existsSync(file)) return file;
    } catch {
      // not a file URL (bundled elsewhere): no snapshot
    }
  }
  return undefined;
}

async function applyMigrations(run: (sql: string) => Promise<Record<string, unknown>[]>): Promise<string[]> {
  await run(
    'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
  );
  const done = new Set((await run('select id from schema_migrations')).map((r) => String(r.id)));
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.id)) continue;
    try {
      await run(`begin;\n${m.sql}\ninsert into schema_migrations (id) values ('${m.id}');\ncommit;`);
    } catch (error) {
      await run('rollback').catch(() => undefined);
      throw new Error(`migration ${m.id} failed: ${(error as Error).message}`, { cause: error });
    }
    applied.push(m.id);
  }
  return applied;
}

const CONNECTION_ERROR_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  'ECONNRESET',
  'EPIPE',
]);

/** True when `error` says the database connection itself failed (not the query). */
export function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const err = e as { code?: string; message?: string; cause?: unknown };
    if (err.code && CONNECTION_ERROR_CODES.has(err.code)) return true;
    if (/connection terminated|connection ended|not queryable/i.test(err.message ?? '')) return true;
    e = err.cause;
  }
  return false;
}

/**
 * Runs a read once more when its pooled connection turned out to be dead (the server restarted
 * or terminated it): the pool has discarded it by then and hands out a live one. Only for work
 * that is safe to repeat.
 */
export async function retryOnDeadConnection<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    return read();
  }
}
