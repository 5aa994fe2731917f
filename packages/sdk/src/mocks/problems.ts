import { HttpResponse } from 'msw';
import { en } from 'zod/locales';
import type { z } from 'zod/mini';
import type { Problem } from '../schemas/common';

const TITLES: Record<string, string> = {
  bad_request: 'Bad request',
  invalid_json: 'Malformed JSON',
  validation_failed: 'Validation failed',
  unauthenticated: 'Authentication required',
  invalid_api_key: 'Invalid API key',
  invalid_credentials: 'Invalid email or password',
  session_expired: 'Session expired',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  route_not_found: 'Route not found',
  conflict: 'Conflict',
  duplicate_sku: 'Duplicate SKU',
  invalid_state: 'Invalid state',
  idempotency_conflict: 'Idempotency key reused',
  idempotency_in_progress: 'Request in progress',
  tier_limit_reached: 'Plan limit reached',
  feature_not_in_plan: 'Feature not in plan',
  rate_limited: 'Too many requests',
  internal_error: 'Internal server error',
};

/** Extra members of a problem body beyond `type`, `title`, `status`, `code`, `detail`. */
export type ProblemExtras = Partial<Omit<Problem, 'type' | 'title' | 'status' | 'code' | 'detail'>> &
  Record<string, unknown>;

/** Thrown inside a mock handler to answer with a problem document. */
export class MockProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail?: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail ?? code);
  }

  /** The problem body, with the request id it answers. */
  toBody(requestId: string): Problem & Record<string, unknown> {
    return {
      type: `https://agentstack.dev/errors/${this.code}`,
      title: TITLES[this.code] ?? 'Error',
      status: this.status,
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      code: this.code,
      ...this.extras,
      requestId,
    };
  }
}

/**
 * An `application/problem+json` response shaped like the server's, for your own msw overrides.
 *
 * @example
 * ```ts
 * server.use(http.get(`${baseUrl}/v1/commerce/products`, () => problemResponse(500, 'internal_error')));
 * ```
 */
export function problemResponse(
  status: number,
  code: string,
  detail?: string,
  extras?: ProblemExtras,
  requestId = `req_${crypto.randomUUID().replaceAll('-', '')}`,
): HttpResponse<Problem> {
  return HttpResponse.json(new MockProblem(status, code, detail, extras).toBody(requestId), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Request-Id': requestId },
  });
}

const localeError = en().localeError;

/** Parses `data` with a schema or throws the server's `400 validation_failed` problem. */
export function validate<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data, { error: localeError });
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue): { param: string; code: string; message: string }[] => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        param: [...base, key].join('.'),
        code: issue.code,
        message: `Unrecognized field "${key}"`,
      }));
    }
    return [{ param: base.join('.'), code: issue.code, message: issue.message }];
  });
  const first = errors[0];
  throw new MockProblem(
    400,
    'validation_failed',
    first ? `${first.param || 'body'}: ${first.message}` : 'Invalid request',
    { ...(first?.param ? { param: first.param } : {}), errors },
  );
}
