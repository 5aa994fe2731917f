import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  DATABASES,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
  testEmail,
} from '../../../../test/harness';
import { closedPort, startSilentServer, startSmtpServer, type TestSmtpServer } from '../../../../test/smtp';
import { createServer } from '../../../app';

const I = '/v1/platform/invitations';
const PUBLIC_URL = 'https://dashboard.example.test/app';
const BRAND = {
  name: 'Nimbus\r\nBcc: brand@evil.test',
  logoUrl: null,
  primaryColor: '#7c3aed',
  accentColor: '#0ea5e9',
  colorScheme: 'light',
};

/** The accept link in a text body, and its token. */
function linkIn(text: string): { url: string; token: string } {
  const url = /https?:\/\/\S+#\/accept\?token=\S+/.exec(text)?.[0];
  if (!url) throw new Error(`no accept link in:\n${text}`);
  return { url, token: new URL(url.replace('#/', '')).searchParams.get('token') as string };
}

describe.each(DATABASES)('invitation emails (%s)', (kind) => {
  let smtp: TestSmtpServer;
  let t: TestServer;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let session: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestServer(kind, {
      server: { publicUrl: PUBLIC_URL, email: { smtpUrl: smtp.url, from: 'invites@example.test' } },
    });
    // A workspace of an agency whose brand, and an inviter whose name, try to add headers.
    const agency = await t.request('POST', '/v1/platform/agencies', {
      token: t.operatorKey,
      body: { name: 'Nimbus agency', brand: BRAND },
    });
    expect(agency.status).toBe(201);
    tenant = await createTenant(t, {
      name: 'Acme <b>Shop</b>\r\nX-Injected: tenant',
      agencyId: agency.body.id,
    });
    const inviter = testEmail('inviter');
    const user = await t.request('POST', '/v1/platform/users', {
      token: tenant.secretKey,
      body: { email: inviter, name: 'Ada\nX-Injected: inviter', role: 'owner', password: TEST_PASSWORD },
    });
    expect(user.status).toBe(201);
    const signedIn = await t.request('POST', '/v1/platform/sessions', {
      body: { email: inviter, password: TEST_PASSWORD, tenantId: tenant.tenantId },
    });
    session = signedIn.body.token;
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });

  it('emails the link after the invitation is made: recipient, subject, brand, public URL; the link redeems', async () => {
    const email = testEmail('mailed');
    const before = smtp.received.length;
    const res = await t.request('POST', I, {
      token: session,
      body: { email, name: 'Grace <script>alert(1)</script>', role: 'support' },
      // An attacker-chosen Origin: with a public URL it is never the link's host.
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(201);
    expect(res.body.delivery).toEqual({ status: 'sent' });
    expect(res.body.acceptUrl).toBe(`${PUBLIC_URL}/#/accept?token=${res.body.token}`);

    expect(smtp.received).toHaveLength(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.envelope.to).toEqual([email]);
    expect(mail.envelope.from).toBe('invites@example.test');
    const { parsed } = mail;
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : null).toEqual([
      { address: email, name: 'Grace <script>alert(1)</script>' },
    ]);
    expect(parsed.from?.value).toEqual([
      { address: 'invites@example.test', name: 'Nimbus Bcc: brand@evil.test' },
    ]);
    expect(parsed.subject).toBe(
      'Ada X-Injected: inviter invited you to join Acme <b>Shop</b> X-Injected: tenant on Nimbus Bcc: brand@evil.test',
    );
    // Header injection: no name added a header or a recipient.
    expect(parsed.headers.has('x-injected')).toBe(false);
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.cc).toBeUndefined();

    const text = parsed.text ?? '';
    expect(linkIn(text)).toEqual({ url: res.body.acceptUrl, token: res.body.token });
    expect(text).not.toContain('evil.example');
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    expect(html).toContain(`href="${res.body.acceptUrl}"`);
    expect(html).toContain('Grace &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Acme &lt;b&gt;Shop&lt;/b&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Shop');
    expect(html).toContain('#7c3aed');

    // The emailed token redeems through the real accept endpoint, once.
    const accepted = await t.request('POST', `${I}/accept`, {
      body: { token: linkIn(text).token, password: 'chosen by the invitee' },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ email, role: 'support' });
    const again = await t.request('POST', `${I}/accept`, {
      body: { token: linkIn(text).token, password: 'chosen by the invitee' },
    });
    expect(again.status).toBe(404);
  });

  it('a keyed retry replays the outcome without sending again', async () => {
    const body = { email: testEmail('keyed'), name: 'Keyed', role: 'support' };
    const headers = { 'idempotency-key': `invite-${body.email}` };
    const first = await t.request('POST', I, { token: session, body, headers });
    expect(first.status).toBe(201);
    expect(first.body.delivery).toEqual({ status: 'sent' });
    const sent = smtp.received.length;
    const replay = await t.request('POST', I, { token: session, body, headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(smtp.received).toHaveLength(sent);
  });

  it('an SMTP server that refuses the credentials: the invitation exists, its email failed', async () => {
    const wrong = await startTestServer(kind, {
      server: {
        publicUrl: PUBLIC_URL,
        email: { smtpUrl: smtp.url.replace(/^smtp:\/\/mailer:/, 'smtp://mailer:wrong') },
      },
    });
    try {
      const owner = await createTenant(wrong);
      const before = smtp.received.length;
      const res = await wrong.request('POST', I, {
        token: owner.secretKey,
        body: { email: testEmail('refused'), name: 'Refused', role: 'support' },
      });
      expect(res.status).toBe(201);
      expect(res.body.delivery).toEqual({ status: 'failed' });
      expect(smtp.received).toHaveLength(before);
      const list = await wrong.request('GET', I, { token: owner.secretKey });
      expect(list.body.data.map((i: { id: string }) => i.id)).toContain(res.body.id);
    } finally {
      await wrong.stop();
    }
  });
});

describe.each(DATABASES)('invitation emails to a dead or hanging SMTP server (%s)', (kind) => {
  let t: TestServer;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let dead: TestServer;
  // Every log line of both servers, at the most verbose level.
  const logs: string[] = [];
  const logging = { logLevel: 'debug' as const, logWrite: (line: string) => void logs.push(line) };

  beforeAll(async () => {
    silent = await startSilentServer();
    // The silent server's port serves one instance, a closed port the other; the same database kind.
    t = await startTestServer(kind, {
      server: {
        ...logging,
        publicUrl: PUBLIC_URL,
        email: { smtpUrl: `smtp://127.0.0.1:${silent.port}`, timeoutMs: 300 },
      },
    });
    dead = await startTestServer(kind, {
      databaseUrl: t.databaseUrl,
      server: {
        ...logging,
        publicUrl: PUBLIC_URL,
        email: { smtpUrl: `smtp://127.0.0.1:${await closedPort()}` },
      },
    });
  });
  afterAll(async () => {
    await dead?.stop();
    await t?.stop();
    await silent?.stop();
  });

  it.each([
    ['refuses connections', () => dead],
    ['accepts and never answers (deadline)', () => t],
  ])('a server that %s: created, status failed, and the shown link still redeems', async (_, server) => {
    const s = server();
    const owner = await createTenant(s);
    const res = await s.request('POST', I, {
      token: owner.secretKey,
      body: { email: testEmail('dead'), name: 'Dead', role: 'support' },
    });
    expect(res.status).toBe(201);
    expect(res.body.delivery).toEqual({ status: 'failed' });
    expect(res.body.acceptUrl).toBe(`${PUBLIC_URL}/#/accept?token=${res.body.token}`);
    // The failure is logged, the message and its link are not.
    expect(logs.some((line) => JSON.parse(line).msg === 'email not sent')).toBe(true);
    expect(logs.filter((line) => line.includes(res.body.token))).toEqual([]);
    const accepted = await s.request('POST', `${I}/accept`, {
      body: { token: res.body.token, password: 'chosen by the invitee' },
    });
    expect(accepted.status).toBe(201);
  });
});

describe.each(DATABASES)('the development outbox (%s)', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { server: { publicUrl: PUBLIC_URL, email: { outbox: true } } });
  });
  afterAll(() => t?.stop());

  it("keeps each tenant's emails in memory for its owners only", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const email = testEmail('outbox');
    const res = await t.request('POST', I, {
      token: a.secretKey,
      body: { email, name: 'Outboxed', role: 'admin' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(201);
    expect(res.body.delivery).toEqual({ status: 'sent' });

    const outbox = await t.request('GET', '/v1/platform/outbox/messages', { token: a.secretKey });
    expect(outbox.status).toBe(200);
    expect(outbox.headers.get('cache-control')).toContain('no-store');
    expect(outbox.body.enabled).toBe(true);
    expect(outbox.body.data).toHaveLength(1);
    const [message] = outbox.body.data;
    expect(message).toMatchObject({ object: 'outbox_message', to: email, toName: 'Outboxed' });
    expect(message.id).toMatch(/^eml_/);
    expect(linkIn(message.text)).toEqual({ url: res.body.acceptUrl, token: res.body.token });
    expect(message.html).toContain(`href="${res.body.acceptUrl}"`);

    // Another tenant's owner sees none of it; an admin of the same tenant may not read it (an
    // owner's invitation link would make them an owner).
    const other = await t.request('GET', '/v1/platform/outbox/messages', { token: b.secretKey });
    expect(other.body).toEqual({ enabled: true, data: [] });
    const admin = await t.request('POST', '/v1/platform/users', {
      token: a.secretKey,
      body: { email: testEmail('admin'), name: 'Admin', role: 'admin', password: TEST_PASSWORD },
    });
    const session = await t.request('POST', '/v1/platform/sessions', {
      body: { email: admin.body.email, password: TEST_PASSWORD, tenantId: a.tenantId },
    });
    const refused = await t.request('GET', '/v1/platform/outbox/messages', { token: session.body.token });
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
  });

  it('a server without an outbox says so, with no message', async () => {
    const plain = await startTestServer(kind, { databaseUrl: t.databaseUrl });
    try {
      const owner = await createTenant(plain);
      const res = await plain.request('GET', '/v1/platform/outbox/messages', { token: owner.secretKey });
      expect([res.status, res.body]).toEqual([200, { enabled: false, data: [] }]);
    } finally {
      await plain.stop();
    }
  });
});

describe('email settings', () => {
  it('email without a public URL, or a public URL that is not https (but localhost), is refused at start', async () => {
    await expect(
      createServer({ logLevel: 'silent', email: { smtpUrl: 'smtp://127.0.0.1:2525' } }),
    ).rejects.toThrow(/email needs publicUrl/);
    await expect(
      createServer({ logLevel: 'silent', publicUrl: 'http://dashboard.example.test' }),
    ).rejects.toThrow(/publicUrl must use https:/);
    await expect(
      createServer({
        logLevel: 'silent',
        publicUrl: 'https://dashboard.example.test',
        email: { smtpUrl: 'http://127.0.0.1:2525' },
      }),
    ).rejects.toThrow(/smtp:\/\/ or smtps:\/\//);
    await expect(
      createServer({
        logLevel: 'silent',
        publicUrl: 'https://dashboard.example.test',
        email: { smtpUrl: 'smtp://127.0.0.1:2525', outbox: true },
      }),
    ).rejects.toThrow(/not with smtpUrl/);
  });
});
