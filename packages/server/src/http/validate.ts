import { PathParam } from '@agentstack/sdk/schemas';
import * as z from 'zod/mini';
import { ApiError } from './errors';

type Schema = z.ZodMiniType;

/** Parses `input` with `schema`, or throws `400 validation_failed` naming every failing field. */
export function validate<S extends Schema>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'params',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data as z.infer<S>;
  const errors = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({
        param: [...issue.path, k].join('.'),
        code: 'unknown_field',
        message: `Unknown field '${k}'.`,
      }));
    }
    return [{ param: issue.path.join('.') || where, code: issue.code, message: issue.message }];
  });
  const first = errors[0]!;
  const detail =
    errors.length === 1
      ? `Invalid ${where}: ${first.param} — ${first.message}`
      : `Invalid ${where}: ${errors.length} problems, first ${first.param} — ${first.message}`;
  throw new ApiError(400, 'validation_failed', detail, { param: first.param, errors });
}

const PathParams = z.record(z.string(), PathParam);
const NoQuery = z.strictObject({});

/**
 * Validates a route's path parameters (`:id`…) by the contract's {@link PathParam} rule, or
 * throws `400 validation_failed` naming the parameter.
 */
export function validatePathParams(params: Record<string, string>): Record<string, string> {
  return validate(PathParams, params, 'params');
}

/**
 * Validates a query string with the operation's schema; an operation without one takes no query
 * parameters, so any is `400 validation_failed` with `unknown_field`, as on every list.
 */
export function validateQuery<S extends Schema>(
  schema: S | undefined,
  query: Record<string, string>,
): z.infer<S> {
  return validate(schema ?? NoQuery, query, 'query') as z.infer<S>;
}

const PROTO_KEY = new ApiError(
  400,
  'validation_failed',
  "A JSON member named '__proto__' is not accepted anywhere in a request body.",
  {
    param: '__proto__',
    errors: [{ param: '__proto__', code: 'unknown_field', message: "Unknown field '__proto__'." }],
  },
);

/**
 * Parses a JSON request body, or throws `400 invalid_json`. An empty body is `undefined`. A
 * member named `__proto__` (however escaped) is `400 validation_failed`: schemas of records would
 * otherwise drop it silently, and plain objects would take it as their prototype.
 */
export function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  // The reviver costs a call per value: only texts that could spell the key pay for it.
  const suspicious = raw.includes('proto') || raw.includes('\\u');
  let hasProto = false;
  let value: unknown;
  try {
    value = suspicious
      ? JSON.parse(raw, function (this: unknown, key: string, v: unknown) {
          if (key === '__proto__') hasProto = true;
          return v;
        })
      : JSON.parse(raw);
  } catch (error) {
    throw new ApiError(
      400,
      'invalid_json',
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (hasProto) throw PROTO_KEY;
  return value;
}

/** JSON with object keys sorted, so equal requests hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
