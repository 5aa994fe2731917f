import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  type TestServer,
} from '../../../test/harness';
import { openStream } from '../../../test/sse';
import { hashSecret } from '../../auth/credentials';
import { mintRealtimeToken } from '../../auth/realtimeToken';
import { recordEvent } from '../../events/outbox';

const P = '/v1/commerce/products';
const product = (title: string) => ({ title, price: { amount: 1200, currency: 'EUR' } });
const MAX_STREAMS = 3;

describe.each(DATABASES)('realtime stream on %s', (kind) => {
  let t: TestServer;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  const logLines: string[] = [];
  let stopped = false;

  beforeAll(async () => {
    t = await startTestServer(kind, {
      server: {
        logLevel: 'info',
        logWrite: (line) => logLines.push(line),
        realtime: { heartbeatMs: 100, maxStreamsPerTenant: MAX_STREAMS, bufferBytes: 256 * 1024 },
      },
    });
    tenant = await createTenant(t, {
      subscription: { platform: 'scale', commerce: 'commerce_enterprise', fintech: null, social: null },
    });
  });
  afterAll(async () => {
    if (!stopped) await t?.stop();
  });

  const create = async (key: string, title: string) => {
    const res = await t.request('POST', P, { token: key, body: product(title) });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('streams the tenant’s events of a topic: retry hint, ready, then each event with its seq as id', async () => {
    const stream = await openStream(t.url, 'topics=products', { token: tenant.secretKey });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect(await stream.next()).toEqual({ retry: 3000 });
    const ready = await stream.next();
    expect(ready?.event).toBe('ready');
    const created = await create(tenant.secretKey, 'Live one');
    const event = await stream.next();
    expect(event?.event).toBe('product.created');
    expect(event?.data).toMatchObject({ object: 'event', type: 'product.created', data: created });
    expect(event?.id).toBe(String(event?.data.seq));
    expect(event?.data.seq).toBe(Number(ready?.id) + 1);
    stream.close();
  });

  it('carries only the topics asked for, and only the caller’s tenant', async () => {
    const other = await createTenant(t);
    const stream = await openStream(t.url, 'topics=product.archived', { token: tenant.secretKey });
    await stream.nextOf('ready');
    const a = await create(tenant.secretKey, 'To archive');
    await create(other.secretKey, 'Another tenant’s');
    await createUser(t, tenant.secretKey, 'viewer');
    expect((await t.request('POST', `${P}/${a.id}/archive`, { token: tenant.secretKey })).status).toBe(200);
    const event = await stream.next();
    expect([event?.event, event?.data.data.id]).toEqual(['product.archived', a.id]);
    stream.close();
  });

  it('gives each role the topics its permissions read, and refuses publishable and operator keys', async () => {
    const session = async (role: string) => signIn(t, (await createUser(t, tenant.secretKey, role)).email);
    const moderator = await session('moderator');
    const viewer = await session('viewer');
    const support = await session('support');
    const refused = await openStream(t.url, 'topics=products', { token: moderator });
    expect([refused.status, refused.problem.code, refused.problem.param]).toEqual([
      403,
      'forbidden',
      'topics',
    ]);
    const users = await openStream(t.url, 'topics=users', { token: viewer });
    expect([users.status, users.problem.code]).toEqual([403, 'forbidden']);
    const ok = await openStream(t.url, 'topics=users,products', { token: support });
    expect(ok.status).toBe(200);
    ok.close();
    // A publishable key is in every visitor's browser: no stream (it would take the tenant's
    // stream slots), no token.
    for (const token of [tenant.publishableKey, t.operatorKey]) {
      const res = await openStream(t.url, 'topics=products', { token });
      expect([res.status, res.problem.code]).toEqual([403, 'forbidden']);
      const minted = await t.request('POST', '/v1/realtime/tokens', { token });
      expect([minted.status, minted.body.code]).toEqual([403, 'forbidden']);
    }
  });

  it('validates topics and Last-Event-ID as problems', async () => {
    for (const [query, headers, param] of [
      ['topics=payouts', {}, 'topics'],
      ['topics=', {}, 'topics'],
      ['topics=products&lastEventId=-1', {}, 'lastEventId'],
      ['topics=products', { 'last-event-id': 'abc' }, 'Last-Event-ID'],
    ] as const) {
      const res = await openStream(t.url, query, { token: tenant.secretKey, headers });
      expect([res.status, res.problem.code, res.problem.param], query).toEqual([
        400,
        'validation_failed',
        param,
      ]);
    }
    const none = await openStream(t.url, 'topics=products');
    expect([none.status, none.problem.code]).toEqual([401, 'unauthenticated']);
  });

  it('resumes after Last-Event-ID (or lastEventId) without gaps or duplicates', async () => {
    const first = await openStream(t.url, 'topics=products', { token: tenant.secretKey });
    await first.nextOf('ready');
    const made = [];
    for (const i of [1, 2, 3]) made.push(await create(tenant.secretKey, `Resume ${i}`));
    const one = await first.next();
    first.close();
    const again = await openStream(t.url, 'topics=products', {
      token: tenant.secretKey,
      headers: { 'last-event-id': one!.id! },
    });
    expect((await again.nextOf('ready'))?.id).toBe(one!.id);
    const rest = [await again.next(), await again.next()];
    expect(rest.map((f) => f?.data.data.id)).toEqual([made[1].id, made[2].id]);
    expect(rest.map((f) => Number(f?.id))).toEqual([Number(one!.id) + 1, Number(one!.id) + 2]);
    again.close();
    const byQuery = await openStream(t.url, `topics=products&lastEventId=${one!.id}`, {
      token: tenant.secretKey,
    });
    await byQuery.nextOf('ready');
    expect((await byQuery.next())?.data.data.id).toBe(made[1].id);
    byQuery.close();
  });

  it('says `gap` when the events after Last-Event-ID are gone, then goes on', async () => {
    const fresh = await createTenant(t);
    for (const i of [1, 2, 3]) await create(fresh.secretKey, `Pruned ${i}`);
    // What retention does after 7 days, done now.
    await t.server.context.database.query(
      `delete from events where tenant_id = '${fresh.tenantId}' and seq <= 2`,
    );
    const stream = await openStream(t.url, 'topics=products', {
      token: fresh.secretKey,
      headers: { 'last-event-id': '0' },
    });
    const frames = [await stream.next(), await stream.next(), await stream.next(), await stream.next()];
    expect(frames.map((f) => f?.event ?? 'retry')).toEqual(['retry', 'ready', 'gap', 'product.created']);
    expect(frames[2]?.data).toEqual({ afterSeq: 0, firstAvailableSeq: 3 });
    expect(frames[3]?.id).toBe('3');
    stream.close();
    // Ahead of the head (another database, a restored backup): told, and started at the head.
    const ahead = await openStream(t.url, 'topics=products', {
      token: fresh.secretKey,
      headers: { 'last-event-id': '99' },
    });
    await ahead.next();
    const gap = await ahead.next();
    expect([gap?.event, gap?.data]).toEqual(['gap', { afterSeq: 99, firstAvailableSeq: 4 }]);
    expect((await ahead.next())?.id).toBe('3');
    ahead.close();
  });

  it('sends heartbeat comments on an idle stream', async () => {
    const stream = await openStream(t.url, 'topics=products', { token: tenant.secretKey });
    await stream.nextOf('ready');
    expect(await stream.next({ comments: true })).toEqual({ comment: 'heartbeat' });
    stream.close();
  });

  it('opens with a realtime token a browser can pass in the URL, never logged; bound to its parent credential', async () => {
    const minted = await t.request('POST', '/v1/realtime/tokens', { token: tenant.secretKey });
    expect(minted.status).toBe(201);
    expect(minted.headers.get('cache-control')).toBe('no-store');
    const { token, expiresAt } = minted.body;
    expect(token).toMatch(/^rt_/);
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(4);
    expect(minutes).toBeLessThanOrEqual(5);
    const stream = await openStream(t.url, `topics=products&token=${token}`);
    expect(stream.status).toBe(200);
    await stream.nextOf('ready');
    const created = await create(tenant.secretKey, 'Via token');
    expect((await stream.next())?.data.data.id).toBe(created.id);
    stream.close();
    expect(logLines.some((l) => l.includes('/v1/realtime'))).toBe(true);
    expect(logLines.filter((l) => l.includes(token) || l.includes(token.slice(3, 30)))).toEqual([]);

    // Tampered, of another credential, expired: refused.
    const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}A`;
    const refused = await openStream(t.url, `topics=products&token=${tampered}`);
    expect([refused.status, refused.problem.code]).toEqual([401, 'invalid_api_key']);
    const keyId = (
      await t.request('GET', '/v1/platform/api-keys', { token: tenant.secretKey })
    ).body.data.find(
      (k: { type: string; name: string }) => k.type === 'secret' && k.name === 'test secret',
    ).id;
    const expired = mintRealtimeToken(
      { kind: 'k', credentialId: keyId, exp: Math.floor(Date.now() / 1000) - 1 },
      hashSecret(tenant.secretKey),
    );
    const late = await openStream(t.url, `topics=products&token=${expired}`);
    expect([late.status, late.problem.code]).toEqual([401, 'session_expired']);
    const forged = mintRealtimeToken(
      { kind: 'k', credentialId: keyId, exp: Math.floor(Date.now() / 1000) + 60 },
      hashSecret('sk_guessed'),
    );
    expect((await openStream(t.url, `topics=products&token=${forged}`)).status).toBe(401);
  });

  it('ends a session’s stream when the session is signed out, and refuses its tokens afterwards', async () => {
    const user = await createUser(t, tenant.secretKey, 'admin');
    const session = await signIn(t, user.email);
    const { token } = (await t.request('POST', '/v1/realtime/tokens', { token: session })).body;
    const stream = await openStream(t.url, `topics=products&token=${token}`);
    await stream.nextOf('ready');
    const ended = t.server.context.realtime.nextClose(tenant.tenantId);
    expect((await t.request('DELETE', '/v1/platform/sessions/current', { token: session })).status).toBe(200);
    expect(await ended).toBe('revoked');
    expect(await stream.next()).toBeNull();
    const after = await openStream(t.url, `topics=products&token=${token}`);
    expect(after.status).toBe(401);
  });

  it(`limits open streams per tenant (${MAX_STREAMS} here) with 429 and Retry-After`, async () => {
    const busy = await createTenant(t);
    const streams = [];
    for (let i = 0; i < MAX_STREAMS; i++) {
      const s = await openStream(t.url, 'topics=products', { token: busy.secretKey });
      await s.nextOf('ready');
      streams.push(s);
    }
    const over = await openStream(t.url, 'topics=products', { token: busy.secretKey });
    expect([over.status, over.problem.code]).toEqual([429, 'rate_limited']);
    expect(over.headers.get('retry-after')).toBe('3');
    // Other tenants are not affected.
    const elsewhere = await openStream(t.url, 'topics=products', { token: tenant.secretKey });
    expect(elsewhere.status).toBe(200);
    elsewhere.close();
    const closed = t.server.context.realtime.nextClose(busy.tenantId);
    streams[0]!.close();
    expect(await closed).toBe('client');
    const again = await openStream(t.url, 'topics=products', { token: busy.secretKey });
    expect(again.status).toBe(200);
    for (const s of [...streams, again]) s.close();
  });

  it('disconnects a client that does not read once its buffer is full, without growing memory', async () => {
    const slow = await createTenant(t);
    const socket = connect(Number(new URL(t.url).port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      // Read the headers, then stop reading: the kernel's buffers fill, then the server's.
      if (received > 0) socket.pause();
    });
    const closedBySocket = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      `GET /v1/realtime?topics=products HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${slow.secretKey}\r\n\r\n`,
    );
    // The stream exists once its first bytes arrive.
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    const closed = t.server.context.realtime.nextClose(slow.tenantId);
    let reason: string | undefined;
    void closed.then((r) => {
      reason = r;
    });
    const padding = 'x'.repeat(1024 * 1024);
    let sent = 0;
    // Each event is 1 MiB; the server holds at most 256 KiB for this client, the kernel a few MiB.
    while (reason === undefined && sent < 64) {
      await t.server.context.db.transaction((tx) =>
        recordEvent(tx, slow.tenantId, 'product.updated', { id: `prod_slow${sent}`, padding }),
      );
      await t.server.context.events.ready(slow.tenantId);
      sent++;
    }
    expect(await closed).toBe('slow');
    expect(t.server.context.realtime.count(slow.tenantId)).toBe(0);
    // The server dropped the connection: reading again, the client comes to its end.
    socket.on('error', () => undefined);
    socket.removeAllListeners('data');
    socket.resume();
    await closedBySocket;
    const metrics = (await t.request('GET', '/metrics')).body as string;
    expect(metrics).toMatch(/agentstack_realtime_closed_total\{reason="slow"\} 1/);
  });

  it('ends every stream when the server stops', async () => {
    const stream = await openStream(t.url, 'topics=products', { token: tenant.secretKey });
    await stream.nextOf('ready');
    stopped = true;
    await t.stop();
    expect(await stream.next()).toBeNull();
  });
});
