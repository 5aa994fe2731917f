import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { PathParam } from '../schemas/common';
import { ProblemError } from './problem';

const localeError = en().localeError;

/** One failing field of a `400 validation_failed`. */
export interface FieldError {
  param: string;
  code: string;
  message: string;
}

/**
 * Parses `input` with `schema`, or throws `400 validation_failed` naming every failing field —
 * the one validation the server and the mocks share.
 */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'params',
): z.output<S> {
  const result = schema.safeParse(input, { error: localeError });
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        param: [...issue.path, key].join('.'),
        code: 'unknown_field',
        message: `Unknown field '${key}'.`,
      }));
    }
    return [{ param: issue.path.join('.') || where, code: issue.code, message: issue.message }];
  });
  const first = errors[0] ?? { param: where, code: 'invalid', message: 'Invalid input' };
  const detail =
    errors.length === 1
      ? `Invalid ${where}: ${first.param} — ${first.message}`
      : `Invalid ${where}: ${errors.length} problems, first ${first.param} — ${first.message}`;
  throw new ProblemError(400, 'validation_failed', detail, { param: first.param, errors });
}

/**
 * Parses a JSON request body, or throws `400 invalid_json`. An empty body is `undefined`. A
 * member named `__proto__` (however escaped) is `400 validation_failed`: schemas of records would
 * otherwise drop it silently, and plain objects would take it as their prototype.
 */
export function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  // The reviver costs a call per value: only texts that could spell the key pay for it.
  const suspicious = raw.includes('proto') || raw.includes('\\u');
  let hasProto = false;
  let value: unknown;
  try {
    value = suspicious
      ? JSON.parse(raw, (key: string, v: unknown) => {
          if (key === '__proto__') hasProto = true;
          return v;
        })
      : JSON.parse(raw);
  } catch (error) {
    throw new ProblemError(
      400,
      'invalid_json',
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (hasProto) {
    throw new ProblemError(
      400,
      'validation_failed',
      "A JSON member named '__proto__' is not accepted anywhere in a request body.",
      {
        param: '__proto__',
        errors: [{ param: '__proto__', code: 'unknown_field', message: "Unknown field '__proto__'." }],
      },
    );
  }
  return value;
}

/** Throws `400 validation_failed` unless `json` is absent or `{}`: for operations that take no body. */
export function requireNoBody(json: unknown): void {
  if (json === undefined) return;
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && Object.keys(json).length === 0)
    return;
  throw new ProblemError(400, 'validation_failed', 'This operation takes no request body.', {
    param: 'body',
  });
}

/** JSON with object keys sorted, so equal requests hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const PathParams = z.record(z.string(), PathParam);
const NoQuery = z.strictObject({});

/** Validates path parameters (`:id`…) by the contract's {@link PathParam} rule (`400 validation_failed`). */
export function validatePathParams(params: Record<string, string>): Record<string, string> {
  return validate(PathParams, params, 'params');
}

/**
 * Validates a query string with the operation's schema; an operation without one takes no query
 * parameters, so any is `400 validation_failed` with `unknown_field`, as on every list.
 */
export function validateQuery(schema: z.ZodMiniType | undefined, query: Record<string, string>): unknown {
  return validate(schema ?? NoQuery, query, 'query');
}
