import ky, { type KyInstance } from 'ky';
import type { commerceContract, platformContract } from './contract/api';
import type { ServerSentEvent } from './contract/operation';
import { API_VERSION, DEFAULT_BASE_URL } from './defaults';
import {
  type AgentStackError,
  ConnectionError,
  errorFromResponse,
  parseRetryAfter,
  TimeoutError,
} from './errors';
import { type Page, type PageParams, PagePromise } from './pagination';
import { Realtime } from './realtime';
import { bindDomain, type DomainOf } from './resource';
import { commerceRoutes, platformRoutes, realtimeRoutes } from './routes';
import { sleep } from './sleep';
import { jsonServerSentEvents } from './sse';
import { Webhooks } from './webhooks';

export { API_VERSION, DEFAULT_BASE_URL };

/** Options of {@link AgentStack}. */
export interface AgentStackOptions {
  /**
   * The bearer credential: a secret key (`sk_…`, servers only), a publishable key (`pk_…`,
   * browsers), an operator key (`op_…`) or a session token (`sess_…`). Required; pass `null`
   * explicitly to call public routes (e.g. `platform.sessions.create` to sign in) without one.
   */
  apiKey: string | null;
  /**
   * A signed-in shopper's customer token (`cst_…`, answered by `commerce.customers.signIn` or
   * `verify`). When set it is the bearer credential instead of `apiKey`: it carries what the
   * tenant's publishable key may do plus the shopper's own account. A browser store keeps its
   * publishable key as `apiKey` and switches with `withOptions({ customerToken })` at sign-in and
   * `withOptions({ customerToken: null })` at sign-out.
   *
   * @example
   * ```ts
   * const store = new AgentStack({ apiKey: 'pk_…', baseUrl });
   * const { token } = await store.commerce.customers.signIn({ email, password });
   * const shopper = store.withOptions({ customerToken: token });
   * await shopper.commerce.customers.me();
   * ```
   */
  customerToken?: string | null;
  /** Where the API lives, without `/v1`. Defaults to `http://localhost:4000`. */
  baseUrl?: string;
  /** Milliseconds one attempt may take before it is aborted (and retried if allowed). Defaults to 30 000 (30 s). */
  timeout?: number;
  /** How many times a failed request is retried (see {@link RequestOptions.maxRetries}). Defaults to 2. */
  maxRetries?: number;
  /** A `fetch` implementation to use instead of `globalThis.fetch` (looked up per request). */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request. Cannot override `Authorization`. */
  headers?: Record<string, string>;
  /** The dated API version to send as `AgentStack-Version`. Defaults to {@link API_VERSION}. */
  apiVersion?: string;
}

/** Per-call options: the last argument of every SDK method. */
export interface RequestOptions {
  /** Aborts the call, including any wait between retries; the promise rejects with `signal.reason`. */
  signal?: AbortSignal;
  /**
   * The `Idempotency-Key` of a POST. Defaults to a fresh `crypto.randomUUID()` per call, reused by
   * its retries. Pass your own to make a retry of your own (e.g. after a crash) safe.
   */
  idempotencyKey?: string;
  /** Overrides the client's per-attempt `timeout` (ms) for this call. */
  timeout?: number;
  /**
   * Overrides the client's `maxRetries` for this call. Retried: connection errors, timeouts, 408,
   * 429, 5xx and `409 idempotency_in_progress` — for GET, DELETE and POST (every POST carries an
   * idempotency key), never for PATCH. Waits `Retry-After` when given (up to 60 s; longer fails at
   * once), else exponential backoff from 0.5 s to 8 s with jitter.
   */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /**
   * A cart's token (answered once by `commerce.carts.create`), sent as `AgentStack-Cart-Token`:
   * a publishable key needs it on every call on that cart.
   */
  cartToken?: string;
}

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Query parameters: `undefined` values are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined>;

/** `client.platform`: one resource per operation group of the platform contract. */
export type Platform = DomainOf<typeof platformContract>;
/** `client.commerce`: one resource per operation group of the commerce contract. */
export type Commerce = DomainOf<typeof commerceContract>;

const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * The AgentStack API client.
 *
 * @example
 * ```ts
 * import { AgentStack, isPlanLimitError } from '@agentstack/sdk';
 *
 * const client = new AgentStack({ apiKey: process.env.AGENTSTACK_SECRET_KEY!, baseUrl: 'https://api.example.com' });
 *
 * const product = await client.commerce.products.create({
 *   title: 'Linen apron',
 *   price: { amount: 3900, currency: 'EUR' },
 * });
 * for await (const p of client.commerce.products.list({ status: 'active', limit: 100 })) {
 *   console.log(p.id, p.title);
 * }
 * ```
 */
export class AgentStack {
  /** Platform: who am I, entitlements, brand, plans, tenants, agencies, API keys, users, sessions. */
  readonly platform: Platform;
  /** Commerce: products. */
  readonly commerce: Commerce;
  /** Realtime: the tenant's live events (`subscribe`), and tokens for a browser's `EventSource`. */
  readonly realtime: Realtime;
  /** Webhooks: `verify` the signature of a delivery to one of your endpoints. */
  readonly webhooks: Webhooks;

  readonly #options: AgentStackOptions;
  readonly #ky: KyInstance;
  readonly #timeout: number;
  readonly #maxRetries: number;

  constructor(options: AgentStackOptions) {
    if (options?.apiKey !== null && (typeof options?.apiKey !== 'string' || options.apiKey === '')) {
      throw new TypeError(
        'AgentStack: `apiKey` is required (an sk_, pk_, op_ key or a session token; `null` for public routes only).',
      );
    }
    this.#options = { ...options };
    const bearer = options.customerToken || options.apiKey;
    this.#timeout = options.timeout ?? 30_000;
    this.#maxRetries = options.maxRetries ?? 2;
    const customFetch = options.fetch;
    this.#ky = ky.create({
      prefixUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      // Retries are decided in `request` below: they need the parsed problem body (409
      // idempotency_in_progress), must refuse an over-long Retry-After rather than clamp it, and
      // must apply to keyed POSTs.
      retry: 0,
      throwHttpErrors: false,
      ...(customFetch ? { fetch: (input, init) => customFetch(input, init) } : {}),
      headers: {
        ...options.headers,
        accept: 'application/json',
        ...(bearer && { authorization: `Bearer ${bearer}` }),
        'agentstack-version': options.apiVersion ?? API_VERSION,
      },
    });
    this.platform = bindDomain<typeof platformContract>(this, platformRoutes);
    this.commerce = bindDomain<typeof commerceContract>(this, commerceRoutes);
    this.realtime = new Realtime(this, realtimeRoutes);
    this.webhooks = new Webhooks();
  }

  /**
   * A new client with some options replaced, e.g. the session token after sign-in.
   *
   * @example
   * ```ts
   * const session = await client.platform.sessions.create({ email, password });
   * const dashboard = client.withOptions({ apiKey: session.token });
   * ```
   */
  withOptions(overrides: Partial<AgentStackOptions>): AgentStack {
    return new AgentStack({ ...this.#options, ...overrides });
  }

  /**
   * Sends one API request with auth, JSON, idempotency, retries and error mapping: the helper every
   * resource method is built on, public as an escape hatch for endpoints the SDK does not wrap yet.
   * Resolves with the parsed JSON body (`undefined` for an empty one); rejects with an
   * {@link AgentStackError} subclass, or with `signal.reason` when aborted.
   *
   * @example
   * ```ts
   * const product = await client.request<Product>('GET', '/v1/commerce/products/prod_123');
   * ```
   */
  async request<T>(
    method: HttpMethod,
    path: string,
    init: { query?: QueryParams | undefined; body?: unknown } = {},
    options: RequestOptions = {},
  ): Promise<T> {
    const { signal } = options;
    const timeout = options.timeout ?? this.#timeout;
    const maxRetries = options.maxRetries ?? this.#maxRetries;
    const retryable = method !== 'PATCH';
    const headers: Record<string, string> = { ...options.headers };
    if (options.cartToken) headers['agentstack-cart-token'] = options.cartToken;
    if (method === 'POST') headers['idempotency-key'] = options.idempotencyKey ?? uuid();

    for (let attempt = 0; ; attempt++) {
      const canRetry = retryable && attempt < maxRetries;
      let response: Response;
      try {
        response = await this.#ky(path.replace(/^\//, ''), {
          method,
          headers,
          timeout,
          ...(init.body !== undefined ? { json: init.body } : {}),
          ...(init.query ? { searchParams: definedOnly(init.query) } : {}),
          ...(signal ? { signal } : {}),
        });
      } catch (cause) {
        signal?.throwIfAborted();
        const error =
          cause instanceof Error && cause.name === 'TimeoutError'
            ? new TimeoutError(timeout, cause)
            : new ConnectionError(cause);
        if (!canRetry) throw error;
        await sleep(backoff(attempt), signal);
        continue;
      }
      if (response.ok) {
        const text = await response.text();
        try {
          return (text ? JSON.parse(text) : undefined) as T;
        } catch {
          // A proxy's HTML page with a 200: still an AgentStackError (code `unknown_error`), not a SyntaxError.
          throw errorFromResponse(response.status, text, response.headers, response.statusText);
        }
      }
      const error = errorFromResponse(
        response.status,
        await response.text(),
        response.headers,
        response.statusText,
      );
      const delay = canRetry ? retryDelay(error, attempt) : null;
      if (delay === null) throw error;
      await sleep(delay, signal);
    }
  }

  /**
   * Opens a Server-Sent Events stream (`GET`, no retries, no timeout once it answered) and yields
   * its messages with their `data` parsed as JSON; ends when the server ends the stream, rejects
   * with an {@link AgentStackError} when it answers an error. {@link Realtime.subscribe} adds
   * reconnection and resumption on top.
   */
  async *stream<T>(
    path: string,
    query?: QueryParams,
    options: RequestOptions = {},
  ): AsyncGenerator<ServerSentEvent<T> & { retry?: number }, void, undefined> {
    const timeout = options.timeout ?? this.#timeout;
    const { signal } = options;
    signal?.throwIfAborted();
    // The wait for the answer is bounded here: ky's own timeout would also cut the stream.
    const controller = new AbortController();
    const abort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    let response: Response;
    try {
      response = await this.#ky(path.replace(/^\//, ''), {
        method: 'GET',
        timeout: false,
        headers: { ...options.headers, accept: 'text/event-stream' },
        ...(query ? { searchParams: definedOnly(query) } : {}),
        signal: controller.signal,
      });
    } catch (cause) {
      signal?.removeEventListener('abort', abort);
      signal?.throwIfAborted();
      throw timedOut ? new TimeoutError(timeout, cause) : new ConnectionError(cause);
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok || !response.body) {
      throw errorFromResponse(response.status, await response.text(), response.headers, response.statusText);
    }
    try {
      yield* jsonServerSentEvents<T>(response.body);
    } catch (cause) {
      signal?.throwIfAborted();
      throw new ConnectionError(cause);
    } finally {
      signal?.removeEventListener('abort', abort);
      controller.abort();
    }
  }

  /**
   * Lists a collection as a {@link PagePromise}: awaiting gives the first page, iterating gives
   * every item across pages.
   */
  list<T, P extends PageParams = PageParams>(
    path: string,
    params?: P,
    options?: RequestOptions,
  ): PagePromise<T, P> {
    return new PagePromise<T, P>(
      (query) => this.request<Page<T>>('GET', path, { query: query as unknown as QueryParams }, options),
      (params ?? {}) as P,
    );
  }
}

function definedOnly(query: QueryParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = String(value);
  return out;
}

/** Which failed responses are worth another attempt, and after how long; `null` = give up now. */
function retryDelay(error: AgentStackError, attempt: number): number | null {
  const status = error.status ?? 0;
  const transient =
    status === 408 ||
    status === 429 ||
    (status >= 500 && status !== 501 && status !== 505) ||
    error.code === 'idempotency_in_progress';
  if (!transient) return null;
  const after = parseRetryAfter(error.headers?.get('retry-after') ?? null);
  if (after === null) return backoff(attempt);
  return after <= MAX_RETRY_AFTER_MS ? after : null;
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so clients spread out. */
function backoff(attempt: number): number {
  const step = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** attempt);
  return step / 2 + Math.random() * (step / 2);
}

/** A v4 UUID. `crypto.randomUUID` exists only in secure contexts, so fall back to `getRandomValues`. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
