import type { Problem, Upgrade } from './schemas/common';

/**
 * The RFC 9457 problem body of a failed request, exactly as the API sent it: the documented
 * fields plus any extension member the server added.
 */
export type ProblemDetails = Problem & Record<string, unknown>;

/** The `kind` of every AgentStack error: what the type guards check (`instanceof` fails across bundled copies). */
export type AgentStackErrorKind =
  | 'validation'
  | 'authentication'
  | 'permission'
  | 'plan_limit'
  | 'not_found'
  | 'conflict'
  | 'idempotency'
  | 'rate_limit'
  | 'api'
  | 'connection'
  | 'timeout';

const KINDS: ReadonlySet<string> = new Set<AgentStackErrorKind>([
  'validation',
  'authentication',
  'permission',
  'plan_limit',
  'not_found',
  'conflict',
  'idempotency',
  'rate_limit',
  'api',
  'connection',
  'timeout',
]);

/**
 * Base class of every error the SDK throws for a failed request. It keeps the whole problem body
 * (`problem`) and surfaces its stable parts: branch on `code`, never on `message`.
 *
 * @example
 * ```ts
 * try {
 *   await client.commerce.products.create({ title: 'Mug', price: { amount: 1200, currency: 'EUR' } });
 * } catch (err) {
 *   if (isPlanLimitError(err)) showUpgrade(err.upgrade);
 *   else if (isAgentStackError(err)) console.error(err.code, err.requestId);
 *   else throw err;
 * }
 * ```
 */
export class AgentStackError extends Error {
  // Set explicitly: minifiers rename classes, so `constructor.name` is not reliable.
  override name = 'AgentStackError';
  /** Which subclass this is; checked by {@link isAgentStackError} and the per-kind guards. */
  readonly kind: AgentStackErrorKind;
  /** HTTP status, or `null` when no response arrived (connection failure, timeout). */
  readonly status: number | null;
  /** Stable machine-readable code (`validation_failed`, `tier_limit_reached`, …; `unknown_error` for a non-problem body). */
  readonly code: string;
  /** The request field at fault (dotted path), when one is. */
  readonly param: string | null;
  /** The `Request-Id` of the failed request, to quote to support. `null` when no response arrived. */
  readonly requestId: string | null;
  /** The problem type URI (`https://agentstack.dev/errors/<code>`). */
  readonly type: string;
  /** Short, human-readable summary of the problem type. */
  readonly title: string;
  /** Human-readable explanation of this occurrence, when the server gave one. */
  readonly detail: string | null;
  /** The full problem body, nothing dropped. `null` when no response arrived. */
  readonly problem: ProblemDetails | null;
  /** Response headers of the failed request, when there was a response. */
  readonly headers: Headers | null;

  /**
   * Prefer the factory {@link errorFromResponse}; construct directly only to fake errors in tests.
   */
  constructor(
    problem: ProblemDetails | null,
    init: {
      status?: number | null;
      headers?: Headers | null;
      message?: string;
      cause?: unknown;
      code?: string;
    } = {},
  ) {
    const message = init.message ?? problem?.detail ?? problem?.title ?? 'Request failed';
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = 'api';
    this.problem = problem;
    this.status = init.status ?? problem?.status ?? null;
    this.code = problem?.code ?? init.code ?? 'unknown_error';
    this.param = problem?.param ?? null;
    this.requestId = problem?.requestId ?? init.headers?.get('request-id') ?? null;
    this.type = problem?.type ?? 'about:blank';
    this.title = problem?.title ?? message;
    this.detail = problem?.detail ?? null;
    this.headers = init.headers ?? null;
  }
}

/** An error the API answered with: the problem body is always present. */
abstract class ResponseError extends AgentStackError {
  declare readonly status: number;
  declare readonly problem: ProblemDetails;
  declare readonly headers: Headers;
}

/**
 * `400`/`422`: the request was malformed or failed validation (`invalid_json`, `validation_failed`).
 * `errors` lists every failing field; `param` is the first.
 */
export class ValidationError extends ResponseError {
  override readonly kind = 'validation' as const;
  override name = 'ValidationError';
  /** Every field-level failure (`[{ param, code, message }]`), empty when the server gave none. */
  readonly errors: NonNullable<Problem['errors']> = this.problem.errors ?? [];
}

/** `401`: missing, unknown or revoked credential, or an expired session (`unauthenticated`, `invalid_api_key`, `session_expired`, `invalid_credentials`). */
export class AuthenticationError extends ResponseError {
  override readonly kind = 'authentication' as const;
  override name = 'AuthenticationError';
}

/** `403`: the credential is valid but lacks the permission (`forbidden`). Plan gates are {@link PlanLimitError}. */
export class PermissionError extends ResponseError {
  override readonly kind = 'permission' as const;
  override name = 'PermissionError';
}

/**
 * `402`/`403` with code `tier_limit_reached` or `feature_not_in_plan`: the tenant's plan does not
 * allow this. `upgrade` names the plan or add-on that would, so a UI can offer it instead of failing.
 */
export class PlanLimitError extends ResponseError {
  override readonly kind = 'plan_limit' as const;
  override name = 'PlanLimitError';
  /** The plan or add-on that unlocks the call, or `null` if the catalogue has none. */
  readonly upgrade: Upgrade | null = this.problem.upgrade ?? null;
  /** For `tier_limit_reached`: which limit, its value and current usage; else `null`. */
  readonly limit: { key: string; limit: number; used: number } | null = this.problem.limit ?? null;
  /** For `feature_not_in_plan`: the missing feature key, e.g. `commerce.bulkOperations`; else `null`. */
  readonly feature: string | null = this.problem.feature ?? null;
}

/** `404`: no such object for this tenant (`not_found`), or no such route (`route_not_found`). */
export class NotFoundError extends ResponseError {
  override readonly kind = 'not_found' as const;
  override name = 'NotFoundError';
}

/** `409`: the request conflicts with the object's state (`duplicate_sku`, `invalid_state`, `conflict`). */
export class ConflictError extends ResponseError {
  override readonly kind = 'conflict' as const;
  override name = 'ConflictError';
}

/**
 * `409` with code `idempotency_conflict` (same key, different request) or
 * `idempotency_in_progress` (same key still running; retried automatically first).
 */
export class IdempotencyError extends ResponseError {
  override readonly kind = 'idempotency' as const;
  override name = 'IdempotencyError';
}

/**
 * `429`: too many requests. Retried automatically first (GET, DELETE and POST, which always carries
 * an idempotency key; never PATCH), honouring `Retry-After`.
 */
export class RateLimitError extends ResponseError {
  override readonly kind = 'rate_limit' as const;
  override name = 'RateLimitError';
  /** Seconds the server asked to wait (`Retry-After`, delta or HTTP date), or `null` when it did not say. */
  readonly retryAfter: number | null = toSeconds(parseRetryAfter(this.headers.get('retry-after')));
  /** The limit that was reached, from the `RateLimit-Policy` and `RateLimit` headers; `null` without them. */
  readonly rateLimit: RateLimitInfo | null = parseRateLimit(this.headers);
}

/** A rate limit as the `RateLimit-Policy` and `RateLimit` headers describe it. */
export interface RateLimitInfo {
  /** The policy's name: the tenant's platform tier (`growth`…), or `operator`, `agency`, `anonymous`. */
  policy: string;
  /** Requests allowed per window (`q`), or `null` when the policy header is missing. */
  quota: number | null;
  /** The window in seconds (`w`), or `null` when the policy header is missing. */
  windowSeconds: number | null;
  /** Requests left now (`r`). */
  remaining: number;
  /** Seconds until the quota is whole again (`t`), or `null` when not given. */
  resetSeconds: number | null;
}

/** Parameters of the first item of a structured-field list: `"name";a=1;b=2` → name and `{ a, b }`. */
function firstItem(value: string | null): { name: string; params: Record<string, number> } | null {
  const match = value ? /^\s*"([^"]*)"((?:\s*;\s*[a-z][a-z0-9_.*-]*=[^;,]*)*)/.exec(value) : null;
  if (!match) return null;
  const params: Record<string, number> = {};
  for (const param of (match[2] ?? '').split(';').slice(1)) {
    const [key, raw] = param.split('=');
    const n = Number(raw?.trim());
    if (key && Number.isFinite(n)) params[key.trim()] = n;
  }
  return { name: match[1] ?? '', params };
}

/**
 * Reads the IETF `RateLimit` and `RateLimit-Policy` headers (draft-ietf-httpapi-ratelimit-headers,
 * structured fields) of a response: `RateLimit: "growth";r=0;t=2` with
 * `RateLimit-Policy: "growth";q=100;w=2`. Returns `null` without a `RateLimit` header.
 *
 * @example
 * ```ts
 * parseRateLimit(response.headers) // { policy: 'growth', quota: 100, windowSeconds: 2, remaining: 0, resetSeconds: 2 }
 * ```
 */
export function parseRateLimit(headers: Headers): RateLimitInfo | null {
  const state = firstItem(headers.get('ratelimit'));
  if (!state || state.params.r === undefined) return null;
  const policy = firstItem(headers.get('ratelimit-policy'));
  const same = policy?.name === state.name ? policy.params : {};
  return {
    policy: state.name,
    quota: same.q ?? null,
    windowSeconds: same.w ?? null,
    remaining: state.params.r,
    resetSeconds: state.params.t ?? null,
  };
}

/** `5xx` or any status the SDK does not map more precisely. */
export class APIError extends ResponseError {
  override readonly kind = 'api' as const;
  override name = 'APIError';
}

/** No response arrived: DNS, refused connection, reset, CORS. `cause` holds the underlying error. */
export class ConnectionError extends AgentStackError {
  override readonly kind = 'connection' as const;
  override name = 'ConnectionError';
  declare readonly status: null;
  declare readonly problem: null;
  constructor(cause: unknown) {
    super(null, { message: `Connection error: ${describe(cause)}`, cause, code: 'connection_error' });
  }
}

/** The request took longer than its `timeout` (on its last attempt). */
export class TimeoutError extends AgentStackError {
  override readonly kind = 'timeout' as const;
  override name = 'TimeoutError';
  declare readonly status: null;
  declare readonly problem: null;
  constructor(timeoutMs: number, cause?: unknown) {
    super(null, { message: `Request timed out after ${timeoutMs} ms`, cause, code: 'timeout' });
  }
}

function toSeconds(ms: number | null): number | null {
  return ms === null ? null : Math.ceil(ms / 1000);
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Parses a `Retry-After` header (delta seconds or an HTTP date) into milliseconds from now.
 * Returns `null` when absent or unparsable; never negative.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Builds the error for a non-2xx response: the one place a status and code choose the subclass.
 * A body that is not a problem document still yields an error, with code `unknown_error` and the
 * (truncated) body text as `detail`.
 */
export function errorFromResponse(
  status: number,
  body: string,
  headers: Headers,
  statusText = '',
): AgentStackError {
  const problem = toProblem(status, body, headers, statusText);
  const code = problem.code;
  const init = { status, headers };
  if (code === 'tier_limit_reached' || code === 'feature_not_in_plan')
    return new PlanLimitError(problem, init);
  if (code.startsWith('idempotency_')) return new IdempotencyError(problem, init);
  switch (status) {
    case 400:
    case 422:
      return new ValidationError(problem, init);
    case 401:
      return new AuthenticationError(problem, init);
    case 403:
      return new PermissionError(problem, init);
    case 404:
      return new NotFoundError(problem, init);
    case 409:
      return new ConflictError(problem, init);
    case 429:
      return new RateLimitError(problem, init);
    default:
      return new APIError(problem, init);
  }
}

function toProblem(status: number, body: string, headers: Headers, statusText: string): ProblemDetails {
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    parsed = undefined;
  }
  const requestId = headers.get('request-id') ?? undefined;
  if (isRecord(parsed) && typeof parsed.code === 'string') {
    const p = parsed as Partial<Problem> & Record<string, unknown>;
    return {
      ...p,
      type: typeof p.type === 'string' ? p.type : 'about:blank',
      title: typeof p.title === 'string' ? p.title : statusText || `HTTP ${status}`,
      status: typeof p.status === 'number' ? p.status : status,
      code: parsed.code,
      ...(p.requestId === undefined && requestId !== undefined ? { requestId } : {}),
    } as ProblemDetails;
  }
  const text = body.length > 500 ? `${body.slice(0, 500)}…` : body;
  return {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    code: 'unknown_error',
    ...(text ? { detail: text } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(parsed !== undefined ? { body: parsed } : {}),
  } as ProblemDetails;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function guard<T extends AgentStackError>(kind: AgentStackErrorKind) {
  return (error: unknown): error is T => isAgentStackError(error) && error.kind === kind;
}

/**
 * Whether `error` is any AgentStack error. Checks the `kind` field rather than `instanceof`, so it
 * holds across two bundled copies of the SDK.
 */
export function isAgentStackError(error: unknown): error is AgentStackError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { kind?: unknown }).kind === 'string' &&
    KINDS.has((error as { kind: string }).kind) &&
    typeof (error as { code?: unknown }).code === 'string' &&
    'problem' in error
  );
}
/** Whether `error` is a {@link ValidationError} (400/422). */
export const isValidationError = guard<ValidationError>('validation');
/** Whether `error` is an {@link AuthenticationError} (401). */
export const isAuthenticationError = guard<AuthenticationError>('authentication');
/** Whether `error` is a {@link PermissionError} (403, not a plan gate). */
export const isPermissionError = guard<PermissionError>('permission');
/** Whether `error` is a {@link PlanLimitError} (`tier_limit_reached` / `feature_not_in_plan`). */
export const isPlanLimitError = guard<PlanLimitError>('plan_limit');
/** Whether `error` is a {@link NotFoundError} (404). */
export const isNotFoundError = guard<NotFoundError>('not_found');
/** Whether `error` is a {@link ConflictError} (409). */
export const isConflictError = guard<ConflictError>('conflict');
/** Whether `error` is an {@link IdempotencyError} (`idempotency_*`). */
export const isIdempotencyError = guard<IdempotencyError>('idempotency');
/** Whether `error` is a {@link RateLimitError} (429). */
export const isRateLimitError = guard<RateLimitError>('rate_limit');
/** Whether `error` is an {@link APIError} (5xx or unmapped status). */
export const isAPIError = guard<APIError>('api');
/** Whether `error` is a {@link ConnectionError} (no response). */
export const isConnectionError = guard<ConnectionError>('connection');
/** Whether `error` is a {@link TimeoutError}. */
export const isTimeoutError = guard<TimeoutError>('timeout');
