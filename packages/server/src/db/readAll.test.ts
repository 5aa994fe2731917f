import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DATABASES } from '../../test/harness';
import { rowsOf } from '../events/outbox';
import { type Database, type Executor, isTransaction, openDatabase, readAll } from './client';

describe.each(DATABASES)('readAll (%s)', (kind) => {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const pg = kind === 'postgres' ? await createPostgresDatabase() : undefined;
    drop = pg?.drop;
    database = await openDatabase({ url: pg?.url });
  });

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  /** Reads that log when each starts and ends, so overlaps show. */
  function loggedReads(db: Executor, log: string[]) {
    return [1, 2, 3].map((n) => async () => {
      log.push(`start ${n}`);
      const result = await db.execute(sql`select ${n}::int as n, pg_sleep(0.01)`);
      const row = rowsOf<{ n: number }>(result)[0];
      log.push(`end ${n}`);
      return row?.n;
    });
  }

  it('runs reads one after another in a transaction, results in order', async () => {
    const log: string[] = [];
    const results = await database.db.transaction(async (tx) => {
      expect(isTransaction(tx)).toBe(true);
      return readAll(tx, loggedReads(tx, log));
    });
    expect(results).toEqual([1, 2, 3]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('starts every read at once on the database, results in order', async () => {
    const log: string[] = [];
    expect(isTransaction(database.db)).toBe(false);
    const results = await readAll(database.db, loggedReads(database.db, log));
    expect(results).toEqual([1, 2, 3]);
    expect(log.slice(0, 3)).toEqual(['start 1', 'start 2', 'start 3']);
  });
});
