import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type AgentStackServer, createServer, type ServerOptions } from '../src/app';
import { createOperatorKey } from '../src/modules/platform/operators/service';

/** The databases server tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES: Array<'pglite' | 'postgres'> = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** Redis for the tests of shared limits (`TEST_REDIS_URL`); they skip, saying so, without it. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

/** A key prefix of its own for one test's Redis keys, so parallel runs on one Redis never meet. */
export function redisTestPrefix(): string {
  return `agentstack-test:${randomBytes(6).toString('hex')}:`;
}

/** Creates an empty PostgreSQL database for one test file; `drop()` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL is not set');
  const name = `agentstack_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * The server key of every test server (each instance of a test shares it, as a deployment's
 * instances must): webhook secrets are sealed under it.
 */
export const TEST_SECRET_KEY = 'test-server-key-0123456789abcdefghijklmnopqrstuvwxyz';

const UNLIMITED = { perSecond: 1_000_000, burst: 1_000_000 };
/**
 * Rate limits no test reaches (tests that are not about them send bursts), still applied, so
 * every request goes through the limiter and carries its headers. Rate-limit tests pass their own.
 */
export const UNLIMITED_RATES = {
  tiers: { starter: UNLIMITED, growth: UNLIMITED, scale: UNLIMITED, enterprise: UNLIMITED },
  operator: UNLIMITED,
  agency: UNLIMITED,
  anonymous: UNLIMITED,
};

/** A response as tests read it. */
export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A running server on a free port with a fresh database and an operator key. */
export interface TestServer {
  url: string;
  server: AgentStackServer;
  operatorKey: string;
  databaseUrl?: string;
  /** Sends a request; `token` becomes `Authorization: Bearer`. */
  request<T = any>(
    method: string,
    path: string,
    init?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<TestResponse<T>>;
  stop(): Promise<void>;
}

/**
 * Starts a real HTTP server on a fresh database of `kind`. Pass `databaseUrl` to start a second
 * instance on the same PostgreSQL database.
 */
export async function startTestServer(
  kind: 'pglite' | 'postgres',
  options: { databaseUrl?: string; server?: ServerOptions } = {},
): Promise<TestServer> {
  let dropDb: (() => Promise<void>) | undefined;
  let databaseUrl = options.databaseUrl;
  if (kind === 'postgres' && !databaseUrl) {
    const created = await createPostgresDatabase();
    databaseUrl = created.url;
    dropDb = created.drop;
  }
  const server = await createServer({
    logLevel: 'silent',
    authCacheTtlMs: 0,
    databaseUrl,
    poolSize: 20,
    validateResponses: true,
    rateLimits: UNLIMITED_RATES,
    // Tests run their webhook receivers on 127.0.0.1; the refusal has tests of its own.
    allowPrivateWebhooks: true,
    secretKey: TEST_SECRET_KEY,
    ...options.server,
  });
  const { url } = await server.start({ port: 0 });
  const { secret: operatorKey } = await createOperatorKey(server.context.db, 'tests');
  return {
    url,
    server,
    operatorKey,
    databaseUrl,
    request: (method, path, init = {}) => send(url, method, path, init),
    async stop() {
      await server.stop();
      await dropDb?.();
    },
  };
}

async function send(
  base: string,
  method: string,
  path: string,
  init: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
): Promise<TestResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** Creates a tenant through the operator API and a secret and publishable key for it. */
export async function createTenant(
  t: TestServer,
  overrides: Record<string, unknown> = {},
): Promise<{ tenantId: string; secretKey: string; publishableKey: string }> {
  const tenant = await t.request('POST', '/v1/platform/tenants', {
    token: t.operatorKey,
    body: {
      name: `Tenant ${randomBytes(3).toString('hex')}`,
      subscription: { platform: 'growth', commerce: 'commerce_growth', fintech: null, social: null },
      ...overrides,
    },
  });
  if (tenant.status !== 201)
    throw new Error(`tenant create failed: ${tenant.status} ${JSON.stringify(tenant.body)}`);
  const sk = await t.request('POST', `/v1/platform/tenants/${tenant.body.id}/api-keys`, {
    token: t.operatorKey,
    body: { type: 'secret', name: 'test secret' },
  });
  const pk = await t.request('POST', `/v1/platform/tenants/${tenant.body.id}/api-keys`, {
    token: t.operatorKey,
    body: { type: 'publishable', name: 'test publishable' },
  });
  if (sk.status !== 201 || pk.status !== 201)
    throw new Error(`key create failed: ${sk.status} ${pk.status} ${JSON.stringify(sk.body)}`);
  return { tenantId: tenant.body.id, secretKey: sk.body.secret, publishableKey: pk.body.secret };
}

/** The password every test user gets. */
export const TEST_PASSWORD = 'correct horse battery';
let emailSeq = 0;

/** A unique email address for a test user. */
export function testEmail(tag: string): string {
  return `${tag}.${++emailSeq}.${Date.now()}@example.test`;
}

/** Creates a dashboard user with `role` through the API (password {@link TEST_PASSWORD}). */
export async function createUser(
  t: TestServer,
  key: string,
  role: string,
  email = testEmail(role),
): Promise<{ id: string; email: string; role: string }> {
  const res = await t.request('POST', '/v1/platform/users', {
    token: key,
    body: { email, name: `A ${role}`, role, password: TEST_PASSWORD },
  });
  if (res.status !== 201) throw new Error(`user create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Signs a test user in and returns the session token. */
export async function signIn(t: TestServer, email: string, tenantId?: string): Promise<string> {
  const res = await t.request('POST', '/v1/platform/sessions', {
    body: { email, password: TEST_PASSWORD, tenantId },
  });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** Server options that keep emails in the development outbox (customers' sign-up codes arrive there). */
export const EMAIL_OUTBOX = {
  publicUrl: 'http://localhost:4000',
  email: { outbox: true },
} satisfies ServerOptions;

/** The password of customers made by {@link createCustomer}. */
export const CUSTOMER_PASSWORD = 'shopper password 1';

/**
 * Signs a customer up at the store of `keys` and redeems the emailed code (the server must run
 * with {@link EMAIL_OUTBOX}); returns the customer's id, email and token (`cst_…`).
 */
export async function createCustomer(
  t: TestServer,
  keys: { publishableKey: string; secretKey: string },
  email = testEmail('shopper'),
): Promise<{ id: string; email: string; token: string }> {
  const started = await t.request('POST', '/v1/commerce/customers/sign-up', {
    token: keys.publishableKey,
    body: { email, password: CUSTOMER_PASSWORD },
  });
  if (started.status !== 201)
    throw new Error(`sign-up failed: ${started.status} ${JSON.stringify(started.body)}`);
  const outbox = await t.request('GET', '/v1/platform/outbox/messages', { token: keys.secretKey });
  const message = (outbox.body?.data ?? []).find((m: { to: string }) => m.to === email.toLowerCase());
  const code = /cvt_[0-9A-Za-z]+/.exec(message?.text ?? '')?.[0];
  if (!code) throw new Error('no sign-up code in the outbox: start the server with EMAIL_OUTBOX');
  const verified = await t.request('POST', '/v1/commerce/customers/verify', {
    token: keys.publishableKey,
    body: { token: code },
  });
  if (verified.status !== 201)
    throw new Error(`verify failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  return { id: verified.body.customer.id, email: verified.body.customer.email, token: verified.body.token };
}
