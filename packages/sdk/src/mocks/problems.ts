import { HttpResponse } from 'msw';
import { en } from 'zod/locales';
import type { z } from 'zod/mini';
import { type Problem, problemBase } from '../schemas/common';

/**
 * `prefix` + 32 random hex characters. Uses `getRandomValues`, which, unlike `randomUUID`, also
 * exists outside secure contexts (a Storybook opened over a LAN address).
 */
export function randomToken(prefix: string): string {
  return (
    prefix +
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
  );
}

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
    const { detail, ...base } = problemBase(this.status, this.code, this.detail ?? '');
    return { ...base, ...(this.detail !== undefined ? { detail } : {}), ...this.extras, requestId };
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
  requestId = randomToken('req_'),
): HttpResponse<Problem> {
  return HttpResponse.json(new MockProblem(status, code, detail, extras).toBody(requestId), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Request-Id': requestId },
  });
}

const localeError = en().localeError;

/** Parses `data` with a schema or throws the server's `400 validation_failed`, naming every failing field. */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  data: unknown,
  where: 'body' | 'query',
): z.output<S> {
  const result = schema.safeParse(data, { error: localeError });
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue): { param: string; code: string; message: string }[] => {
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
  throw new MockProblem(400, 'validation_failed', detail, { param: first.param, errors });
}
