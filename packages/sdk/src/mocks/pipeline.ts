import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import {
  AGENCY_PERMISSIONS,
  CUSTOMER_PERMISSIONS,
  OPERATOR_PERMISSIONS,
  type Permission,
  PUBLISHABLE_PERMISSIONS,
  permissionsOf,
  ROLE_PERMISSIONS,
} from '../catalog/permissions';
import type {
  BodyOf,
  Operation,
  OperationGroup,
  PathParamsOf,
  QueryOf,
  ResponseOf,
} from '../contract/operation';
import { ProblemError } from '../contract/problem';
import {
  canonicalJson,
  parseJsonBody,
  requireNoBody,
  validate,
  validatePathParams,
  validateQuery,
} from '../contract/validate';
import { API_VERSION } from '../defaults';
import type { Principal } from '../schemas/platform/entitlements';
import type { Role } from '../schemas/platform/user';
import { schemaRegistry } from '../schemas/registry';
import type { MockDb } from './db';
import { problemBody, randomToken } from './problems';

/** API versions the mock accepts in `AgentStack-Version`. */
export const KNOWN_VERSIONS: readonly string[] = [API_VERSION];

/** The authenticated caller of a mock request. */
export interface Caller {
  kind: Principal['kind'];
  role: Role | null;
  userId: string | null;
  token: string;
  permissions: readonly Permission[];
  /** An agency key's agency: it acts on that agency's tenants only. */
  agencyId?: string;
  /** A customer token's shopper. */
  customerId?: string;
  /** A vendor's dashboard user's vendor: it sees that vendor's part of orders only. */
  vendorId?: string;
}

/** What a mock implementation of operation `O` receives: the validated request and the model. */
export interface MockContext<O extends Operation> {
  db: MockDb;
  /** `null` only on public operations called without a credential. */
  caller: Caller | null;
  params: PathParamsOf<O>;
  query: QueryOf<O>;
  body: BodyOf<O>;
  /** The caller as a tenant credential; operator keys get the server's `403 forbidden`. */
  tenant(): Caller;
  /** The request itself (headers such as `Last-Event-ID`). */
  request: Request;
  /** The body exactly as received (`''` without one), for signature checks. */
  rawBody: string;
}

/** The in-memory rules of every operation of a group, typed by the contract. */
export type MockResource<G extends OperationGroup> = {
  [K in keyof G]: (ctx: MockContext<G[K]>) => ResponseOf<G[K]>;
};

/** One operation with its in-memory implementation. */
export interface MockRoute {
  operation: Operation;
  run: (ctx: MockContext<Operation>) => unknown;
}

/** Pairs each operation of `group` with its implementation (a type error if one is missing). */
export function mockResource<G extends OperationGroup>(
  group: G,
  implementation: MockResource<G>,
): MockRoute[] {
  return Object.entries(group).map(([name, operation]) => ({
    operation,
    run: implementation[name as keyof G] as (ctx: MockContext<Operation>) => unknown,
  }));
}

function authenticate(db: MockDb, header: string | null): Caller {
  if (!header) throw new ProblemError(401, 'unauthenticated', 'Send `Authorization: Bearer <token>`.');
  const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token)
    throw new ProblemError(401, 'unauthenticated', 'The Authorization header must be `Bearer <token>`.');
  const keyId = db.keySecrets.get(token);
  const key = keyId === undefined ? undefined : db.apiKeys.find((k) => k.id === keyId);
  if (keyId !== undefined && (!key || key.revokedAt)) {
    throw new ProblemError(401, 'invalid_api_key', 'The API key is not valid: unknown or revoked.');
  }
  const caller = (
    kind: Caller['kind'],
    role: Role | null,
    permissions: readonly Permission[],
    userId: string | null = null,
  ) => ({
    kind,
    role,
    userId,
    token,
    permissions,
  });
  // A vendor's user: its role's permissions narrowed, as on the server.
  const sessionCaller = (user: { id: string; role: Role; vendorId: string | null }): Caller => ({
    ...caller('session', user.role, permissionsOf(user.role, user.vendorId), user.id),
    ...(user.vendorId !== null && { vendorId: user.vendorId }),
  });
  // A key created through the API acts as its type and role say, as on the server.
  if (key?.type === 'publishable') return caller('publishable_key', null, PUBLISHABLE_PERMISSIONS);
  if (key?.role) return caller('secret_key', key.role, ROLE_PERMISSIONS[key.role]);
  if (token.startsWith('op_')) return caller('operator', null, OPERATOR_PERMISSIONS);
  if (token.startsWith('ag_')) {
    const agencyKey = db.agencyKeys.find((k) => k.secret === token && !k.revokedAt);
    if (!agencyKey)
      throw new ProblemError(401, 'invalid_api_key', 'The API key is not valid: unknown or revoked.');
    return { ...caller('agency_key', null, AGENCY_PERMISSIONS), agencyId: agencyKey.agencyId };
  }
  if (token.startsWith('pk_')) return caller('publishable_key', null, PUBLISHABLE_PERMISSIONS);
  const expired = (detail: string) => new ProblemError(401, 'session_expired', detail);
  if (token.startsWith('sess_')) {
    const session = db.sessions.get(token);
    const user = session && db.users.find((u) => u.id === session.userId);
    if (!session || !user) throw expired('This session is not valid (signed out or unknown); sign in again.');
    if (Date.parse(session.expiresAt) <= Date.now())
      throw expired('This session has expired; sign in again.');
    return sessionCaller(user);
  }
  if (token.startsWith('cst_')) {
    const session = db.customerSessions.get(token);
    if (!session || !db.customers.some((c) => c.id === session.customerId)) {
      throw expired('This session is not valid (signed out or unknown); sign in again.');
    }
    if (Date.parse(session.expiresAt) <= Date.now())
      throw expired('This session has expired; sign in again.');
    return { ...caller('customer', null, CUSTOMER_PERMISSIONS), customerId: session.customerId };
  }
  if (db.actingUserId) {
    // The `role` option: plain tokens act as that user's session (as if signed in).
    const user = db.users.find((u) => u.id === db.actingUserId);
    if (!user) throw expired('This session is not valid; sign in again.');
    return sessionCaller(user);
  }
  // Any other token acts as the tenant's secret key, so stories and tests need no setup.
  return caller('secret_key', 'owner', ROLE_PERMISSIONS.owner);
}

/** Options of the request pipeline around the routes. */
export interface HandlerOptions {
  baseUrl: string;
  latencyMs: number;
  db: () => MockDb;
}

interface PipelineOptions extends HandlerOptions {
  /** The methods served on a path (for `405` with `Allow`). */
  allowed(path: string): string[];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** The server's pipeline: request id, version, auth, validation, idempotency, then the rules. */
async function handle(
  options: PipelineOptions,
  route: MockRoute | null,
  request: Request,
  params: Record<string, string>,
) {
  const incoming = request.headers.get('request-id') ?? request.headers.get('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomToken('req_');
  const version = request.headers.get('agentstack-version');
  const headers: Record<string, string> = {
    'Request-Id': requestId,
    'AgentStack-Version': version ?? API_VERSION,
  };
  const db = options.db();
  const url = new URL(request.url);
  let claimed: string | undefined;
  let fingerprint = '';

  const reply = (status: number, body: unknown, extra: Record<string, string> = {}) =>
    HttpResponse.json(body as Record<string, unknown>, {
      status,
      headers: {
        ...headers,
        ...(status >= 400 ? { 'Content-Type': 'application/problem+json' } : {}),
        ...extra,
      },
    });

  try {
    if (version && !KNOWN_VERSIONS.includes(version)) {
      throw new ProblemError(
        400,
        'bad_request',
        `Unknown AgentStack-Version '${version}'. Supported: ${KNOWN_VERSIONS.join(', ')}.`,
        {
          param: 'AgentStack-Version',
        },
      );
    }
    if (options.latencyMs > 0) await delay(options.latencyMs);
    if (!route) {
      const allow = options.allowed(url.pathname);
      if (allow.length) {
        headers.Allow = allow.join(', ');
        throw new ProblemError(
          405,
          'method_not_allowed',
          `${request.method} is not allowed on ${url.pathname}; use ${allow.join(', ')}.`,
        );
      }
      throw new ProblemError(404, 'route_not_found', `No route ${request.method} ${url.pathname}.`);
    }
    const op = route.operation;

    // A stream may be opened with a realtime token instead (`?token=`, for EventSource).
    const realtimeToken =
      op.stream && !request.headers.get('authorization') ? url.searchParams.get('token') : null;
    const header =
      realtimeToken !== null
        ? `Bearer ${db.realtimeTokens.get(realtimeToken) ?? 'rt_unknown'}`
        : request.headers.get('authorization');
    if (realtimeToken !== null && !db.realtimeTokens.has(realtimeToken)) {
      throw new ProblemError(
        401,
        'invalid_api_key',
        'The realtime token is not valid: malformed, unknown or revoked.',
      );
    }
    const caller = op.permission === 'public' && !header ? null : authenticate(db, header);
    if (op.permission !== 'public' && !caller?.permissions.includes(op.permission)) {
      const who = caller?.kind === 'session' ? `a ${caller.role} session` : caller?.kind.replace('_', ' ');
      throw new ProblemError(
        403,
        'forbidden',
        `This credential (${who}) may not ${op.summary.toLowerCase()}.`,
      );
    }

    const path = validatePathParams(params);
    const query = validateQuery(op.query && schemaRegistry[op.query], Object.fromEntries(url.searchParams));
    let body: unknown;
    let rawBody = '';
    if (op.method !== 'get') {
      const raw = await request.text();
      rawBody = raw;
      const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (raw !== '' && type !== 'application/json') {
        throw new ProblemError(415, 'unsupported_media_type', 'Send the request body as application/json.', {
          param: 'Content-Type',
        });
      }
      const json = parseJsonBody(raw);
      if (op.body) body = validate(schemaRegistry[op.body], json ?? {}, 'body');
      else requireNoBody(json);
      fingerprint = `${op.method.toUpperCase()} ${url.pathname}\n${canonicalJson(body ?? null)}`;
    }

    // As the server: keys are scoped to the calling credential, and anonymous or publishable
    // callers (sign-in, sign-up) are never stored or replayed.
    const replayable = caller !== null && caller.kind !== 'publishable_key';
    const key = op.method === 'post' && replayable ? request.headers.get('idempotency-key') : null;
    if (key !== null) {
      if (key.length > 255) {
        throw new ProblemError(400, 'validation_failed', 'Idempotency-Key must be at most 255 characters.', {
          param: 'Idempotency-Key',
        });
      }
      const scoped = `${caller?.token}:${key}`;
      const stored = db.idempotency.get(scoped);
      if (stored && stored.fingerprint !== fingerprint) {
        throw new ProblemError(
          409,
          'idempotency_conflict',
          'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
          { param: 'Idempotency-Key' },
        );
      }
      if (stored?.pending) {
        throw new ProblemError(
          409,
          'idempotency_in_progress',
          'A request with this Idempotency-Key is still being processed. Retry after it completes.',
          { param: 'Idempotency-Key' },
        );
      }
      if (stored) return reply(stored.status, stored.body, { 'Idempotent-Replayed': 'true' });
      db.idempotency.set(scoped, { fingerprint, pending: true, status: 0, body: null });
      claimed = scoped;
      // Hold the claim across the simulated work, so a concurrent retry sees it in flight.
      if (options.latencyMs > 0) await delay(options.latencyMs);
    }

    const status = op.status ?? 200;
    const context: MockContext<Operation> = {
      db,
      caller,
      params: path,
      query: query as never,
      body: body as never,
      request,
      rawBody,
      tenant() {
        if (!caller) throw new ProblemError(401, 'unauthenticated', 'Send `Authorization: Bearer <token>`.');
        if (caller.kind === 'operator') {
          throw new ProblemError(
            403,
            'forbidden',
            'This operation acts on a tenant: use a tenant key or session.',
          );
        }
        return caller;
      },
    };
    if (op.stream) {
      const stream = (await route.run(context)) as ReadableStream<Uint8Array>;
      return new HttpResponse(stream, {
        status: 200,
        headers: {
          ...headers,
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
        },
      });
    }
    // Answers leave the model as copies, so later mutations do not reach a caller's objects.
    const payload = structuredClone(await route.run(context));
    if (claimed) db.idempotency.set(claimed, { fingerprint, pending: false, status, body: payload });
    return reply(status, payload, op.secret ? { 'Cache-Control': 'no-store' } : {});
  } catch (error) {
    const problem =
      error instanceof ProblemError
        ? error
        : new ProblemError(500, 'internal_error', error instanceof Error ? error.message : String(error));
    const body = problemBody(problem, requestId);
    if (claimed) {
      // Like the server: 5xx answers are not stored, so a retry runs again.
      if (problem.status >= 500) db.idempotency.delete(claimed);
      else db.idempotency.set(claimed, { fingerprint, pending: false, status: problem.status, body });
    }
    return reply(problem.status, body);
  }
}

/** msw handlers for `routes`, plus the server's `404 route_not_found` for any other `/v1` path. */
export function createHandlers(options: HandlerOptions, routes: readonly MockRoute[]): HttpHandler[] {
  const base = options.baseUrl.replace(/\/$/, '');
  const patterns = routes.map(({ operation }) => ({
    method: operation.method.toUpperCase(),
    pattern: new RegExp(`^${operation.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`),
  }));
  const pipeline: PipelineOptions = {
    ...options,
    allowed(path) {
      const methods = new Set(patterns.filter((p) => p.pattern.test(path)).map((p) => p.method));
      if (methods.has('GET')) methods.add('HEAD'); // as the server (Hono answers HEAD with GET)
      return [...methods].sort();
    },
  };
  return [
    ...routes.map((route) =>
      http[route.operation.method](`${base}${route.operation.path}`, ({ request, params }) =>
        handle(pipeline, route, request, params as Record<string, string>),
      ),
    ),
    http.all(`${base}/v1/*`, ({ request }) => handle(pipeline, null, request, {})),
  ];
}
