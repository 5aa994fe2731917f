import {
  type BodyOf,
  canonicalJson,
  type Operation,
  type PathParamsOf,
  parseJsonBody,
  type QueryOf,
  type ResponseOf,
  requireNoBody,
  type SchemaName,
  validate,
  validatePathParams,
  validateQuery,
} from '@agentstack/sdk/contract';
import { schemaRegistry } from '@agentstack/sdk/schemas';
import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import { type Principal, privateCredential, type TenantPrincipal } from '../auth/principal';
import type { AppContext, AppEnv } from '../context';
import { type Executor, retryOnDeadConnection } from '../db/client';
import { isRetryableConflict } from '../db/errors';
import { bodyText } from './edge';
import { ApiError } from './errors';
import { JsonText } from './versionedCache';

/** What a handler receives: validated input, the caller, and where to run queries. */
export interface HandlerContext<O extends Operation> {
  body: BodyOf<O>;
  query: QueryOf<O>;
  params: PathParamsOf<O>;
  /** The caller; `null` only on `public` operations called without a credential. */
  principal: Principal | null;
  /** The request's transaction on writes (POST/PATCH/DELETE), the database on reads. */
  db: Executor;
  app: AppContext;
  c: Context<AppEnv>;
  /** The caller as a tenant principal; operator keys get `403 forbidden`. */
  tenant(): TenantPrincipal;
  /** Runs `fn` once the request's transaction has committed (e.g. to drop caches). */
  afterCommit(fn: () => void): void;
}

/**
 * A handler of operation `O`: it must resolve with the operation's response type (checked at
 * compile time), or with that response already serialised ({@link JsonText}).
 */
export type Handler<O extends Operation> = (
  ctx: HandlerContext<O>,
) => Promise<ResponseOf<O> | JsonText<ResponseOf<O>>>;

/** What a streaming handler receives (see {@link ApiRouter.stream}). */
export interface StreamContext<O extends Operation> {
  query: QueryOf<O>;
  /** The caller: always a tenant's. */
  principal: TenantPrincipal;
  /** How the caller authenticated, to check it again while the stream lasts (kept in memory only). */
  credential: { header: string } | { token: string };
  app: AppContext;
  c: Context<AppEnv>;
}

/** An operation the router serves. */
export interface RegisteredOperation {
  operation: Operation;
}

/** How one operation is served, beyond its contract. */
export interface ImplementOptions<O extends Operation = Operation> {
  /**
   * `false`: a write's handler runs on the database instead of inside the request's transaction
   * (and opens its own for its effect) — for operations that must record something even when
   * they fail, such as sign-in attempts. Its credential is not re-checked in a transaction.
   */
  transaction?: false;
  /**
   * `true`: each write of the handler is one atomic statement that checks what it relies on
   * itself — an insert, or a write conditional on the version it read (see `changeCart` in the
   * cart service) — so it needs no transaction around it. A call with a publishable key then
   * runs the handler on the database: no BEGIN and COMMIT, and no re-read of the credential under
   * a share lock in a transaction. The key is the one authentication resolved, from this
   * instance's cache: a revoked publishable key keeps working on an instance until it hears of
   * the revocation (at once on the revoking instance, within the cache's `authCacheTtlMs`, 5 s by
   * default, on the others). Publishable keys' Idempotency-Keys are not honoured (see
   * `IdempotencyStore.bind`), so there is no stored reply to write with the effect. Every other
   * credential keeps the transaction and its checks.
   */
  atomic?: true;
  /**
   * Runs once a write's transaction has committed, with the handler's result, and answers the
   * reply instead — for work the transaction must not wait for and whose outcome the reply
   * reports (sending an email). It runs on the database (`ctx.db`), must not throw (the effect
   * is committed) and should be bounded in time. A keyed request's stored replay, written in the
   * transaction, is rewritten with its answer.
   */
  afterCommit?: (result: ResponseOf<O>, ctx: HandlerContext<O>) => Promise<ResponseOf<O>>;
}

/** Options of {@link ApiRouter}. */
export interface RouterOptions {
  /**
   * Checks every response against its schema and answers 500 on a mismatch. For tests: it makes
   * a handler that drifts from the contract fail. Defaults to off.
   */
  validateResponses?: boolean;
}

const WRITE_METHODS = new Set(['post', 'patch', 'delete']);
/** How many times a write's transaction runs when PostgreSQL reports a deadlock. */
const MAX_TRANSACTION_ATTEMPTS = 3;

/** The schema exported under `name` by the contract. */
export function schemaNamed(name: SchemaName): z.ZodMiniType {
  return schemaRegistry[name];
}

/**
 * Serves the contract's operations on the Hono app with authentication, validation, one
 * transaction per write and idempotency. Routes hold no SQL; each is one `implement` call.
 */
export class ApiRouter {
  /** Every operation implemented so far, in registration order. */
  readonly operations: Operation[] = [];

  constructor(
    private readonly hono: Hono<AppEnv>,
    private readonly app: AppContext,
    private readonly options: RouterOptions = {},
  ) {}

  /**
   * Serves `op` with `handler`.
   *
   * @example
   * ```ts
   * router.implement(productOperations.create, ({ db, tenant, body }) => productService.create(db, tenant(), body));
   * ```
   */
  implement<O extends Operation>(op: O, handler: Handler<O>, options: ImplementOptions<O> = {}): void {
    this.operations.push(op);
    const app = this.app;
    const querySchema = op.query ? schemaNamed(op.query) : undefined;
    const bodySchema = op.body ? schemaNamed(op.body) : undefined;
    const responseSchema = this.options.validateResponses ? schemaNamed(op.response) : undefined;
    const status = op.status ?? 200;
    const isWrite = WRITE_METHODS.has(op.method);
    const path = op.path; // Hono's `:param` syntax is the contract's.

    this.hono.on(op.method.toUpperCase(), path, async (c) => {
      const header = c.req.header('authorization');
      let principal = await this.authorize(c, op);
      c.set('principal', principal);

      const params = validatePathParams(c.req.param() as Record<string, string>);
      const query = validateQuery(querySchema, c.req.query());
      let body: unknown;
      if (isWrite) {
        const json = parseJsonBody(await bodyText(c));
        if (bodySchema) body = validate(bodySchema, json ?? {}, 'body');
        else requireNoBody(json);
      }
      // Replies to writes may carry a secret (a new key, a session token), and `secret` reads do:
      // never cached anywhere.
      if (isWrite || op.secret) c.header('Cache-Control', 'no-store');
      const committed: Array<() => void> = [];
      const context = (db: Executor): HandlerContext<O> => ({
        body: body as BodyOf<O>,
        query: query as QueryOf<O>,
        params: params as PathParamsOf<O>,
        principal,
        db,
        app,
        c,
        tenant() {
          if (!principal?.tenant) {
            throw new ApiError(
              403,
              'forbidden',
              'This operation acts on a tenant: use a tenant key or session.',
            );
          }
          return principal as TenantPrincipal;
        },
        afterCommit(fn) {
          committed.push(fn);
        },
      });
      const inTransaction = async <T>(run: (tx: Executor) => Promise<T>): Promise<T> => {
        if (options.transaction === false || (options.atomic && principal?.kind === 'publishable_key')) {
          const result = await run(app.db);
          for (const fn of committed.splice(0)) fn();
          return result;
        }
        for (let attempt = 1; ; attempt++) {
          try {
            const result = await app.db.transaction(async (tx) => {
              // A write never acts on a cached credential: re-read (and share-lock) it in its transaction.
              if (principal) principal = await app.auth.confirm(tx, header, op.permission);
              return run(tx);
            });
            for (const fn of committed.splice(0)) fn();
            return result;
          } catch (error) {
            // A deadlock or serialization failure rolled everything back: run it again, a few times.
            committed.length = 0;
            if (attempt >= MAX_TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error;
          }
        }
      };
      const finish = async (result: unknown): Promise<unknown> =>
        options.afterCommit ? options.afterCommit(result as ResponseOf<O>, context(app.db)) : result;
      const reply = (result: unknown) => {
        if (responseSchema) checkResponse(op, responseSchema, result);
        if (result instanceof JsonText) {
          return c.body(result.bytes as Uint8Array<ArrayBuffer>, status, {
            'content-type': 'application/json',
          });
        }
        return c.json(result, status);
      };

      if (!isWrite) return reply(await retryOnDeadConnection(() => handler(context(app.db))));

      const key = op.method === 'post' ? c.req.header('idempotency-key') : undefined;
      const keyed = key
        ? app.idempotency.bind(key, privateCredential(principal, header), {
            method: op.method,
            path: c.req.path,
            body: canonicalJson(body ?? null),
          })
        : null;
      if (!keyed) return reply(await finish(await inTransaction((tx) => handler(context(tx)))));
      const claim = await keyed.claim();
      if (claim.kind === 'replay') {
        c.header('Idempotent-Replayed', 'true');
        return c.body(claim.body, claim.status as 200, {
          'content-type': claim.status >= 400 ? 'application/problem+json' : 'application/json',
        });
      }
      try {
        const result = await inTransaction(async (tx) => {
          const value = await handler(context(tx));
          // Stored in the same transaction as the effect: a committed effect always has its replay.
          await keyed.complete(tx, status, value);
          return value;
        });
        if (!options.afterCommit) return reply(result);
        const finished = await finish(result);
        // The replay stored in the transaction stays if this fails: the effect is committed.
        await keyed
          .complete(app.db, status, finished)
          .catch((error: Error) => app.log.warn('idempotent replay not updated', { error: error.message }));
        return reply(finished);
      } catch (error) {
        if (error instanceof ApiError && error.status < 500) {
          await keyed.complete(app.db, error.status, { ...error.toProblem(), requestId: c.get('requestId') });
        } else {
          await keyed.release().catch(() => undefined);
        }
        throw error;
      }
    });
  }

  /**
   * Serves a streaming operation (`stream: true`, Server-Sent Events): authentication — the
   * `Authorization` header, or a realtime token in `?token=` — permission and query validation as
   * for any operation, then `handler` answers the streaming `Response` itself. No transaction.
   */
  stream<O extends Operation & { stream: true; method: 'get' }>(
    op: O,
    handler: (ctx: StreamContext<O>) => Promise<Response>,
  ): void {
    this.operations.push(op);
    const querySchema = op.query ? schemaNamed(op.query) : undefined;
    this.hono.get(op.path, async (c) => {
      const token = c.req.header('authorization') ? undefined : c.req.query('token');
      const principal = await this.authorize(c, op, token);
      if (!principal?.tenant) {
        throw new ApiError(403, 'forbidden', 'This operation acts on a tenant: use a tenant key or session.');
      }
      c.set('principal', principal);
      const query = validateQuery(querySchema, c.req.query());
      return handler({
        query: query as QueryOf<O>,
        principal: principal as TenantPrincipal,
        credential: token ? { token } : { header: c.req.header('authorization') as string },
        app: this.app,
        c,
      });
    });
  }

  /**
   * Authenticates the caller, applies the rate limit and counts the call, then checks the
   * operation's permission (a forbidden call is still a call).
   */
  private async authorize(
    c: Context<AppEnv>,
    op: Operation,
    realtimeToken?: string,
  ): Promise<Principal | null> {
    const header = c.req.header('authorization');
    if (op.permission === 'public') {
      const caller = header ? await this.app.auth.authenticate(header) : null;
      await this.admit(c, caller);
      return caller;
    }
    const principal = realtimeToken
      ? await this.app.auth.authenticateRealtime(realtimeToken)
      : await this.app.auth.authenticate(header);
    await this.admit(c, principal);
    if (!principal.permissions.has(op.permission)) {
      throw new ApiError(
        403,
        'forbidden',
        `This credential (${describe(principal)}) may not ${op.summary.toLowerCase()}.`,
      );
    }
    return principal;
  }

  /** Rate limit (`429 rate_limited` past it) and API-call metering of an authenticated call. */
  private async admit(c: Context<AppEnv>, principal: Principal | null): Promise<void> {
    await this.app.rateLimiter?.admit(c, principal, this.app.clientAddress(c));
    if (principal?.tenant) this.app.meter?.count(principal.tenant.id);
  }
}

/** Fails loudly when a handler's answer does not match its operation's response schema. */
function checkResponse(op: Operation, schema: z.ZodMiniType, result: unknown): void {
  const value = result instanceof JsonText ? JSON.parse(new TextDecoder().decode(result.bytes)) : result;
  const parsed = schema.safeParse(JSON.parse(JSON.stringify(value)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Response of ${op.method.toUpperCase()} ${op.path} does not match ${op.response}: ${issue?.path.join('.')} — ${issue?.message}`,
    );
  }
}

function describe(p: Principal): string {
  if (p.kind === 'session') return `a ${p.role} session`;
  if (p.kind === 'customer') return 'a customer token';
  return p.kind.replace('_', ' ');
}
