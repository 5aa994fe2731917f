import * as z from 'zod/mini';

/**
 * Shapes shared by every domain: money, timestamps, ids, metadata, list envelopes and the
 * RFC 9457 problem body. Written once in `zod/mini` so browser bundles stay small; the server
 * validates with the same objects and builds its OpenAPI document from them.
 */

/** ISO 4217 currency code, upper case (`EUR`, `USD`). */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'));

/** Money as an integer in minor units plus its currency: `{ amount: 1999, currency: 'EUR' }`. */
export const Money = z.strictObject({
  amount: z.int().check(z.minimum(0), z.maximum(1_000_000_000_00)),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** An ISO 8601 UTC timestamp string, e.g. `2026-11-25T10:00:00.000Z`. */
export const Timestamp = z.iso.datetime();

/** A prefixed identifier such as `prod_01JD…`. */
export function prefixedId(prefix: string) {
  return z.string().check(z.regex(new RegExp(`^${prefix}_[0-9A-Za-z]{8,40}$`), `must be a ${prefix}_ id`));
}

/** Free-form string key/value pairs a caller attaches to an object (at most 50 keys). */
export const Metadata = z.record(
  z.string().check(z.minLength(1), z.maxLength(40)),
  z.string().check(z.maxLength(500)),
);
export type Metadata = z.infer<typeof Metadata>;

/** Cursor pagination parameters shared by every list endpoint. */
export const ListParams = z.object({
  /** 1..100, defaults to 20. Coerced from the query string; typed `number` for callers. */
  limit: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(1), z.maximum(100))),
  /** The id of the last item of the previous page. */
  startingAfter: z.optional(z.string().check(z.minLength(1))),
});
export type ListParams = z.infer<typeof ListParams>;

/** The envelope of every list response. */
export function listOf<T extends z.ZodMiniType>(item: T) {
  return z.strictObject({
    data: z.array(item),
    hasMore: z.boolean(),
    nextCursor: z.nullable(z.string()),
  });
}
/** A page of `T` as returned by list endpoints. */
export interface ListResponse<T> {
  data: T[];
  hasMore: boolean;
  nextCursor: string | null;
}

/** One field-level validation failure inside a problem body. */
export const ProblemFieldError = z.object({
  param: z.string(),
  code: z.string(),
  message: z.string(),
});

/** What would unlock a feature or lift a limit: a plan or an add-on of the catalogue. */
export const Upgrade = z.object({
  kind: z.enum(['plan', 'addon']),
  id: z.string(),
  name: z.string(),
});
export type Upgrade = z.infer<typeof Upgrade>;

/** RFC 9457 problem details with AgentStack's stable extensions. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  /** Stable, machine-readable code, e.g. `validation_failed`, `tier_limit_reached`. */
  code: z.string(),
  /** The request field at fault, when one is. */
  param: z.optional(z.string()),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(ProblemFieldError)),
  /** For `tier_limit_reached` / `feature_not_in_plan`: the plan or add-on that unlocks it. */
  upgrade: z.optional(Upgrade),
  /** For `tier_limit_reached`: which limit, its value and current usage. */
  limit: z.optional(z.object({ key: z.string(), limit: z.int(), used: z.int() })),
  feature: z.optional(z.string()),
});
export type Problem = z.infer<typeof Problem>;

/** The `title` of a problem names its HTTP status; `code` and `detail` say what happened. */
export const PROBLEM_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The base of a problem body: `type` from the code, `title` from the status. */
export function problemBase(
  status: number,
  code: string,
  detail: string,
): Pick<Problem, 'type' | 'title' | 'status' | 'code' | 'detail'> {
  return {
    type: `https://agentstack.dev/errors/${code}`,
    title: PROBLEM_TITLES[status] ?? 'Error',
    status,
    code,
    detail,
  };
}

/** Stable error codes the API answers with. */
export const ErrorCodes = [
  'bad_request',
  'invalid_json',
  'validation_failed',
  'unauthenticated',
  'invalid_api_key',
  'invalid_credentials',
  'session_expired',
  'forbidden',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  'conflict',
  'duplicate_sku',
  'invalid_state',
  'idempotency_conflict',
  'idempotency_in_progress',
  'tier_limit_reached',
  'feature_not_in_plan',
  'rate_limited',
  'payload_too_large',
  'internal_error',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];
