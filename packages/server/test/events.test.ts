import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventDispatcher, type EventHandler } from '../src/events/dispatcher';
import { recordEvent } from '../src/events/outbox';
import { readEvents, type StoredEvent } from '../src/events/store';
import { createTenant, DATABASES, startTestServer, type TestServer } from './harness';

const product = (i: number) => ({ title: `Item ${i}`, price: { amount: 1000 + i, currency: 'EUR' } });

/** A handler that remembers what it was given, in order, per tenant. */
function recorder(name: string, types: string[] = ['*']) {
  const seen: StoredEvent[] = [];
  const handler: EventHandler = {
    name,
    types,
    async handle(_tx, event) {
      seen.push(event);
    },
  };
  return { handler, seen };
}

const seqsOf = (events: StoredEvent[], tenantId: string) =>
  events.filter((e) => e.tenantId === tenantId).map((e) => e.seq);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe.each(DATABASES)('events on %s', (kind) => {
  let t: TestServer;
  let dispatcher: EventDispatcher;
  const all = recorder('test.all');
  const products = recorder('test.products', ['product.*']);
  let failOnce: string | undefined;
  const effects: string[] = [];
  const flaky: EventHandler = {
    name: 'test.flaky',
    types: ['product.created'],
    async handle(tx, event) {
      // Its effect is a row in the handler's transaction: a failed batch leaves none.
      await tx.execute(sql`select ${event.id}`);
      effects.push(event.id);
      if (failOnce === event.id) {
        failOnce = undefined;
        throw new Error('receiver unavailable');
      }
    },
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    // Driven by the test (drain), not started: failed batches are due again at once.
    dispatcher = new EventDispatcher(t.server.context, {
      handlers: [all.handler, products.handler, flaky],
      retryDelay: () => 0,
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('numbers each tenant’s events 1, 2, 3… in commit order, under concurrent writes', async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    await Promise.all(
      range(24).map((i) =>
        t.request('POST', '/v1/commerce/products', {
          token: i % 2 ? a.secretKey : b.secretKey,
          body: product(i),
        }),
      ),
    );
    for (const tenant of [a, b]) {
      const events = await readEvents(t.server.context.db, tenant.tenantId, 0, 1000);
      expect(events.map((e) => e.seq)).toEqual(range(events.length));
      expect(events.filter((e) => e.type === 'product.created')).toHaveLength(12);
    }
  });

  it('hands every event to every handler once, in each tenant’s order, filtered by type', async () => {
    const a = await createTenant(t);
    const created = await Promise.all(
      range(10).map((i) =>
        t.request('POST', '/v1/commerce/products', { token: a.secretKey, body: product(i) }),
      ),
    );
    await t.request('POST', `/v1/commerce/products/${created[0]!.body.id}/archive`, { token: a.secretKey });
    await dispatcher.drain();
    const stored = await readEvents(t.server.context.db, a.tenantId, 0, 1000);
    expect(seqsOf(all.seen, a.tenantId)).toEqual(stored.map((e) => e.seq));
    const productSeqs = stored.filter((e) => e.type.startsWith('product.')).map((e) => e.seq);
    expect(seqsOf(products.seen, a.tenantId)).toEqual(productSeqs);
    expect(products.seen.filter((e) => e.tenantId === a.tenantId).at(-1)?.type).toBe('product.archived');
  });

  it('retries a failed batch later and does not skip or reorder events', async () => {
    const a = await createTenant(t);
    const first = await t.request('POST', '/v1/commerce/products', { token: a.secretKey, body: product(1) });
    const [event] = (await readEvents(t.server.context.db, a.tenantId, 0, 100)).filter(
      (e) => e.objectId === first.body.id,
    );
    failOnce = event!.id;
    await t.request('POST', '/v1/commerce/products', { token: a.secretKey, body: product(2) });
    await dispatcher.drain();
    const mine = (await readEvents(t.server.context.db, a.tenantId, 0, 100))
      .filter((e) => e.type === 'product.created')
      .map((e) => e.id);
    // The failing event was tried twice (the first attempt rolled back); the later one waited.
    expect(effects.filter((id) => mine.includes(id))).toEqual([mine[0], mine[0], mine[1]]);
    const metrics = (await dispatcher.metrics()).join('\n');
    expect(metrics).toMatch(/agentstack_event_handler_failures_total\{handler="test.flaky"\} [1-9]/);
    expect(metrics).toMatch(/agentstack_events_pending\{handler="test.flaky"\} 0/);
  });

  it('streams a tenant’s committed events to subscribers, resumable without gaps or duplicates', async () => {
    const a = await createTenant(t);
    const other = await createTenant(t);
    const live: number[] = [];
    const stop = t.server.context.events.subscribe(a.tenantId, { event: (e) => live.push(e.seq) });
    // The subscription starts at the head: wait until it is in place.
    await t.server.context.events.ready(a.tenantId);
    for (const i of range(5)) {
      await t.request('POST', '/v1/commerce/products', { token: a.secretKey, body: product(i) });
      await t.request('POST', '/v1/commerce/products', { token: other.secretKey, body: product(i) });
    }
    const stored = (await readEvents(t.server.context.db, a.tenantId, 0, 1000)).map((e) => e.seq);
    await t.server.context.events.ready(a.tenantId);
    expect(live).toEqual(stored.slice(stored.length - 5));
    stop();

    const resumed: number[] = [];
    const unsubscribe = t.server.context.events.subscribe(
      a.tenantId,
      { event: (e) => resumed.push(e.seq) },
      2,
    );
    await t.server.context.events.ready(a.tenantId);
    expect(resumed).toEqual(stored.slice(2));
    unsubscribe();
  });

  it('keeps events no handler has handled yet, and prunes the rest after the retention', async () => {
    const a = await createTenant(t);
    await t.request('POST', '/v1/commerce/products', { token: a.secretKey, body: product(1) });
    await dispatcher.drain();
    // An event written now, not yet dispatched: it must survive a prune of everything older than now.
    await t.server.context.db.transaction((tx) =>
      recordEvent(tx, a.tenantId, 'test.pending', { id: 'obj_pending' }),
    );
    const removed = await t.server.context.db.transaction(async (tx) => {
      const { pruneEvents } = await import('../src/events/store');
      return pruneEvents(tx, new Date(Date.now() + 60_000), ['test.all', 'test.products', 'test.flaky']);
    });
    expect(removed).toBeGreaterThan(0);
    const left = await readEvents(t.server.context.db, a.tenantId, 0, 100);
    expect(left.map((e) => e.type)).toEqual(['test.pending']);

    const gaps: unknown[] = [];
    const seen: number[] = [];
    const stop = t.server.context.events.subscribe(
      a.tenantId,
      { event: (e) => seen.push(e.seq), gap: (g) => gaps.push(g) },
      0,
    );
    await t.server.context.events.ready(a.tenantId);
    expect(gaps).toEqual([{ afterSeq: 0, firstAvailableSeq: left[0]!.seq }]);
    expect(seen).toEqual([left[0]!.seq]);
    stop();
  });
});

const PGLITE_REASON =
  'two dispatchers need two server instances on one PostgreSQL database (TEST_DATABASE_URL); PGlite serves one process';

describe.each(DATABASES)('two dispatchers sharing %s', (kind) => {
  if (kind === 'pglite') {
    console.log(`skipped on PGlite: ${PGLITE_REASON}`);
    it.skip(`skipped on PGlite: ${PGLITE_REASON}`, () => {});
    return;
  }
  let a: TestServer;
  let b: TestServer;
  const handlers: EventHandler[] = ['test.one', 'test.two'].map((name) => ({
    name,
    types: ['*'],
    async handle(tx, event) {
      await tx.execute(sql`insert into test_handled (handler, event_id) values (${name}, ${event.id})`);
    },
  }));

  beforeAll(async () => {
    a = await startTestServer(kind, { server: { eventHandlers: handlers } });
    await a.server.context.database.query(
      'create table test_handled (handler text not null, event_id text not null)',
    );
    b = await startTestServer(kind, { databaseUrl: a.databaseUrl, server: { eventHandlers: handlers } });
  });
  afterAll(async () => {
    await b?.server.stop();
    await a?.stop();
  });

  it('handles each event once per handler, none lost, while both dispatch', async () => {
    const tenants = await Promise.all(range(4).map(() => createTenant(a)));
    await Promise.all(
      range(80).map((i) =>
        (i % 2 ? a : b).request('POST', '/v1/commerce/products', {
          token: tenants[i % 4]!.secretKey,
          body: product(i),
        }),
      ),
    );
    await Promise.all([a.server.context.dispatcher!.drain(), b.server.context.dispatcher!.drain()]);
    const events = await a.server.context.database.query<{ id: string }>('select id from events');
    const handled = await a.server.context.database.query<{ handler: string; event_id: string; n: string }>(
      'select handler, event_id, count(*) as n from test_handled group by handler, event_id',
    );
    for (const name of ['test.one', 'test.two']) {
      const mine = handled.filter((h) => h.handler === name);
      expect(mine.map((h) => h.event_id).sort()).toEqual(events.map((e) => e.id).sort());
      expect(mine.every((h) => Number(h.n) === 1)).toBe(true);
    }
    expect(events.length).toBeGreaterThanOrEqual(80);
  });

  it('delivers an event committed on one instance to a subscriber on the other', async () => {
    const tenant = await createTenant(a);
    const seen: string[] = [];
    let resolve!: () => void;
    const arrived = new Promise<void>((r) => {
      resolve = r;
    });
    const stop = a.server.context.events.subscribe(tenant.tenantId, {
      event: (e) => {
        seen.push(e.type);
        if (e.type === 'product.created') resolve();
      },
    });
    await a.server.context.events.ready(tenant.tenantId);
    await b.request('POST', '/v1/commerce/products', { token: tenant.secretKey, body: product(1) });
    await arrived;
    expect(seen).toContain('product.created');
    stop();
  });
});
