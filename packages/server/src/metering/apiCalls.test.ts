import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  createTenant,
  DATABASES,
  startTestServer,
  type TestServer,
} from '../../test/harness';
import { type Database, openDatabase } from '../db/client';
import { createLogger } from '../observability/logger';
import { ApiCallMeter } from './apiCalls';

const silent = createLogger('silent');

/** Rows of `api_calls`, as `tenant day calls` strings, sorted. */
async function stored(db: Database['db']): Promise<string[]> {
  const result = await db.execute(sql`select tenant_id, day::text as day, calls from api_calls`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
    tenant_id: string;
    day: string;
    calls: number | string;
  }>;
  return rows.map((r) => `${r.tenant_id} ${r.day} ${Number(r.calls)}`).sort();
}

describe.each(DATABASES)('API-call metering (%s)', (kind) => {
  let t: TestServer;
  let now = Date.parse('2026-11-30T23:59:00Z');

  beforeAll(async () => {
    t = await startTestServer(kind, { server: { metering: { flushIntervalMs: 0, now: () => now } } });
  });
  afterAll(() => t?.stop());

  it('counts calls per tenant in memory, writes them in one flush, and reports them', async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    for (let i = 0; i < 5; i++) await t.request('GET', '/v1/commerce/products', { token: a.secretKey });
    await t.request('GET', '/v1/commerce/products', { token: a.publishableKey });
    await t.request('GET', '/v1/platform/me', { token: b.secretKey });
    // Refused calls count too: they were made (a publishable key may not read /me; a bad query).
    expect((await t.request('GET', '/v1/platform/me', { token: a.publishableKey })).status).toBe(403);
    expect((await t.request('GET', '/v1/commerce/products?limit=0', { token: a.secretKey })).status).toBe(
      400,
    );

    // Nothing written per request…
    expect(await stored(t.server.context.db)).toEqual([]);
    // …yet the entitlements already show this instance's counts (the call itself included).
    const before = await t.request('GET', '/v1/platform/entitlements', { token: a.secretKey });
    expect(before.body.apiCalls).toEqual({ today: 9, month: 9 });

    expect(await t.server.context.meter!.flush()).toBe(10);
    expect(await stored(t.server.context.db)).toEqual(
      [`${a.tenantId} 2026-11-30 9`, `${b.tenantId} 2026-11-30 1`].sort(),
    );
    const after = await t.request('GET', '/v1/platform/entitlements', { token: a.secretKey });
    expect(after.body.apiCalls).toEqual({ today: 10, month: 10 });

    // A new UTC day starts a new row; the month goes on, and a new month starts afresh.
    now = Date.parse('2026-12-01T00:00:01Z');
    await t.request('GET', '/v1/platform/me', { token: a.secretKey });
    await t.server.context.meter!.flush();
    const december = await t.request('GET', '/v1/platform/entitlements', { token: a.secretKey });
    expect(december.body.apiCalls).toEqual({ today: 2, month: 2 });
    now = Date.parse('2026-12-02T08:00:00Z');
    const nextDay = await t.request('GET', '/v1/platform/entitlements', { token: a.secretKey });
    expect(nextDay.body.apiCalls).toEqual({ today: 1, month: 3 });
  });

  it('keeps the counts of a failed write for the next one', async () => {
    const meter = t.server.context.meter!;
    const { secretKey, tenantId } = await createTenant(t);
    await meter.flush();
    for (let i = 0; i < 3; i++) await t.request('GET', '/v1/platform/me', { token: secretKey });
    const db = t.server.context.db;
    await db.execute(sql`alter table api_calls rename to api_calls_away`);
    await expect(meter.flush()).rejects.toThrow();
    expect(meter.pendingCalls()).toBe(3);
    await t.request('GET', '/v1/platform/me', { token: secretKey });
    await db.execute(sql`alter table api_calls_away rename to api_calls`);
    expect(await meter.flush()).toBe(4);
    expect((await stored(db)).filter((r) => r.startsWith(tenantId))).toEqual([`${tenantId} 2026-12-02 4`]);
  });

  it('adds the counts of several instances to the same rows', async () => {
    const one = new ApiCallMeter(t.server.context.db, silent, { flushIntervalMs: 0, now: () => now });
    const two = new ApiCallMeter(t.server.context.db, silent, { flushIntervalMs: 0, now: () => now });
    for (let i = 0; i < 7; i++) one.count('ten_shared');
    for (let i = 0; i < 5; i++) two.count('ten_shared');
    await Promise.all([one.flush(), two.flush(), one.flush()]);
    expect((await stored(t.server.context.db)).filter((r) => r.startsWith('ten_shared'))).toEqual([
      'ten_shared 2026-12-02 12',
    ]);
    expect(await one.usage(t.server.context.db, 'ten_shared')).toEqual({ today: 12, month: 12 });
  });
});

describe.each(DATABASES)('API-call metering at shutdown (%s)', (kind) => {
  let dataDir: string | undefined;
  let pg: { url: string; drop: () => Promise<void> } | undefined;
  afterAll(async () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await pg?.drop();
  });

  it('loses nothing: stop() writes every call answered', async () => {
    if (kind === 'postgres') pg = await createPostgresDatabase();
    else dataDir = mkdtempSync(join(tmpdir(), 'agentstack-meter-'));
    // A long interval: only stop() can have written these counts.
    const t = await startTestServer(kind, {
      databaseUrl: pg?.url,
      server: { dataDir, metering: { flushIntervalMs: 3_600_000 } },
    });
    const { secretKey, tenantId } = await createTenant(t);
    const calls = await Promise.all(
      Array.from({ length: 40 }, () => t.request('GET', '/v1/commerce/products', { token: secretKey })),
    );
    expect(calls.every((c) => c.status === 200)).toBe(true);
    await t.server.stop();

    const reopened = await openDatabase({ url: pg?.url, dataDir });
    try {
      const rows = await stored(reopened.db);
      expect(rows.filter((r) => r.startsWith(tenantId)).map((r) => Number(r.split(' ')[2]))).toEqual([40]);
    } finally {
      await reopened.close();
    }
  });
});
