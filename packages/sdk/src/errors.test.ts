import { describe, expect, it } from 'vitest';
import {
  AgentStackError,
  APIError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  errorFromResponse,
  IdempotencyError,
  isAgentStackError,
  isAPIError,
  isAuthenticationError,
  isConflictError,
  isConnectionError,
  isIdempotencyError,
  isNotFoundError,
  isPermissionError,
  isPlanLimitError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
  NotFoundError,
  PermissionError,
  PlanLimitError,
  parseRateLimit,
  parseRetryAfter,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors';

const problemBody = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  type: `https://agentstack.dev/errors/${code}`,
  title: `Title of ${code}`,
  status,
  detail: `Detail of ${code}`,
  code,
  requestId: 'req_abc',
  ...extra,
});

const make = (
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: HeadersInit = {},
) => {
  const body = problemBody(status, code, extra);
  return { body, error: errorFromResponse(status, JSON.stringify(body), new Headers(headers)) };
};

describe('errorFromResponse', () => {
  const cases = [
    [400, 'validation_failed', ValidationError, 'validation', isValidationError],
    [400, 'invalid_json', ValidationError, 'validation', isValidationError],
    [422, 'unprocessable', ValidationError, 'validation', isValidationError],
    [401, 'invalid_api_key', AuthenticationError, 'authentication', isAuthenticationError],
    [403, 'forbidden', PermissionError, 'permission', isPermissionError],
    [402, 'tier_limit_reached', PlanLimitError, 'plan_limit', isPlanLimitError],
    [403, 'feature_not_in_plan', PlanLimitError, 'plan_limit', isPlanLimitError],
    [404, 'not_found', NotFoundError, 'not_found', isNotFoundError],
    [409, 'duplicate_sku', ConflictError, 'conflict', isConflictError],
    [409, 'idempotency_conflict', IdempotencyError, 'idempotency', isIdempotencyError],
    [409, 'idempotency_in_progress', IdempotencyError, 'idempotency', isIdempotencyError],
    [429, 'rate_limited', RateLimitError, 'rate_limit', isRateLimitError],
    [500, 'internal_error', APIError, 'api', isAPIError],
    [503, 'unavailable', APIError, 'api', isAPIError],
    [413, 'payload_too_large', APIError, 'api', isAPIError],
  ] as const;

  it.each(cases)('%i %s → %o', (status, code, Class, kind, guard) => {
    const { body, error } = make(status, code, { param: 'sku', customExtension: { a: 1 } });
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(AgentStackError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(Class.name);
    expect(error.kind).toBe(kind);
    expect(guard(error)).toBe(true);
    expect(isAgentStackError(error)).toBe(true);
    expect(error).toMatchObject({
      status,
      code,
      param: 'sku',
      requestId: 'req_abc',
      type: body.type,
      title: body.title,
      detail: body.detail,
      message: body.detail,
    });
    // Nothing lost: the whole body, extension members included.
    expect(error.problem).toEqual(body);
  });

  it('only one guard matches each error', () => {
    const guards = [
      isValidationError,
      isAuthenticationError,
      isPermissionError,
      isPlanLimitError,
      isNotFoundError,
      isConflictError,
      isIdempotencyError,
      isRateLimitError,
      isAPIError,
      isConnectionError,
      isTimeoutError,
    ];
    for (const [status, code] of cases) {
      const { error } = make(status, code);
      expect(guards.filter((g) => g(error))).toHaveLength(1);
    }
  });

  it('PlanLimitError exposes upgrade, limit and feature', () => {
    const upgrade = { kind: 'plan', id: 'commerce_growth', name: 'Growth' };
    const limit = { key: 'commerce.products', limit: 1000, used: 1000 };
    const { error } = make(402, 'tier_limit_reached', { upgrade, limit });
    expect(isPlanLimitError(error) && error.upgrade).toEqual(upgrade);
    expect((error as PlanLimitError).limit).toEqual(limit);
    expect((error as PlanLimitError).feature).toBeNull();

    const feature = make(403, 'feature_not_in_plan', {
      feature: 'commerce.bulkOperations',
      upgrade: { ...upgrade, kind: 'addon' },
    }).error as PlanLimitError;
    expect(feature.feature).toBe('commerce.bulkOperations');
    expect(feature.upgrade?.kind).toBe('addon');
    expect(feature.limit).toBeNull();
  });

  it('ValidationError exposes every field error', () => {
    const errors = [{ param: 'title', code: 'too_small', message: 'Too small' }];
    const { error } = make(400, 'validation_failed', { param: 'title', errors });
    expect((error as ValidationError).errors).toEqual(errors);
    expect(make(400, 'invalid_json').error).toMatchObject({ errors: [], param: null });
  });

  it('RateLimitError reads Retry-After', () => {
    expect((make(429, 'rate_limited', {}, { 'Retry-After': '12' }).error as RateLimitError).retryAfter).toBe(
      12,
    );
    expect((make(429, 'rate_limited').error as RateLimitError).retryAfter).toBeNull();
  });

  it('turns a non-JSON body into unknown_error, keeping the text and the Request-Id header', () => {
    const error = errorFromResponse(
      502,
      '<html>Bad gateway</html>',
      new Headers({ 'Request-Id': 'req_gw' }),
      'Bad Gateway',
    );
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({
      status: 502,
      code: 'unknown_error',
      requestId: 'req_gw',
      title: 'Bad Gateway',
      detail: '<html>Bad gateway</html>',
    });
    expect(error.problem).toMatchObject({ status: 502, code: 'unknown_error', type: 'about:blank' });
  });

  it('keeps a JSON body without a code, and an empty body', () => {
    const error = errorFromResponse(401, JSON.stringify({ message: 'nope' }), new Headers());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe('unknown_error');
    expect(error.problem).toMatchObject({ body: { message: 'nope' } });
    expect(errorFromResponse(500, '', new Headers()).message).toBe('HTTP 500');
  });

  it('takes requestId from the header when the body lacks it', () => {
    const body = { type: 'x', title: 'Not found', status: 404, code: 'not_found' };
    const error = errorFromResponse(404, JSON.stringify(body), new Headers({ 'Request-Id': 'req_h' }));
    expect(error.requestId).toBe('req_h');
  });
});

describe('guards', () => {
  it('recognise errors from another copy of the SDK by kind, not instanceof', () => {
    const foreign = Object.assign(new Error('x'), {
      kind: 'plan_limit',
      code: 'tier_limit_reached',
      problem: {},
    });
    expect(isAgentStackError(foreign)).toBe(true);
    expect(isPlanLimitError(foreign)).toBe(true);
    expect(isNotFoundError(foreign)).toBe(false);
  });

  it('reject look-alikes', () => {
    expect(isAgentStackError(new Error('x'))).toBe(false);
    expect(isAgentStackError({ kind: 'nonsense', code: 'x', problem: null })).toBe(false);
    expect(isAgentStackError(null)).toBe(false);
    expect(isAgentStackError('not_found')).toBe(false);
  });

  it('cover connection and timeout errors', () => {
    const cause = new TypeError('fetch failed');
    const connection = new ConnectionError(cause);
    expect(isConnectionError(connection)).toBe(true);
    expect(connection.cause).toBe(cause);
    expect(connection.message).toContain('fetch failed');
    expect(isTimeoutError(new TimeoutError(1000))).toBe(true);
    expect(isAgentStackError(new TimeoutError(1000))).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  it.each([
    ['5', 5000],
    ['0', 0],
    ['1.5', 1500],
    ['Wed, 25 Nov 2026 10:00:30 GMT', 30_000],
    ['Wed, 25 Nov 2026 09:00:00 GMT', 0],
    ['soon', null],
    ['', null],
  ])('%s → %s ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
  it('handles a missing header', () => expect(parseRetryAfter(null)).toBeNull());
});

describe('parseRateLimit', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('reads the structured-field RateLimit and RateLimit-Policy headers', () => {
    expect(
      parseRateLimit(headers({ RateLimit: '"growth";r=57;t=1', 'RateLimit-Policy': '"growth";q=100;w=2' })),
    ).toEqual({ policy: 'growth', quota: 100, windowSeconds: 2, remaining: 57, resetSeconds: 1 });
  });
  it('takes the policy only when it names the same policy, and the first item of a list', () => {
    expect(
      parseRateLimit(headers({ RateLimit: '"a";r=1, "b";r=2', 'RateLimit-Policy': '"other";q=5;w=1' })),
    ).toEqual({ policy: 'a', quota: null, windowSeconds: null, remaining: 1, resetSeconds: null });
  });
  it('is null without a usable RateLimit header', () => {
    expect(parseRateLimit(headers({}))).toBeNull();
    expect(parseRateLimit(headers({ RateLimit: 'limit=100, remaining=5' }))).toBeNull();
    expect(parseRateLimit(headers({ RateLimit: '"x";t=3' }))).toBeNull();
  });
});
