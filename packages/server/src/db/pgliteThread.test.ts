import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness';
import { type Database, openDatabase } from './client';
import { isUniqueViolation } from './errors';
import { PgliteThreadStoppedError, workerOf } from './pgliteThread';

/** drizzle's `execute` answers `{ rows }` on PGlite. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

// Embedded PGlite runs in a worker thread (pgliteThread.ts): these tests are about that layer,
// so they run on PGlite only; the server suite runs everything else through it.

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('PGlite in a worker thread: the server keeps answering', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers /healthz and runs timers while the database runs a long query', async () => {
    // On the main thread, PostgreSQL's WebAssembly holds the event loop for the whole query: the
    // query would finish before the timer or the health check. In the worker it does not.
    let finished = false;
    const slow = t.server.context.database.query('select pg_sleep(3)').then(() => {
      finished = true;
    });
    await nextTurn();
    expect(finished).toBe(false);
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(finished).toBe(false);
    await slow;
    expect(finished).toBe(true);
  });
});

describe('PGlite in a worker thread: the database layer', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
    await database.query('create table thread_t (id int primary key, n int not null, at timestamptz)');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('keeps PostgreSQL error fields: the SQLSTATE, the constraint', async () => {
    await database.query('insert into thread_t (id, n) values (1, 0)');
    const error = await database.query('insert into thread_t (id, n) values (1, 0)').catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 'thread_t_pkey' });
    expect(isUniqueViolation(error, 'thread_t_pkey')).toBe(true);
    // Through drizzle, which wraps it: the code is still found.
    const wrapped = await database.db
      .execute(sql`insert into thread_t (id, n) values (1, 0)`)
      .catch((e) => e);
    expect(isUniqueViolation(wrapped)).toBe(true);
    const syntax = await database.query('selec 1').catch((e) => e);
    expect(syntax).toMatchObject({ code: '42601' });
    // Its stack reaches the caller, here, past the thread's own.
    expect(syntax.stack).toMatch(/in the PGlite thread, asked[\s\S]*pgliteThread\.test\.ts/);
  });

  it('applies drizzle’s type parsers on this side (timestamptz as text, then Date)', async () => {
    await database.query(`insert into thread_t (id, n, at) values (2, 0, '2026-01-02T03:04:05Z')`);
    const rows = rowsOf<{ at: string }>(await database.db.execute(sql`select at from thread_t where id = 2`));
    expect(typeof rows[0]!.at).toBe('string');
    expect(new Date(rows[0]!.at).toISOString()).toBe('2026-01-02T03:04:05.000Z');
    // Without parsers, PGlite's own run in the thread: a Date crosses as a Date.
    const [row] = await database.query<{ at: Date }>('select at from thread_t where id = 2');
    expect(row!.at).toBeInstanceOf(Date);
  });

  it('rolls a failed transaction back, and a failed savepoint only', async () => {
    const failed = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into thread_t (id, n) values (10, 0)`);
      await tx.execute(sql`insert into thread_t (id, n) values (10, 0)`);
    });
    await expect(failed).rejects.toSatisfy(isUniqueViolation);
    expect(await database.query('select id from thread_t where id = 10')).toEqual([]);

    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into thread_t (id, n) values (11, 0)`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into thread_t (id, n) values (12, 0)`);
          throw new Error('inner fails');
        })
        .catch(() => undefined);
    });
    expect(await database.query('select id from thread_t where id in (11, 12) order by id')).toEqual([
      { id: 11 },
    ]);
  });

  it('holds other queries and transactions until a transaction ends, as PGlite does', async () => {
    await database.query('insert into thread_t (id, n) values (20, 0)');
    // Each reads, yields to the other, then writes what it read plus one: interleaved in one
    // session they would both write 1.
    const increment = () =>
      database.db.transaction(async (tx) => {
        const rows = rowsOf<{ n: number }>(await tx.execute(sql`select n from thread_t where id = 20`));
        await nextTurn();
        await tx.execute(sql`update thread_t set n = ${rows[0]!.n + 1} where id = 20`);
      });
    let outsideSaw: number | undefined;
    await Promise.all([
      increment(),
      increment(),
      database.query<{ n: number }>('select n from thread_t where id = 20').then(([r]) => {
        outsideSaw = r!.n;
      }),
    ]);
    expect(await database.query('select n from thread_t where id = 20')).toEqual([{ n: 2 }]);
    expect(outsideSaw).not.toBeUndefined();
  });

  it('delivers notifications of LISTEN', async () => {
    const payloads: string[] = [];
    let up = 0;
    const received = new Promise<void>((resolve) => {
      void database
        .listen('thread_chan', {
          message: (payload) => {
            payloads.push(payload);
            resolve();
          },
          up: () => up++,
          down: () => undefined,
        })
        .then(async (stop) => {
          await database.query(`select pg_notify('thread_chan', 'hello')`);
          await received;
          await stop();
        });
    });
    await received;
    expect(payloads).toEqual(['hello']);
    expect(up).toBe(1);
  });
});

describe('PGlite in a worker thread: a stopped thread', () => {
  it('fails queries with a clear error, makes /readyz answer 503 and reports it', async () => {
    const t = await startTestServer('pglite');
    try {
      const database = t.server.context.database;
      expect((await t.request('GET', '/readyz')).status).toBe(200);
      let down = 0;
      await database.listen('thread_down', {
        message: () => undefined,
        up: () => undefined,
        down: () => down++,
      });
      const worker = workerOf((database.db as unknown as { $client: unknown }).$client)!;
      expect(worker).toBeDefined();
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      const pending = database.query('select pg_sleep(3)');
      await worker.terminate(); // as a crash would end it
      await exited;

      await expect(pending).rejects.toBeInstanceOf(PgliteThreadStoppedError);
      await expect(database.query('select 1')).rejects.toThrow(/embedded database stopped/);
      const ready = await t.request('GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unavailable', error: expect.stringMatching(/stopped/) });
      expect((await t.request('GET', '/healthz')).status).toBe(200);
      expect(down).toBe(1);
    } finally {
      await t.stop();
    }
  });

  it('is ended by close(), and then every query says the database is closed', async () => {
    const database = await openDatabase({});
    const worker = workerOf((database.db as unknown as { $client: unknown }).$client)!;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await database.close();
    await exited;
    await expect(database.query('select 1')).rejects.toThrow('the database is closed');
  });
});
