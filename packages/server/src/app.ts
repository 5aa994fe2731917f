import type { Server } from 'node:http';
import { join } from 'node:path';
import { allOperations } from '@agentstack/sdk/contract';
import type { Brand } from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { routePath } from 'hono/route';
import { en } from 'zod/locales';
import { z } from 'zod/mini';
import { Authenticator, REVOCATION_CHANNEL } from './auth/principal';
import type { AppContext, AppEnv } from './context';
import { openDatabase, retryOnDeadConnection } from './db/client';
import { OutboxTransport } from './email/outbox';
import { parseEmailAddress, parsePublicUrl } from './email/settings';
import { DEFAULT_EMAIL_TIMEOUT_MS, type EmailOptions, Mailer, smtpTransport } from './email/transport';
import {
  type BackgroundTask,
  EventDispatcher,
  type EventHandler,
  registeredEventHandlers,
} from './events/dispatcher';
import { EventHub } from './events/hub';
import { NatsTransport } from './events/nats';
import { EVENTS_CHANNEL } from './events/outbox';
import { pruneEvents } from './events/store';
import { clientAddress } from './http/clientAddress';
import { cors } from './http/cors';
import { DOCS_SCRIPT_PATH, docsAsset, renderDocs, renderHome } from './http/docs';
import {
  answerClientErrors,
  EDGE_DEFAULTS,
  type EdgeLimits,
  httpServerOptions,
  limitUrl,
  readBody,
  unmatched,
} from './http/edge';
import { ApiError, problemResponse } from './http/errors';
import { IdempotencyStore } from './http/idempotency';
import { buildOpenApi } from './http/openapi';
import { MemoryRateLimitStore, RateLimiter, type RateLimitOptions } from './http/rateLimit';
import { RedisRateLimitStore } from './http/rateLimitRedis';
import { ApiRouter } from './http/route';
import { DEFAULT_CACHE_BYTES } from './http/versionedCache';
import { ApiCallMeter, type MeterOptions } from './metering/apiCalls';
import { registerModules } from './modules';
import {
  DatabaseSignInLimiter,
  DEFAULT_SIGN_IN_POLICY,
  RedisSignInLimiter,
  type SignInPolicy,
} from './modules/platform/sessions/limiter';
import { type RealtimeOptions, RealtimeStreams } from './modules/realtime/streams';
import { errorFields } from './observability/errorFields';
import { createLogger, type Logger, type LogLevel } from './observability/logger';
import { Metrics } from './observability/metrics';
import { stripePaymentProvider } from './payments/stripe';
import { closeRedis, openRedis } from './redis';
import { WEBHOOK_TASK, WEBHOOKS_CHANNEL, webhookMetrics } from './webhooks/deliveries';
import { WEBHOOK_DEFAULTS, type WebhookOptions } from './webhooks/options';
import { openSecretBox } from './webhooks/secretBox';

z.config(en());

// Request ids: a random per-process prefix and a counter — unique, sortable per process, and
// without a call into the CSPRNG on every request.
const REQUEST_ID_PREFIX = newId('req').slice(0, 20);
let requestCounter = 0;
const nextRequestId = () => `${REQUEST_ID_PREFIX}${(requestCounter++).toString(36).padStart(8, '0')}`;

/** The API version this server speaks (`AgentStack-Version`). */
export const API_VERSION = '2026-11-01';
const KNOWN_VERSIONS = new Set([API_VERSION]);

/**
 * Options of {@link createServer}. The edge limits ({@link EdgeLimits}) bound what one client may
 * send and for how long: `maxBodyBytes` (1 MiB), `maxUrlLength` (8,192 characters),
 * `maxHeaderBytes` (16 KiB), `headersTimeoutMs` (10 s), `bodyTimeoutMs` (10 s) and
 * `requestTimeoutMs` (30 s), `keepAliveTimeoutMs` (65 s) — defaults in parentheses.
 */
export interface ServerOptions extends Partial<EdgeLimits> {
  /** PostgreSQL URL. When absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder. Defaults to in-memory (`memory://`) — the CLI passes `./.agentstack-data`. */
  dataDir?: string;
  /** Log level. Defaults to `info`. */
  logLevel?: LogLevel;
  /** Where log lines go. Defaults to stdout. */
  logWrite?: (line: string) => void;
  /** Origins allowed by CORS on `/v1`. Defaults to `*` (bearer tokens, no cookies). */
  corsOrigins?: string[] | '*';
  /** How long a resolved credential is cached per instance. Defaults to 5000 ms. */
  authCacheTtlMs?: number;
  /** PostgreSQL pool size. Defaults to 10. */
  poolSize?: number;
  /** List pages each cached list (the catalogue's) keeps per instance (0 disables). Defaults to 2,000. */
  listCacheEntries?: number;
  /** Bytes of pages each cached list keeps per instance. Defaults to 32 MiB. */
  listCacheBytes?: number;
  /** The brand tenants without an agency see. Defaults to a neutral, unbranded one. */
  defaultBrand?: Brand;
  /**
   * A proxy or load balancer in front sets `X-Forwarded-For`: take the client's address from its
   * last entry (sign-in limits count per address). Defaults to false (the socket's peer).
   */
  trustProxy?: boolean;
  /** Sign-in limits (per email, per client address, per pair). Defaults: {@link DEFAULT_SIGN_IN_POLICY}. */
  signInPolicy?: Partial<SignInPolicy>;
  /**
   * Checks every response against its operation's schema and answers 500 on a mismatch. For
   * tests: a handler that drifts from the contract then fails. Defaults to off.
   */
  validateResponses?: boolean;
  /** How often expired idempotency records are deleted (see `maintain()`); 0 turns it off. Defaults to 10 minutes. */
  maintenanceIntervalMs?: number;
  /**
   * Runs the event dispatcher and background tasks in this process (see `EventDispatcher`).
   * Defaults to true; `false` for API-only instances beside `agentstack-server worker` processes.
   */
  dispatch?: boolean;
  /** Event handlers besides the modules' own (embedding, tests). */
  eventHandlers?: EventHandler[];
  /** Background tasks besides the modules' own. */
  backgroundTasks?: BackgroundTask[];
  /** How often the dispatcher looks for work nobody announced. Defaults to 1,000 ms. */
  eventPollMs?: number;
  /** How long handled events are kept (realtime resumption, replays). Defaults to 7 days. */
  eventRetentionMs?: number;
  /**
   * The realtime stream's heartbeat, retry hint, per-client buffer, streams per tenant and token
   * lifetime (see {@link RealtimeOptions} for the defaults).
   */
  realtime?: Partial<RealtimeOptions>;
  /**
   * NATS with JetStream (`nats://…`): events are published to the `AGENTSTACK_EVENTS` stream
   * (subjects `agentstack.events.<tenantId>.<type>`) and realtime fan-out across instances goes
   * through it instead of the database's notifications. Defaults to none.
   */
  natsUrl?: string;
  /**
   * Redis (`redis://…`) for what instances share beyond the database: rate-limit buckets and
   * sign-in counts. Without it, rate limits are per instance (in memory) and sign-in counts live
   * in the database. The CLI reads `REDIS_URL`.
   */
  redisUrl?: string;
  /** Prefix of every Redis key, for several installations on one Redis. Defaults to `agentstack:`. */
  redisKeyPrefix?: string;
  /**
   * API rate limits: per tenant by platform tier (the catalogue's figures), per operator or
   * agency key, per client address without a credential; see {@link RateLimitOptions}. `false`
   * turns them off. Defaults to on, with the catalogue's figures.
   */
  rateLimits?: RateLimitOptions | false;
  /**
   * API-call metering: calls per tenant per UTC day, added up in memory and written every
   * `flushIntervalMs` (10 s) and at `stop()`; see {@link MeterOptions}. `false` turns it off.
   */
  metering?: MeterOptions | false;
  /**
   * The dashboard's public address (`https:`, or `http:` on localhost), e.g.
   * `https://dashboard.example.com/`: invitation links point at its `#/accept` page. Without it,
   * links shown to the inviter follow the request's `Origin`. Needed to send email, so that no
   * request header can choose the host of an emailed link. The CLI reads `PUBLIC_URL`.
   */
  publicUrl?: string;
  /**
   * Email (invitations): an SMTP URL or a transport of your own, the `From:` address and a
   * deadline; see {@link EmailOptions}. Needs `publicUrl`. Defaults to none: links are only
   * shown to the inviter. The CLI reads `SMTP_URL` and `EMAIL_FROM`.
   */
  email?: EmailOptions;
  /**
   * The server key that encrypts what must be read back (webhook signing secrets), AES-256-GCM:
   * at least 32 characters of random text, the same on every instance. The CLI reads
   * `AGENTSTACK_SECRET_KEY`. Without it: `secretKeyFile` on PGlite on disk, a random key for
   * PGlite in memory, and none on PostgreSQL (creating webhook endpoints then answers
   * `409 webhooks_not_configured`).
   */
  secretKey?: string;
  /** A file holding the server key, created (mode 0600) with a random one on first start. The CLI passes `<data-dir>/secret-key`. */
  secretKeyFile?: string;
  /**
   * Webhook receivers on private, loopback, link-local or unique-local addresses, and `http:`
   * URLs, are allowed (tests, the embedded demo, receivers inside your own network). Defaults to
   * false: such receivers are refused when saved and again, after resolving their name, when sent.
   */
  allowPrivateWebhooks?: boolean;
  /** Webhook sending: timeout, retry schedule, auto-disable rule; see {@link WebhookOptions}. */
  webhooks?: Partial<WebhookOptions>;
}

/** A created server: the Hono app and its lifecycle. */
export interface AgentStackServer {
  /** The Hono app; `app.fetch` serves requests without a socket. */
  app: Hono<AppEnv>;
  /** Shared parts (database, auth, logger…), for embedding and tests. */
  context: AppContext;
  /** Listens on `port` (0 picks a free one) and resolves with the base URL. */
  start(options?: { port?: number; hostname?: string }): Promise<{ url: string; port: number }>;
  /**
   * Deletes what has expired (stored idempotent replies past their 24 h, events past their
   * retention that every handler has handled). Runs every
   * `maintenanceIntervalMs` on its own; resolves with the number of rows removed.
   */
  maintain(): Promise<number>;
  /** Stops accepting connections, lets in-flight requests finish, writes the API-call counts, closes the database. */
  stop(): Promise<void>;
}

const NEUTRAL_BRAND: Brand = {
  name: 'Dashboard',
  logoUrl: null,
  primaryColor: '#2563eb',
  accentColor: '#0ea5e9',
  colorScheme: 'light',
};

/**
 * Creates the server: opens the database (PGlite or PostgreSQL), applies migrations, and builds
 * the Hono app with every module.
 *
 * @example
 * ```ts
 * const server = await createServer({ databaseUrl: process.env.DATABASE_URL });
 * const { url } = await server.start({ port: 4000 });
 * ```
 */
export async function createServer(options: ServerOptions = {}): Promise<AgentStackServer> {
  const log = createLogger(options.logLevel ?? 'info', options.logWrite);
  // Checked before anything opens: a wrong setting costs nothing.
  const { mailer, publicUrl } = emailSettings(options, log);
  const database = await openDatabase({
    url: options.databaseUrl,
    dataDir: options.dataDir,
    poolSize: options.poolSize,
    onIdleError: (error) => log.warn('idle database connection lost', { error: error.message }),
    onExposedDataDir: (detail) =>
      log.warn('data folder was readable or writable by other users; made it private (0700/0600)', detail),
  });
  const applied = await database.migrate();
  if (applied.length) log.info('migrations applied', { migrations: applied, database: database.kind });
  const redis = options.redisUrl
    ? await openRedis(options.redisUrl, log, { keyPrefix: options.redisKeyPrefix })
    : null;

  const context: AppContext = {
    database,
    db: database.db,
    auth: new Authenticator(database.db, options.authCacheTtlMs ?? 5000),
    idempotency: new IdempotencyStore(database.db),
    log,
    metrics: new Metrics(),
    listCacheEntries: options.listCacheEntries ?? 2000,
    listCacheBytes: options.listCacheBytes ?? DEFAULT_CACHE_BYTES,
    email: mailer,
    publicUrl,
    defaultBrand: options.defaultBrand ?? NEUTRAL_BRAND,
    signInLimiter: redis
      ? new RedisSignInLimiter(
          redis,
          new DatabaseSignInLimiter(database.db, options.signInPolicy),
          log,
          options.signInPolicy,
        )
      : new DatabaseSignInLimiter(database.db, options.signInPolicy),
    clientAddress: (c) => clientAddress(c, options.trustProxy ?? false),
    events: undefined as unknown as EventHub,
    realtime: undefined as unknown as RealtimeStreams,
    rateLimiter:
      options.rateLimits === false
        ? null
        : new RateLimiter(
            redis ? new RedisRateLimitStore(redis, log) : new MemoryRateLimitStore(),
            options.rateLimits,
          ),
    meter: options.metering === false ? null : new ApiCallMeter(database.db, log, options.metering),
    webhooks: {
      ...WEBHOOK_DEFAULTS,
      ...options.webhooks,
      allowPrivate: options.allowPrivateWebhooks ?? false,
      box: null,
    },
  };
  const secrets = openSecretBox({
    secretKey: options.secretKey,
    secretKeyFile:
      options.secretKeyFile ??
      (options.dataDir && !options.dataDir.includes('://')
        ? join(options.dataDir, 'agentstack-secret-key')
        : undefined),
    databaseUrl: options.databaseUrl,
  });
  context.webhooks.box = secrets.box;
  // The Stripe provider reads this server's tenants' credentials (sealed under the same box).
  const detachStripe = stripePaymentProvider.attach({ db: database.db, box: () => context.webhooks.box });
  if (!secrets.box) {
    log.warn(
      'no server key (AGENTSTACK_SECRET_KEY): webhook endpoints cannot be created until one is set on every instance',
    );
  }
  context.events = new EventHub(database.db, log);
  context.realtime = new RealtimeStreams(context, options.realtime);
  const nats = options.natsUrl ? await NatsTransport.connect(options.natsUrl, log) : undefined;
  const eventHandlers = [...(options.eventHandlers ?? []), ...(nats ? [nats.handler()] : [])];
  const dispatcher =
    options.dispatch === false
      ? undefined
      : new EventDispatcher(context, {
          handlers: eventHandlers,
          tasks: options.backgroundTasks,
          pollMs: options.eventPollMs,
        });
  context.dispatcher = dispatcher;

  // Revocations announced by any instance on the database drop this instance's cached principals.
  const unlisten = await database.listen(REVOCATION_CHANNEL, context.auth.listener);
  // Events committed by any instance: this instance's realtime subscribers read them, and its
  // dispatcher looks for work. After a lost connection comes back, everything is re-read.
  let eventsDown = false;
  const unlistenEvents = await database.listen(EVENTS_CHANNEL, {
    message(payload) {
      if (!nats) context.events.announce(payload.slice(0, payload.lastIndexOf(':')));
      dispatcher?.wake();
    },
    up() {
      if (eventsDown && !nats) context.events.announce();
      eventsDown = false;
      dispatcher?.wake();
    },
    down() {
      eventsDown = true;
    },
  });
  // Deliveries recorded or replayed on any instance: this instance's sender looks for due ones.
  const unlistenWebhooks = dispatcher
    ? await database.listen(WEBHOOKS_CHANNEL, {
        message: () => dispatcher.runTask(WEBHOOK_TASK),
        up: () => dispatcher.runTask(WEBHOOK_TASK),
        down() {},
      })
    : undefined;
  // With NATS, realtime streams hear of commits from NATS (published by the dispatcher).
  const unlistenNats = nats?.listen(context);
  dispatcher?.start();

  const limits: EdgeLimits = { ...EDGE_DEFAULTS };
  for (const key of Object.keys(EDGE_DEFAULTS) as Array<keyof EdgeLimits>) {
    if (options[key] !== undefined) limits[key] = options[key];
  }
  const app = new Hono<AppEnv>();
  let accepting = true;

  app.use('*', async (c, next) => {
    const incoming = c.req.header('request-id') ?? c.req.header('x-request-id');
    const requestId = incoming && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : nextRequestId();
    c.set('requestId', requestId);
    c.set('principal', null);
    const started = performance.now();
    // Headers go on before the handler runs: setting them on a finished response makes Hono
    // rebuild it, which costs node-server its fast path.
    c.header('Request-Id', requestId);
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routePath(c) || 'unmatched';
    context.metrics.observe(c.req.method, route, c.res.status, seconds);
    log.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      route,
      status: c.res.status,
      durationMs: Math.round(seconds * 100000) / 100,
      tenantId: c.get('principal')?.tenant?.id,
    });
  });
  app.use('*', limitUrl(limits.maxUrlLength));

  app.use(
    '/v1/*',
    cors({
      origins: options.corsOrigins ?? '*',
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'AgentStack-Version',
        'Request-Id',
        'Last-Event-ID',
        'AgentStack-Cart-Token',
      ],
      exposeHeaders: [
        'Request-Id',
        'Idempotent-Replayed',
        'Retry-After',
        'AgentStack-Version',
        'RateLimit',
        'RateLimit-Policy',
      ],
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      maxAge: 600,
    }),
  );
  // Bodies are read here, bounded in size and time, so that no route waits on a slow client.
  app.use('/v1/*', readBody(limits));
  app.use('/v1/*', async (c, next) => {
    const version = c.req.header('agentstack-version');
    if (version && !KNOWN_VERSIONS.has(version)) {
      throw new ApiError(
        400,
        'bad_request',
        `Unknown AgentStack-Version '${version}'. Supported: ${[...KNOWN_VERSIONS].join(', ')}.`,
        {
          param: 'AgentStack-Version',
        },
      );
    }
    c.header('AgentStack-Version', version ?? API_VERSION);
    await next();
  });

  // Someone who opens the bare address in a browser or curls it learns where to go next.
  app.get('/', (c) => {
    const links = { docs: '/docs', openapi: '/openapi.json', health: '/healthz', api: '/v1' };
    if (c.req.header('accept')?.includes('text/html')) return c.html(renderHome(API_VERSION));
    return c.json({ name: 'AgentStack API', version: API_VERSION, links });
  });
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (!accepting) return c.json({ status: 'stopping' }, 503);
    try {
      await retryOnDeadConnection(() => database.query('select 1'));
      return c.json({ status: 'ready', database: database.kind });
    } catch (error) {
      return c.json({ status: 'unavailable', error: (error as Error).message }, 503);
    }
  });
  app.get('/metrics', async (c) =>
    c.text(
      context.metrics.render([
        ...context.realtime.metrics(),
        ...(dispatcher ? await dispatcher.metrics() : []),
        ...(await webhookMetrics(context)),
      ]),
      200,
      {
        'content-type': 'text/plain; version=0.0.4',
      },
    ),
  );

  const router = new ApiRouter(app, context, { validateResponses: options.validateResponses });
  registerModules(router);
  const missing = allOperations().filter(({ operation }) => !router.operations.includes(operation));
  if (missing.length) throw new Error(`Operations without a route: ${missing.map((m) => m.id).join(', ')}`);
  let openapi: Record<string, unknown> | undefined;
  const document = () => (openapi ??= buildOpenApi(router.operations, { version: API_VERSION }));
  app.get('/openapi.json', (c) => c.json(document()));
  app.get('/docs', (c) => c.html(renderDocs('AgentStack API')));
  app.get(DOCS_SCRIPT_PATH, (c) => {
    const script = docsAsset();
    if (!script) throw new ApiError(404, 'route_not_found', 'The API reference renderer is not installed.');
    // Revalidated by ETag: the bundle only changes with the package version.
    c.header('Cache-Control', 'public, max-age=3600, must-revalidate');
    c.header('ETag', script.etag);
    c.header('Vary', 'Accept-Encoding');
    if (c.req.header('if-none-match') === script.etag) return c.body(null, 304);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      c.header('Content-Encoding', 'gzip');
      return c.body(script.gzipped);
    }
    return c.body(script.body);
  });

  // A known path with another method is 405 with Allow; anything else 404.
  app.notFound((c) => unmatched(app, c));
  app.onError((error, c) => {
    if (error instanceof ApiError) return problemResponse(c, error);
    log.error('unhandled error', { requestId: c.get('requestId'), ...errorFields(error) });
    return problemResponse(
      c,
      new ApiError(
        500,
        'internal_error',
        'Something went wrong on our side. Retry later, quoting the request id.',
      ),
    );
  });

  // Stored replies expire after 24 h; without a sweep the table would only grow.
  const retentionMs = options.eventRetentionMs ?? 7 * 24 * 3_600_000;
  const maintain = async () =>
    (await context.idempotency.sweep()) +
    (await pruneEvents(
      database.db,
      new Date(Date.now() - retentionMs),
      // Every handler's progress counts, whichever process dispatches (API-only instances too).
      [...registeredEventHandlers(), ...eventHandlers].map((h) => h.name),
    ));
  const interval = options.maintenanceIntervalMs ?? 10 * 60_000;
  const maintenance =
    interval > 0
      ? setInterval(() => {
          maintain().catch((error: Error) => log.warn('maintenance failed', { error: error.message }));
        }, interval).unref()
      : undefined;

  let server: ServerType | undefined;
  // Requests being answered (streams included), so stop() can close every connection once none
  // is: the rest are idle keep-alive connections, which would otherwise hold close() open until
  // their keepAliveTimeoutMs.
  let inFlight = 0;
  let whenNoneInFlight: (() => void) | undefined;
  const countInFlight = (_req: unknown, res: { once(event: 'close', fn: () => void): unknown }) => {
    inFlight++;
    res.once('close', () => {
      if (--inFlight === 0) whenNoneInFlight?.();
    });
  };
  return {
    app,
    context,
    async start({ port = 4000, hostname = '127.0.0.1' } = {}) {
      return new Promise((resolve, reject) => {
        server = serve(
          { fetch: app.fetch, port, hostname, serverOptions: httpServerOptions(limits) },
          (info) => {
            const url = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${info.port}`;
            resolve({ url, port: info.port });
          },
        );
        server.once('error', reject);
        server.on('request', countInFlight);
        answerClientErrors(server as Server, limits);
      });
    },
    maintain,
    async stop() {
      accepting = false;
      clearInterval(maintenance);
      // Open streams never finish on their own: end them, or closing the server would wait forever.
      context.realtime.closeAll();
      if (server) {
        const s = server;
        const closeAll = () => (s as Server).closeAllConnections();
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          // In-flight requests finish first; then nothing is left but idle connections.
          if (inFlight === 0) closeAll();
          else whenNoneInFlight = closeAll;
        });
      }
      await dispatcher?.stop();
      unlistenNats?.();
      await nats?.close();
      await unlistenEvents();
      await unlistenWebhooks?.();
      // Every request has been answered: the last counts are final.
      await context.meter?.stop();
      await unlisten();
      if (redis) await closeRedis(redis);
      detachStripe();
      await database.close();
      mailer.close();
    },
  };
}

/** The public URL and the mailer `options` describe; throws on a wrong setting. */
function emailSettings(options: ServerOptions, log: Logger): { mailer: Mailer; publicUrl: string | null } {
  const publicUrl = options.publicUrl ? parsePublicUrl(options.publicUrl) : null;
  const email = options.email ?? {};
  const timeoutMs = email.timeoutMs ?? DEFAULT_EMAIL_TIMEOUT_MS;
  const from = email.from ? parseEmailAddress(email.from) : null;
  if (email.outbox && (email.smtpUrl || email.transport)) {
    throw new Error('email.outbox keeps emails instead of sending them: not with smtpUrl or transport');
  }
  const transport =
    email.transport ??
    (email.smtpUrl ? smtpTransport(email.smtpUrl, timeoutMs) : email.outbox ? new OutboxTransport() : null);
  if (!transport) return { mailer: new Mailer(null, '', log, timeoutMs), publicUrl };
  if (!publicUrl) {
    transport.close?.();
    throw new Error(
      'email needs publicUrl (PUBLIC_URL, --public-url): emailed links never take their host from request headers',
    );
  }
  return {
    mailer: new Mailer(transport, from ?? `no-reply@${new URL(publicUrl).hostname}`, log, timeoutMs),
    publicUrl,
  };
}
