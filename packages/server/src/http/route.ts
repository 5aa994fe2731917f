import type { ErrorCode } from '@agentstack/sdk/schemas';
import type { Context, Hono } from 'hono';
import type { z } from 'zod/mini';
import type { Permission } from '../auth/permissions';
import { type Principal, privateCredential, type TenantPrincipal } from '../auth/principal';
import type { AppContext, AppEnv } from '../context';
import { type Executor, retryOnDeadConnection } from '../db/client';
import { ApiError } from './errors';
import { canonicalJson, parseJson, validate, validatePathParams, validateQuery } from './validate';
import { JsonText } from './versionedCache';

function respond(c: Context<AppEnv>, result: unknown, status: 200 | 201): Response {
  if (result instanceof JsonText)
    return c.body(result.bytes as Uint8Array<ArrayBuffer>, status, { 'content-type': 'application/json' });
  return c.json(result, status);
}

type Schema = z.ZodMiniType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

/** What a handler receives: validated input, the caller, and where to run queries. */
export interface HandlerContext<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  /** The caller; `null` only on `auth: 'public'` routes called without a credential. */
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

/** One API operation: its HTTP shape, who may call it, its schemas and its handler. */
export interface RouteSpec<
  B extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Hono path under the server, e.g. `/v1/commerce/products/:id`. */
  path: string;
  summary: string;
  /** Domain tag in the OpenAPI document (`platform`, `commerce`…). */
  tag: string;
  /** A permission the caller must hold, or `public` (no credential needed). */
  auth: Permission | 'public';
  body?: B;
  query?: Q;
  response: Schema;
  /** Success status. Defaults to 200 (201 is typical for creates). */
  status?: 200 | 201;
  /** Error codes worth documenting beyond the common ones. */
  errors?: ErrorCode[];
  /**
   * `false`: a write's handler runs on the database instead of inside the request's transaction
   * (and opens its own for its effect) — for operations that must record something even when
   * they fail, such as sign-in attempts. Its credential is not re-checked in a transaction.
   */
  transaction?: false;
  handler: (ctx: HandlerContext<Infer<B>, Infer<Q>>) => Promise<unknown>;
}

const WRITE_METHODS = new Set(['post', 'patch', 'delete']);

/**
 * Registers routes on the Hono app with authentication, validation, one transaction per write
 * and idempotency, and keeps their specs for the OpenAPI document. Routes hold no SQL.
 */
export class ApiRouter {
  readonly specs: RouteSpec[] = [];

  constructor(
    private readonly hono: Hono<AppEnv>,
    private readonly app: AppContext,
  ) {}

  /** Adds one operation. */
  add<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
    spec: RouteSpec<B, Q>,
  ): void {
    this.specs.push(spec as unknown as RouteSpec);
    const app = this.app;
    this.hono.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const header = c.req.header('authorization');
      let principal: Principal | null = null;
      if (spec.auth === 'public') {
        if (header) principal = await app.auth.authenticate(header);
      } else {
        principal = await app.auth.authenticate(header);
        if (!principal.permissions.has(spec.auth)) {
          throw new ApiError(
            403,
            'forbidden',
            `This credential (${describe(principal)}) may not ${spec.summary.toLowerCase()}.`,
          );
        }
      }
      c.set('principal', principal);

      const params = validatePathParams(c.req.param() as Record<string, string>);
      const query = validateQuery(spec.query, c.req.query());
      let raw = '';
      let body: unknown;
      if (WRITE_METHODS.has(spec.method)) {
        raw = await c.req.text();
        const json = parseJson(raw);
        if (spec.body) body = validate(spec.body, json ?? {}, 'body');
        else if (
          json !== undefined &&
          !(typeof json === 'object' && json && Object.keys(json).length === 0)
        ) {
          throw new ApiError(400, 'validation_failed', 'This operation takes no request body.', {
            param: 'body',
          });
        }
      }
      // Replies to writes may carry a secret (a new key, a session token): never cached anywhere.
      if (WRITE_METHODS.has(spec.method)) c.header('Cache-Control', 'no-store');
      const status = spec.status ?? 200;
      const committed: Array<() => void> = [];
      const make = (db: Executor): HandlerContext<Infer<B>, Infer<Q>> => ({
        body: body as Infer<B>,
        query: query as Infer<Q>,
        params,
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
      const transaction = async (run: (tx: Executor) => Promise<unknown>) => {
        const result =
          spec.transaction === false
            ? await run(app.db)
            : await app.db.transaction(async (tx) => {
                // A write never acts on a cached credential: re-read (and share-lock) it in its transaction.
                if (principal) principal = await app.auth.confirm(tx, header, spec.auth);
                return run(tx);
              });
        for (const fn of committed.splice(0)) fn();
        return result;
      };

      if (!WRITE_METHODS.has(spec.method)) {
        return respond(c, await retryOnDeadConnection(() => spec.handler(make(app.db))), status);
      }

      const key = spec.method === 'post' ? c.req.header('idempotency-key') : undefined;
      const keyed = key
        ? app.idempotency.bind(key, privateCredential(principal, header), {
            method: spec.method,
            path: c.req.path,
            body: canonicalJson(body ?? null),
          })
        : null;
      if (!keyed) {
        const result = await transaction((tx) => spec.handler(make(tx)));
        return respond(c, result, status);
      }
      const claim = await keyed.claim();
      if (claim.kind === 'replay') {
        c.header('Idempotent-Replayed', 'true');
        return c.body(claim.body, claim.status as 200, {
          'content-type': claim.status >= 400 ? 'application/problem+json' : 'application/json',
        });
      }
      try {
        const result = await transaction(async (tx) => {
          const value = await spec.handler(make(tx));
          // Stored in the same transaction as the effect: a committed effect always has its replay.
          await keyed.complete(tx, status, value);
          return value;
        });
        return c.json(result, status);
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
}

function describe(p: Principal): string {
  if (p.kind === 'session') return `a ${p.role} session`;
  return p.kind.replace('_', ' ');
}
