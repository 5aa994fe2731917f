import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  TEST_SECRET_KEY,
  type TestServer,
} from '../../../../test/harness';
import { idempotencyKeys, webhookEndpoints } from '../../../db/schema';
import { SecretBox } from '../../../webhooks/secretBox';

const W = '/v1/platform/webhook-endpoints';
const RECEIVER = 'https://hooks.example.test/agentstack';

describe.each(DATABASES)('webhook endpoints (%s)', (kind) => {
  let t: TestServer;
  let a: Awaited<ReturnType<typeof createTenant>>;
  let b: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    t = await startTestServer(kind);
    a = await createTenant(t);
    b = await createTenant(t);
  });
  afterAll(() => t?.stop());

  const create = (token: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    t.request('POST', W, { token, body, headers });

  it('creates an endpoint, shows the secret once and stores it sealed under the server key', async () => {
    const res = await create(
      a.secretKey,
      { url: RECEIVER, description: 'Orders', enabledEvents: ['product.*', 'user.created', 'product.*'] },
      { 'idempotency-key': 'we-create-1' },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.body).toMatchObject({
      object: 'webhook_endpoint',
      url: RECEIVER,
      description: 'Orders',
      enabledEvents: ['product.*', 'user.created'],
      status: 'enabled',
      disabledReason: null,
      previousSecretExpiresAt: null,
    });
    expect(res.body.id).toMatch(/^we_/);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(res.body.secretPrefix).toBe(`${res.body.secret.slice(0, 12)}…`);

    const [row] = await t.server.context.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, res.body.id));
    expect(JSON.stringify(row)).not.toContain(res.body.secret.slice(6));
    expect(new SecretBox(TEST_SECRET_KEY).open(row!.secretSealed, res.body.id)).toBe(res.body.secret);
    // Bound to its row: the same ciphertext does not open as another endpoint's.
    expect(() => new SecretBox(TEST_SECRET_KEY).open(row!.secretSealed, 'we_other')).toThrow();

    // The idempotent replay answers the same endpoint, and the stored reply holds no secret in clear.
    const again = await create(
      a.secretKey,
      { url: RECEIVER, description: 'Orders', enabledEvents: ['product.*', 'user.created', 'product.*'] },
      { 'idempotency-key': 'we-create-1' },
    );
    expect(again.body.id).toBe(res.body.id);
    const stored = await t.server.context.db.select().from(idempotencyKeys);
    expect(JSON.stringify(stored)).not.toContain(res.body.secret.slice(6));

    const list = await t.request('GET', W, { token: a.secretKey });
    expect(list.status).toBe(200);
    expect(list.body.data.map((e: { id: string }) => e.id)).toEqual([res.body.id]);
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret.slice(6));
    expect(list.body.data[0]).not.toHaveProperty('secret');
    const one = await t.request('GET', `${W}/${res.body.id}`, { token: a.secretKey });
    expect(one.body).not.toHaveProperty('secret');
  });

  it('validates URLs, filters and bodies', async () => {
    const bad = [
      { url: 'ftp://hooks.example.test/x', enabledEvents: ['*'] },
      { url: 'javascript:alert(1)', enabledEvents: ['*'] },
      { url: 'https://user:pass@hooks.example.test/x', enabledEvents: ['*'] },
      { url: `https://hooks.example.test/${'a'.repeat(2100)}`, enabledEvents: ['*'] },
      { url: RECEIVER, enabledEvents: [] },
      { url: RECEIVER, enabledEvents: ['Product.Created'] },
      { url: RECEIVER, enabledEvents: ['product.**'] },
      { url: RECEIVER, enabledEvents: ['*.created'] },
      { url: RECEIVER, enabledEvents: Array.from({ length: 51 }, (_, i) => `type_${i}`) },
      { url: RECEIVER, enabledEvents: ['*'], description: 'a\u0000b' },
      { url: RECEIVER, enabledEvents: ['*'], description: 'x'.repeat(501) },
      { url: RECEIVER, enabledEvents: ['*'], secret: 'whsec_mine' },
      { url: RECEIVER },
    ];
    for (const body of bad) {
      const res = await create(a.secretKey, body);
      expect([res.status, res.body.code], JSON.stringify(body).slice(0, 80)).toEqual([
        400,
        'validation_failed',
      ]);
    }
    const created = await create(a.secretKey, { url: RECEIVER, enabledEvents: ['*'] });
    const id = created.body.id;
    const patch = (body: unknown) => t.request('PATCH', `${W}/${id}`, { token: a.secretKey, body });
    expect((await patch({ status: 'paused' })).status).toBe(400);
    expect((await patch({ url: 'http//nope' })).status).toBe(400);
    const rotate = await t.request('POST', `${W}/${id}/rotate-secret`, {
      token: a.secretKey,
      body: { expiresInSeconds: 8 * 86_400 },
    });
    expect([rotate.status, rotate.body.code]).toEqual([400, 'validation_failed']);
  });

  it('updates, disables with a reason, enables again and deletes', async () => {
    const { body: created } = await create(a.secretKey, {
      url: RECEIVER,
      enabledEvents: ['product.created'],
    });
    const patch = (body: unknown) => t.request('PATCH', `${W}/${created.id}`, { token: a.secretKey, body });
    const updated = await patch({
      description: 'Renamed',
      enabledEvents: ['*'],
      url: 'https://other.example.test/h',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      description: 'Renamed',
      enabledEvents: ['*'],
      url: 'https://other.example.test/h',
    });
    const disabled = await patch({ status: 'disabled' });
    expect(disabled.body).toMatchObject({ status: 'disabled', disabledReason: 'Disabled through the API.' });
    const enabled = await patch({ status: 'enabled' });
    expect(enabled.body).toMatchObject({ status: 'enabled', disabledReason: null });
    const del = await t.request('DELETE', `${W}/${created.id}`, { token: a.secretKey });
    expect(del.body).toEqual({ id: created.id, object: 'webhook_endpoint', deleted: true });
    expect((await t.request('GET', `${W}/${created.id}`, { token: a.secretKey })).status).toBe(404);
    expect((await t.request('DELETE', `${W}/${created.id}`, { token: a.secretKey })).status).toBe(404);
  });

  it('rotates the secret: the new one is shown once, the old one kept sealed for the window', async () => {
    const { body: created } = await create(a.secretKey, { url: RECEIVER, enabledEvents: ['*'] });
    const rotated = await t.request('POST', `${W}/${created.id}/rotate-secret`, { token: a.secretKey });
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toContain('no-store');
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    const window = Date.parse(rotated.body.previousSecretExpiresAt) - Date.parse(rotated.body.updatedAt);
    expect(Math.abs(window - 86_400_000)).toBeLessThan(60_000);
    const [row] = await t.server.context.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, created.id));
    const box = new SecretBox(TEST_SECRET_KEY);
    expect(box.open(row!.secretSealed, created.id)).toBe(rotated.body.secret);
    expect(box.open(row!.previousSecretSealed!, created.id)).toBe(created.secret);
    expect(JSON.stringify(row)).not.toContain(rotated.body.secret.slice(6));

    const now = await t.request('POST', `${W}/${created.id}/rotate-secret`, {
      token: a.secretKey,
      body: { expiresInSeconds: 0 },
    });
    expect(now.body.previousSecretExpiresAt).toBeNull();
    const [after] = await t.server.context.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, created.id));
    expect(after!.previousSecretSealed).toBeNull();
  });

  it("never shows or changes another tenant's endpoint (404)", async () => {
    const { body: mine } = await create(a.secretKey, { url: RECEIVER, enabledEvents: ['*'] });
    const theirs = (method: string, path: string, body?: unknown) =>
      t.request(method, path, { token: b.secretKey, body });
    for (const [method, path, body] of [
      ['GET', `${W}/${mine.id}`],
      ['PATCH', `${W}/${mine.id}`, { description: 'mine now' }],
      ['DELETE', `${W}/${mine.id}`],
      ['POST', `${W}/${mine.id}/rotate-secret`, {}],
    ] as const) {
      const res = await theirs(method, path, body);
      expect([res.status, res.body.code], `${method} ${path}`).toEqual([404, 'not_found']);
    }
    const list = await t.request('GET', W, { token: b.secretKey });
    expect(list.body.data).toEqual([]);
  });

  it('lets owners and admins manage endpoints, and no other role', async () => {
    for (const role of ['owner', 'admin', 'support', 'compliance', 'moderator', 'viewer']) {
      const user = await createUser(t, a.secretKey, role);
      const session = await signIn(t, user.email);
      const list = await t.request('GET', W, { token: session });
      const made = await create(session, { url: RECEIVER, enabledEvents: ['*'] });
      const allowed = role === 'owner' || role === 'admin';
      expect([list.status, made.status], role).toEqual(allowed ? [200, 201] : [403, 403]);
    }
    const viewerKey = await t.request('POST', '/v1/platform/api-keys', {
      token: a.secretKey,
      body: { type: 'secret', name: 'viewer', role: 'viewer' },
    });
    expect((await t.request('GET', W, { token: viewerKey.body.secret })).status).toBe(403);
    expect((await t.request('GET', W, { token: a.publishableKey })).status).toBe(403);
  });
});

describe.each(DATABASES)('webhook receivers the operator does not allow (%s)', (kind) => {
  let t: TestServer;
  let a: Awaited<ReturnType<typeof createTenant>>;
  beforeAll(async () => {
    t = await startTestServer(kind, { server: { allowPrivateWebhooks: false } });
    a = await createTenant(t);
  });
  afterAll(() => t?.stop());

  it('refuses private, loopback, link-local, metadata and http: receivers when saved', async () => {
    const refused = [
      'http://hooks.example.test/plain-http',
      'https://localhost/x',
      'https://api.localhost:8443/x',
      'https://127.0.0.1/x',
      'https://127.8.9.10:8443/x',
      'https://10.1.2.3/x',
      'https://172.16.0.1/x',
      'https://192.168.1.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/x',
      'https://0.0.0.0/x',
      'https://224.0.0.1/x',
      'https://[::1]/x',
      'https://[::]/x',
      'https://[fe80::1]/x',
      'https://[fd00::1]/x',
      'https://[ff02::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'https://[::ffff:a9fe:a9fe]/x',
      'https://[64:ff9b::10.0.0.1]/x',
      'https://2130706433/x', // 127.0.0.1 written as one number: URL parsing normalises it
      'https://0x7f.1/x',
    ];
    for (const url of refused) {
      const res = await t.request('POST', W, { token: a.secretKey, body: { url, enabledEvents: ['*'] } });
      expect([res.status, res.body.code, res.body.param], url).toEqual([400, 'validation_failed', 'url']);
    }
    for (const url of [
      'https://hooks.example.test/x',
      'https://93.184.215.14/x',
      'https://[2606:4700::1111]/x',
    ]) {
      const res = await t.request('POST', W, { token: a.secretKey, body: { url, enabledEvents: ['*'] } });
      expect(res.status, url).toBe(201);
      const moved = await t.request('PATCH', `${W}/${res.body.id}`, {
        token: a.secretKey,
        body: { url: 'https://10.0.0.1/x' },
      });
      expect([moved.status, moved.body.param], url).toEqual([400, 'url']);
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('webhook endpoints on PostgreSQL without a server key', () => {
  let t: TestServer;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createPostgresDatabase();
    drop = db.drop;
    t = await startTestServer('postgres', { databaseUrl: db.url, server: { secretKey: undefined } });
  });
  afterAll(async () => {
    await t?.stop();
    await drop?.();
  });

  it('refuses to create endpoints with a problem saying what to set', async () => {
    const a = await createTenant(t);
    const res = await t.request('POST', W, {
      token: a.secretKey,
      body: { url: RECEIVER, enabledEvents: ['*'] },
    });
    expect([res.status, res.body.code]).toEqual([409, 'webhooks_not_configured']);
    expect(res.body.detail).toContain('AGENTSTACK_SECRET_KEY');
  });
});
