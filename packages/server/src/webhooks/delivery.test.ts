import { verifyWebhook } from '@agentstack/sdk';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createUser, DATABASES, startTestServer, type TestServer } from '../../test/harness';
import { drainWebhooks, startReceiver } from '../../test/webhookReceiver';
import { events, webhookAttempts, webhookDeliveries } from '../db/schema';
import { EventDispatcher } from '../events/dispatcher';

const W = '/v1/platform/webhook-endpoints';
const P = '/v1/commerce/products';
const price = { amount: 1200, currency: 'EUR' };
// Attempts are due again at once: tests never wait out a backoff.
const FAST = { retryDelayMs: () => 0, timeoutMs: 1500 };

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

async function createProducts(t: TestServer, key: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.request('POST', P, { token: key, body: { title: `Hooked ${i}`, price } });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

async function eventIdsOf(t: TestServer, tenantId: string, type: string): Promise<string[]> {
  const rows = await t.server.context.db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.tenantId, tenantId), eq(events.type, type)));
  return rows.map((r) => r.id).sort();
}

describe.each(DATABASES)('webhook delivery to a real receiver (%s)', (kind) => {
  let t: TestServer;
  let receiver: Receiver;
  let a: Awaited<ReturnType<typeof createTenant>>;
  let b: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    // On /a: two 500s, then one request left hanging (the attempt times out), then 2xx.
    receiver = await startReceiver((n, path) =>
      path !== '/a' ? 200 : n <= 2 ? 500 : n === 3 ? 'hang' : 200,
    );
    t = await startTestServer(kind, { server: { webhooks: FAST } });
    a = await createTenant(t);
    b = await createTenant(t);
  });
  afterAll(async () => {
    await t?.stop();
    await receiver?.stop();
  });

  it('delivers every matching event, signed, through failures and a timeout, recording each attempt', async () => {
    const endpoint = await t.request('POST', W, {
      token: a.secretKey,
      body: { url: receiver.url('/a'), enabledEvents: ['product.*'] },
    });
    expect(endpoint.status).toBe(201);
    // Tenant b has an endpoint of its own elsewhere: its events never reach a's receiver.
    await t.request('POST', W, {
      token: b.secretKey,
      body: { url: receiver.url('/b'), enabledEvents: ['*'] },
    });
    await createProducts(t, a.secretKey, 3);
    await createUser(t, a.secretKey, 'viewer'); // user.created: not in a's filter
    await createProducts(t, b.secretKey, 1);
    await drainWebhooks([t], [a.tenantId, b.tenantId]);

    const expected = await eventIdsOf(t, a.tenantId, 'product.created');
    expect(expected).toHaveLength(3);
    const toA = receiver.received.filter((r) => r.path === '/a');
    const delivered = new Map([...receiver.delivered()].filter(([, rs]) => rs[0]!.path === '/a'));
    expect([...delivered.keys()].sort()).toEqual(expected);
    for (const [id, [request]] of delivered) {
      const event = await verifyWebhook(
        request!.body,
        String(request!.headers['agentstack-signature']),
        endpoint.body.secret,
      );
      expect(event).toMatchObject({ id, object: 'event', type: 'product.created' });
      expect(request!.headers['agentstack-event-id']).toBe(id);
      expect(request!.headers['agentstack-event-type']).toBe('product.created');
      expect(request!.headers['content-type']).toBe('application/json');
    }
    // b's event went to b's receiver only.
    const bEvents = await eventIdsOf(t, b.tenantId, 'product.created');
    expect(toA.some((r) => bEvents.includes(String(r.headers['agentstack-event-id'])))).toBe(false);
    expect(
      receiver.received.filter((r) => r.path === '/b').map((r) => r.headers['agentstack-event-id']),
    ).toContain(bEvents[0]);

    // Every request the receiver saw is an attempt on record, the failures with what happened.
    const attempts = await t.server.context.db
      .select()
      .from(webhookAttempts)
      .where(eq(webhookAttempts.tenantId, a.tenantId));
    expect(attempts).toHaveLength(toA.length);
    const failed = attempts.filter((x) => !x.succeeded);
    const failures = receiver.received.filter((r) => r.answer !== 200 && r.path === '/a').length;
    expect(failed).toHaveLength(failures);
    expect(
      failed
        .filter((x) => x.statusCode === 500)
        .every((x) => x.responseExcerpt?.startsWith('receiver says 500')),
    ).toBe(true);
    expect(failed.map((x) => x.statusCode)).toEqual(expect.arrayContaining([500, 500, null]));
    expect(failed).toHaveLength(3);
    expect(failed.find((x) => x.statusCode === null)?.error).toBe('timeout after 1500 ms');
    expect(attempts.filter((x) => x.succeeded)).toHaveLength(3);
    const deliveries = await t.server.context.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.tenantId, a.tenantId));
    expect(deliveries.map((d) => d.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(deliveries.reduce((n, d) => n + d.attemptCount, 0)).toBe(toA.length);

    // /metrics counts this instance's attempts by outcome, and nothing is left pending.
    const everyAttempt = await t.server.context.db.select().from(webhookAttempts);
    const metrics = (await t.request('GET', '/metrics')).body as string;
    const figure = (line: string) => Number(new RegExp(`^${line} (\\S+)$`, 'm').exec(metrics)?.[1]);
    expect(figure('agentstack_webhook_attempts_total\\{outcome="succeeded"\\}')).toBe(
      everyAttempt.filter((x) => x.succeeded).length,
    );
    expect(figure('agentstack_webhook_attempts_total\\{outcome="failed"\\}')).toBe(
      everyAttempt.filter((x) => !x.succeeded).length,
    );
    expect(figure('agentstack_webhook_deliveries_pending')).toBe(0);
    expect(figure('agentstack_webhook_delivery_lag_seconds')).toBe(0);
  });

  it('signs with both secrets during a rotation window, then with the new one only', async () => {
    const created = await t.request('POST', W, {
      token: a.secretKey,
      body: { url: receiver.url('/rotate'), enabledEvents: ['product.updated'] },
    });
    const [product] = await createProducts(t, a.secretKey, 1);
    const rotated = await t.request('POST', `${W}/${created.body.id}/rotate-secret`, { token: a.secretKey });
    const update = (title: string) =>
      t.request('PATCH', `${P}/${product}`, { token: a.secretKey, body: { title } });
    await update('During the window');
    await drainWebhooks([t], [a.tenantId]);
    const during = receiver.received.filter((r) => r.path === '/rotate' && r.answer === 200).at(-1)!;
    const header = String(during.headers['agentstack-signature']);
    expect(header.match(/v1=/g)).toHaveLength(2);
    await expect(verifyWebhook(during.body, header, rotated.body.secret)).resolves.toMatchObject({
      type: 'product.updated',
    });
    await expect(verifyWebhook(during.body, header, created.body.secret)).resolves.toMatchObject({
      type: 'product.updated',
    });

    await t.request('POST', `${W}/${created.body.id}/rotate-secret`, {
      token: a.secretKey,
      body: { expiresInSeconds: 0 },
    });
    const latest = await t.request('GET', `${W}/${created.body.id}`, { token: a.secretKey });
    await update('After the window');
    await drainWebhooks([t], [a.tenantId]);
    const after = receiver.received.filter((r) => r.path === '/rotate' && r.answer === 200).at(-1)!;
    const afterHeader = String(after.headers['agentstack-signature']);
    expect(afterHeader.match(/v1=/g)).toHaveLength(1);
    expect(latest.body.secretPrefix).not.toBe(rotated.body.secretPrefix);
    await expect(verifyWebhook(after.body, afterHeader, rotated.body.secret)).rejects.toThrow(
      /No signature matches/,
    );
  });
});

describe.each(DATABASES)('webhook endpoints disabled after repeated failure (%s)', (kind) => {
  let t: TestServer;
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver(() => 503);
    t = await startTestServer(kind, {
      server: { webhooks: { ...FAST, disableAfterFailures: 4, disableAfterMs: 0 } },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await receiver?.stop();
  });

  it('disables the endpoint with a reason, fails its pending deliveries and records webhook_endpoint.disabled', async () => {
    const a = await createTenant(t);
    const watcher = await t.request('POST', W, {
      token: a.secretKey,
      body: { url: 'https://hooks.example.test/never-called', enabledEvents: ['webhook_endpoint.*'] },
    });
    await t.request('PATCH', `${W}/${watcher.body.id}`, { token: a.secretKey, body: { status: 'disabled' } });
    const created = await t.request('POST', W, {
      token: a.secretKey,
      body: { url: receiver.url('/down'), enabledEvents: ['product.created'] },
    });
    await createProducts(t, a.secretKey, 2);
    await drainWebhooks([t], [a.tenantId]);
    const endpoint = await t.request('GET', `${W}/${created.body.id}`, { token: a.secretKey });
    expect(endpoint.body.status).toBe('disabled');
    expect(endpoint.body.disabledReason).toMatch(
      /^Disabled automatically: 4 delivery attempts in a row failed over .* \(last: HTTP 503\)\.$/,
    );
    // The 4th failure disabled it; an attempt already in flight then (two deliveries are sent at
    // once) may still have reached the receiver. Every request is an attempt on record.
    const attempts = await t.server.context.db
      .select()
      .from(webhookAttempts)
      .where(eq(webhookAttempts.tenantId, a.tenantId));
    expect(receiver.received.length).toBeGreaterThanOrEqual(4);
    expect(attempts).toHaveLength(receiver.received.length);
    const deliveries = await t.server.context.db
      .select({ status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, created.body.id));
    expect(deliveries.map((d) => d.status)).toEqual(['failed', 'failed']);
    const disabled = await t.server.context.db
      .select()
      .from(events)
      .where(and(eq(events.tenantId, a.tenantId), eq(events.type, 'webhook_endpoint.disabled')));
    expect(disabled).toHaveLength(1);
    expect(disabled[0]!.objectId).toBe(created.body.id);
    expect(JSON.stringify(disabled[0]!.data)).not.toContain(created.body.secret.slice(6));
    // A disabled endpoint gets no new deliveries.
    await createProducts(t, a.secretKey, 1);
    await drainWebhooks([t], [a.tenantId]);
    const after = await t.server.context.db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, created.body.id));
    expect(after).toHaveLength(2);
  });

  it('gives a delivery up after its maximum age', async () => {
    const t2 = await startTestServer(kind, { server: { webhooks: { ...FAST, maxAgeMs: 0 } } });
    try {
      const a = await createTenant(t2);
      await t2.request('POST', W, {
        token: a.secretKey,
        body: { url: receiver.url('/old'), enabledEvents: ['*'] },
      });
      await createProducts(t2, a.secretKey, 1);
      await drainWebhooks([t2], [a.tenantId]);
      const rows = await t2.server.context.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.tenantId, a.tenantId));
      expect(rows.map((r) => [r.status, r.attemptCount])).toEqual([['failed', 1]]);
    } finally {
      await t2.stop();
    }
  });
});

describe.each(DATABASES)('webhook receivers refused at send time (%s)', (kind) => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver(() => 200);
  });
  afterAll(() => receiver?.stop());

  // The name resolves to 127.0.0.1 (where the receiver listens); no real DNS is involved.
  const resolve = async () => [{ address: '127.0.0.1', family: 4 }];

  it('refuses a name that resolves to a loopback address, and connects to the resolved address when allowed', async () => {
    for (const allowPrivateWebhooks of [false, true]) {
      const t = await startTestServer(kind, {
        server: { allowPrivateWebhooks, webhooks: { ...FAST, resolve, maxAgeMs: 0 } },
      });
      try {
        const a = await createTenant(t);
        const scheme = allowPrivateWebhooks ? 'http' : 'https';
        const url = `${scheme}://receiver.example.test:${receiver.port}/resolved-${allowPrivateWebhooks}`;
        expect(
          (await t.request('POST', W, { token: a.secretKey, body: { url, enabledEvents: ['*'] } })).status,
        ).toBe(201);
        await createProducts(t, a.secretKey, 1);
        await drainWebhooks([t], [a.tenantId]);
        const [attempt] = await t.server.context.db
          .select()
          .from(webhookAttempts)
          .where(eq(webhookAttempts.tenantId, a.tenantId));
        const got = receiver.received.filter((r) => r.path === `/resolved-${allowPrivateWebhooks}`);
        if (allowPrivateWebhooks) {
          expect([attempt!.succeeded, got.length]).toEqual([true, 1]);
        } else {
          expect(attempt!.succeeded).toBe(false);
          expect(attempt!.error).toMatch(
            /^address refused: receiver\.example\.test resolves to 127\.0\.0\.1 is a private/,
          );
          expect(got).toHaveLength(0);
        }
      } finally {
        await t.stop();
      }
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('two instances sending on one PostgreSQL', () => {
  let first: TestServer;
  let second: TestServer;
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver(() => 200);
    first = await startTestServer('postgres', {
      server: { webhooks: { ...FAST, batchSize: 5, concurrency: 4 } },
    });
    second = await startTestServer('postgres', {
      databaseUrl: first.databaseUrl,
      server: { webhooks: { ...FAST, batchSize: 5, concurrency: 4 } },
    });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await receiver?.stop();
  });

  it('delivers each event once to a receiver that accepts them, both sending at once', async () => {
    const a = await createTenant(first);
    await first.request('POST', W, {
      token: a.secretKey,
      body: { url: receiver.url('/pair'), enabledEvents: ['*'] },
    });
    const n = 40;
    await Promise.all([
      createProducts(first, a.secretKey, n / 2),
      createProducts(second, a.secretKey, n / 2),
    ]);
    await drainWebhooks([first, second], [a.tenantId]);
    const expected = await eventIdsOf(first, a.tenantId, 'product.created');
    expect(expected).toHaveLength(n);
    const delivered = receiver.delivered();
    expect([...delivered.keys()].sort()).toEqual(expected);
    const duplicates = [...delivered.values()].filter((rs) => rs.length > 1).length;
    expect(duplicates).toBe(0);
    expect(receiver.maxInFlightPerEvent).toBe(1);
    const [row] = await first.server.context.db
      .select({ n: sql<number>`count(*)::int` })
      .from(webhookAttempts)
      .where(eq(webhookAttempts.tenantId, a.tenantId));
    expect(Number(row!.n)).toBe(n);
  });
});

describe.each(DATABASES)('webhook deliveries: list, test events, replays (%s)', (kind) => {
  let t: TestServer;
  let receiver: Receiver;
  let a: Awaited<ReturnType<typeof createTenant>>;
  let b: Awaited<ReturnType<typeof createTenant>>;
  let endpoint: { id: string; secret: string };
  beforeAll(async () => {
    // The first request fails with a long body; every later one succeeds.
    receiver = await startReceiver((n) => (n === 1 ? 502 : 200));
    // Nothing sends in the background here: the test drives every round, so a replayed delivery
    // is still pending when the test looks.
    t = await startTestServer(kind, { server: { webhooks: FAST, dispatch: false } });
    t.server.context.dispatcher = new EventDispatcher(t.server.context);
    a = await createTenant(t);
    b = await createTenant(t);
    endpoint = (
      await t.request('POST', W, {
        token: a.secretKey,
        body: { url: receiver.url('/d'), enabledEvents: ['product.*'] },
      })
    ).body;
  });
  afterAll(async () => {
    await t?.stop();
    await receiver?.stop();
  });
  const D = () => `${W}/${endpoint.id}/deliveries`;

  it('lists deliveries newest first with their attempts, filtered by status', async () => {
    await createProducts(t, a.secretKey, 2);
    await drainWebhooks([t], [a.tenantId]);
    const list = await t.request('GET', D(), { token: a.secretKey });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    const [newest, oldest] = list.body.data;
    expect(newest.id > oldest.id).toBe(true);
    expect(list.body.data.every((d: { status: string }) => d.status === 'succeeded')).toBe(true);
    const retried = list.body.data.find((d: { attemptCount: number }) => d.attemptCount === 2);
    expect(retried.attempts).toHaveLength(2);
    expect(retried.attempts[0]).toMatchObject({ statusCode: 200, succeeded: true, error: null });
    expect(retried.attempts[1]).toMatchObject({
      statusCode: 502,
      succeeded: false,
      responseExcerpt: 'receiver says 502',
    });
    expect(retried.nextAttemptAt).toBeNull();
    const page = await t.request('GET', `${D()}?limit=1`, { token: a.secretKey });
    expect(page.body).toMatchObject({ hasMore: true, nextCursor: newest.id });
    const failed = await t.request('GET', `${D()}?status=failed`, { token: a.secretKey });
    expect(failed.body.data).toEqual([]);
    expect((await t.request('GET', `${D()}?status=lost`, { token: a.secretKey })).status).toBe(400);
  });

  it('sends a test event to the endpoint alone, signed', async () => {
    const res = await t.request('POST', `${W}/${endpoint.id}/test`, { token: a.secretKey });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: 'webhook_delivery',
      eventType: 'webhook_endpoint.test',
      status: 'pending',
      attempts: [],
    });
    await drainWebhooks([t], [a.tenantId]);
    const got = receiver.received.find((r) => r.headers['agentstack-event-id'] === res.body.eventId)!;
    const event = await verifyWebhook(got.body, String(got.headers['agentstack-signature']), endpoint.secret);
    expect(event).toMatchObject({
      type: 'webhook_endpoint.test',
      seq: 0,
      data: { id: endpoint.id, object: 'webhook_endpoint' },
    });
    expect(JSON.stringify(event)).not.toContain(endpoint.secret.slice(6));
  });

  it('replays one delivery with the same event id, and refuses a pending one', async () => {
    const [done] = (await t.request('GET', `${D()}?status=succeeded&limit=1`, { token: a.secretKey })).body
      .data;
    const before = receiver.received.filter((r) => r.headers['agentstack-event-id'] === done.eventId).length;
    const res = await t.request('POST', `${D()}/${done.id}/replay`, { token: a.secretKey });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: done.id, status: 'pending', eventId: done.eventId });
    const again = await t.request('POST', `${D()}/${done.id}/replay`, { token: a.secretKey });
    expect([again.status, again.body.code]).toEqual([409, 'invalid_state']);
    await drainWebhooks([t], [a.tenantId]);
    const after = receiver.received.filter((r) => r.headers['agentstack-event-id'] === done.eventId);
    expect(after).toHaveLength(before + 1);
    await verifyWebhook(
      after.at(-1)!.body,
      String(after.at(-1)!.headers['agentstack-signature']),
      endpoint.secret,
    );
    const unknown = await t.request('POST', `${D()}/whd_00000000000000000000000000/replay`, {
      token: a.secretKey,
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);
  });

  it('replays every failed delivery since a time, and refuses replays to a disabled endpoint', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    await t.request('PATCH', `${W}/${endpoint.id}`, { token: a.secretKey, body: { status: 'disabled' } });
    const refused = await t.request('POST', `${D()}/replay`, { token: a.secretKey, body: { since } });
    expect([refused.status, refused.body.code]).toEqual([409, 'invalid_state']);
    const test = await t.request('POST', `${W}/${endpoint.id}/test`, { token: a.secretKey });
    expect([test.status, test.body.code]).toEqual([409, 'invalid_state']);
    await t.request('PATCH', `${W}/${endpoint.id}`, { token: a.secretKey, body: { status: 'enabled' } });
    const none = await t.request('POST', `${D()}/replay`, { token: a.secretKey, body: { since } });
    expect(none.body).toEqual({ object: 'webhook_replay', replayed: 0 });
    const all = await t.request('POST', `${D()}/replay`, {
      token: a.secretKey,
      body: { since, status: 'all' },
    });
    expect(all.body.replayed).toBe(3); // two product events and the test event
    const later = await t.request('POST', `${D()}/replay`, {
      token: a.secretKey,
      body: { since: new Date(Date.now() + 60_000).toISOString(), status: 'all' },
    });
    expect(later.body.replayed).toBe(0);
    await drainWebhooks([t], [a.tenantId]);
    const list = await t.request('GET', D(), { token: a.secretKey });
    expect(list.body.data.map((d: { status: string }) => d.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
  });

  it("answers 404 for another tenant's endpoint and deliveries", async () => {
    const [one] = (await t.request('GET', D(), { token: a.secretKey })).body.data;
    for (const [method, path, body] of [
      ['GET', D()],
      ['POST', `${W}/${endpoint.id}/test`],
      ['POST', `${D()}/${one.id}/replay`],
      ['POST', `${D()}/replay`, { since: new Date(0).toISOString() }],
    ] as const) {
      const res = await t.request(method, path, { token: b.secretKey, body });
      expect([res.status, res.body.code], `${method} ${path}`).toEqual([404, 'not_found']);
    }
    // b's own endpoint does not reach a's deliveries either.
    const mine = await t.request('POST', W, {
      token: b.secretKey,
      body: { url: receiver.url('/b'), enabledEvents: ['*'] },
    });
    const res = await t.request('POST', `${W}/${mine.body.id}/deliveries/${one.id}/replay`, {
      token: b.secretKey,
    });
    expect([res.status, res.body.code]).toEqual([404, 'not_found']);
  });
});
