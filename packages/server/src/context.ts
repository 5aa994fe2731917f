import type { Brand } from '@agentstack/sdk/schemas';
import type { Context } from 'hono';
import type { Authenticator, Principal } from './auth/principal';
import type { Database, Db } from './db/client';
import type { Mailer } from './email/transport';
import type { EventDispatcher } from './events/dispatcher';
import type { EventHub } from './events/hub';
import type { IdempotencyStore } from './http/idempotency';
import type { RateLimiter } from './http/rateLimit';
import type { ApiCallMeter } from './metering/apiCalls';
import type { SignInLimiter } from './modules/platform/sessions/limiter';
import type { RealtimeStreams } from './modules/realtime/streams';
import type { Logger } from './observability/logger';
import type { Metrics } from './observability/metrics';
import type { WebhookRuntime } from './webhooks/options';

/** Per-request variables on the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal | null;
    /** A write's body, read by the `readBody` middleware (see `bodyText`). */
    body?: Uint8Array;
  };
}

/** The server's shared parts, handed to every route and service. */
export interface AppContext {
  database: Database;
  db: Db;
  auth: Authenticator;
  idempotency: IdempotencyStore;
  log: Logger;
  metrics: Metrics;
  /** Pages each cached list (see `cachedList`) keeps per instance; 0 disables caching. */
  listCacheEntries: number;
  /** Bytes each cached list keeps per instance (see `VersionedCache`). */
  listCacheBytes: number;
  /** Sends emails (invitations); `email.configured` is false when no transport is set. */
  email: Mailer;
  /** The dashboard's public address (ends with `/`), or `null`: links then follow the request. */
  publicUrl: string | null;
  /** The brand shown to tenants without an agency. */
  defaultBrand: Brand;
  /** Counts sign-in attempts per email and client address, across instances. */
  signInLimiter: SignInLimiter;
  /** The client's address (see `ServerOptions.trustProxy`). */
  clientAddress(c: Context): string;
  /** Committed events fanned out to this instance's subscribers (the realtime stream). */
  events: EventHub;
  /** This instance's open realtime (SSE) streams. */
  realtime: RealtimeStreams;
  /** Delivers events to handlers and runs background tasks; absent when `dispatch: false`. */
  dispatcher?: EventDispatcher;
  /** API rate limits, or `null` when turned off (`ServerOptions.rateLimits: false`). */
  rateLimiter: RateLimiter | null;
  /** Counts API calls per tenant per day, or `null` when turned off (`ServerOptions.metering: false`). */
  meter: ApiCallMeter | null;
  /** Outgoing webhooks: sending options, the private-receiver policy and the secret box. */
  webhooks: WebhookRuntime;
}
