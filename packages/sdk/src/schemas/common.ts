import * as z from 'zod/mini';
import { CURRENCY_CODES } from './currency';

/**
 * Shapes shared by every domain: money, timestamps, ids, metadata, list envelopes and the
 * RFC 9457 problem body. Written once in `zod/mini` so browser bundles stay small; the server
 * validates with the same objects and builds its OpenAPI document from them.
 *
 * Input rules every resource inherits from here: strings are {@link safeString}s, currencies are
 * {@link CurrencyCode}s, URLs are {@link WebUrl}s, query numbers are {@link QueryInt}s and
 * metadata is {@link Metadata} with its bounds.
 */

// A NUL character cannot be stored by PostgreSQL; a lone UTF-16 surrogate has no UTF-8 encoding;
// other control characters (tab and line breaks aside) have no place in text and grow sixfold as
// JSON escapes. In unicode mode the surrogate range matches only unpaired surrogates: a pair is
// one code point above U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const ILL_FORMED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]/u;

/**
 * True when `value` has no NUL or other C0 control character (tab, line feed and carriage return
 * are fine) and no unpaired UTF-16 surrogate.
 */
export function isWellFormedText(value: string): boolean {
  return !ILL_FORMED.test(value);
}

const wellFormed = z.check<string>((ctx) => {
  if (isWellFormedText(ctx.value)) return;
  ctx.issues.push({
    code: 'invalid_format',
    format: 'text',
    input: ctx.value,
    message: 'must not contain NUL or control characters, or unpaired UTF-16 surrogates',
    continue: true,
  });
});

/**
 * A string the API accepts: no NUL or other control character but tab and line breaks, and no
 * unpaired UTF-16 surrogate (`400 validation_failed` naming the field otherwise), plus the given checks (lengths, patterns…).
 * Every string of every request is one, so each new resource inherits the rule.
 *
 * @example
 * ```ts
 * const Title = safeString(z.trim(), z.minLength(1), z.maxLength(200));
 * ```
 */
export function safeString(...checks: Array<z.core.$ZodCheck<string>>) {
  return z.string().check(wellFormed, ...checks);
}

/** An e-mail address (at most 254 characters). */
export const Email = z.email().check(wellFormed, z.maxLength(254));

const CURRENCIES: ReadonlySet<string> = new Set(CURRENCY_CODES);

/**
 * ISO 4217 currency code, upper case (`EUR`, `USD`): one of {@link CURRENCY_CODES}. Typed
 * `string` so that codes the list gains later stay assignable.
 */
export const CurrencyCode = z.string().check(
  z.regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR', abort: true }),
  z.refine((code) => CURRENCIES.has(code), 'must be an ISO 4217 code such as EUR'),
);

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

/** A path parameter (`/v1/commerce/products/:id`): a {@link safeString} of 1..255 characters. */
export const PathParam = safeString(z.minLength(1), z.maxLength(255));

/** The longest URL accepted, in characters. */
export const MAX_URL_LENGTH = 2048;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A URL the API stores and hands to browsers (logos, product images): `https:` only, or `http:`
 * on `localhost` / `127.0.0.1` / `[::1]` for development; never `javascript:`, `data:` or `file:`.
 * At most {@link MAX_URL_LENGTH} characters.
 */
export const WebUrl = z.url().check(
  wellFormed,
  z.maxLength(MAX_URL_LENGTH),
  z.check<string>((ctx) => {
    let url: URL;
    try {
      url = new URL(ctx.value);
    } catch {
      return; // z.url() has reported it already
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) return;
    ctx.issues.push({
      code: 'invalid_format',
      format: 'url',
      input: ctx.value,
      message: 'must be an https: URL (http: only on localhost)',
      continue: true,
    });
  }),
);

/**
 * A non-negative integer in a query string: plain decimal digits only, so `limit=1e1`, `0x10`,
 * `+5` or ` 5` are `400 validation_failed`, not silently read as numbers. Typed `number` for
 * callers (the SDK writes numbers into the query string).
 */
export function queryInt(min: number, max: number) {
  return z.pipe(
    z.transform<number, number>((value, ctx) => {
      if (typeof value !== 'string') return value;
      if (/^[0-9]{1,15}$/.test(value)) return Number(value);
      ctx.issues.push({
        code: 'invalid_format',
        format: 'integer',
        input: value,
        message: 'must be a decimal integer such as 20',
      });
      return z.NEVER;
    }),
    z.int().check(z.minimum(min), z.maximum(max)),
  );
}

/** Metadata bounds: keys, key length and value length in characters, total UTF-8 bytes. */
export const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500, bytes: 32 * 1024 } as const;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A surrogate pair (two units) is four bytes; lone surrogates never get this far.
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xd800 && unit <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/**
 * Free-form string key/value pairs a caller attaches to an object: at most 50 keys, keys of 1..40
 * characters, values of at most 500, and 32 KiB in all (UTF-8 bytes of keys and values).
 */
export const Metadata = z
  .record(
    safeString(z.minLength(1), z.maxLength(METADATA_LIMITS.keyLength)),
    safeString(z.maxLength(METADATA_LIMITS.valueLength)),
  )
  .check(
    z.check<Record<string, string>>((ctx) => {
      const entries = Object.entries(ctx.value);
      let message: string | undefined;
      if (entries.length > METADATA_LIMITS.keys) {
        message = `must have at most ${METADATA_LIMITS.keys} keys`;
      } else {
        let bytes = 0;
        for (const [key, value] of entries) bytes += utf8Length(key) + utf8Length(value);
        if (bytes > METADATA_LIMITS.bytes)
          message = `must be at most ${METADATA_LIMITS.bytes} bytes of UTF-8 in all`;
      }
      if (message) ctx.issues.push({ code: 'custom', input: ctx.value, message, continue: true });
    }),
  );
export type Metadata = z.infer<typeof Metadata>;

/** Cursor pagination parameters shared by every list endpoint. */
export const ListParams = z.strictObject({
  /** 1..100, defaults to 20. Plain decimal digits in the query string; typed `number` for callers. */
  limit: z.optional(queryInt(1, 100)),
  /** The id of the last item of the previous page. */
  startingAfter: z.optional(safeString(z.minLength(1), z.maxLength(255))),
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
  /** For `out_of_stock`: the item, where, how many were asked for and how many are available. */
  stock: z.optional(
    z.object({
      itemId: z.string(),
      locationId: z.nullable(z.string()),
      requested: z.int(),
      available: z.int(),
    }),
  ),
  /** For `discount_not_applicable`: why (`unknown`, `inactive`, `not_started`, `ended`, `currency`, `minimum_spend`, `usage_limit`, `customer_limit`, `customer_required`). */
  reason: z.optional(z.string()),
  /** For `invalid_transition`: the order's status and the transitions it can take. */
  orderStatus: z.optional(z.string()),
  allowedTransitions: z.optional(z.array(z.object({ action: z.string(), to: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;

export { PROBLEM_TITLES, problemBase } from './problemBase';

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
  'unsupported_media_type',
  'uri_too_long',
  'header_fields_too_large',
  'request_timeout',
  'internal_error',
  'duplicate_variant',
  'invalid_variant_options',
  'options_in_use',
  'too_many_variants',
  'category_cycle',
  'category_too_deep',
  'webhooks_not_configured',
  'out_of_stock',
  'workflow_step_in_use',
  'product_unavailable',
  'variant_required',
  'price_unavailable',
  'cart_limit_exceeded',
  'shipping_unavailable',
  'discount_not_applicable',
  'too_many_addresses',
  'invalid_transition',
  'refund_exceeds_captured',
  'payment_declined',
  'payment_provider_unavailable',
  'invalid_return',
  'payment_provider_not_configured',
  'invalid_signature',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];

/** The HTTP status each error code is answered with. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_api_key: 401,
  invalid_credentials: 401,
  session_expired: 401,
  feature_not_in_plan: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  duplicate_sku: 409,
  invalid_state: 409,
  idempotency_conflict: 409,
  idempotency_in_progress: 409,
  tier_limit_reached: 402,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  uri_too_long: 414,
  header_fields_too_large: 431,
  request_timeout: 408,
  internal_error: 500,
  duplicate_variant: 409,
  invalid_variant_options: 422,
  options_in_use: 409,
  too_many_variants: 409,
  category_cycle: 409,
  category_too_deep: 422,
  webhooks_not_configured: 409,
  out_of_stock: 409,
  workflow_step_in_use: 409,
  product_unavailable: 409,
  variant_required: 422,
  price_unavailable: 422,
  cart_limit_exceeded: 422,
  shipping_unavailable: 422,
  discount_not_applicable: 409,
  too_many_addresses: 409,
  invalid_transition: 409,
  refund_exceeds_captured: 409,
  payment_declined: 402,
  payment_provider_unavailable: 503,
  invalid_return: 422,
  payment_provider_not_configured: 409,
  invalid_signature: 400,
};
