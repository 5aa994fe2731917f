import { type ErrorCode, type Problem, problemBase } from '@agentstack/sdk/schemas';
import type { Context } from 'hono';

/** Extra RFC 9457 members a problem may carry. */
export type ProblemExtras = Partial<
  Omit<Problem, 'type' | 'title' | 'status' | 'code' | 'detail' | 'requestId'>
>;

/**
 * An error that becomes an RFC 9457 `application/problem+json` response. Thrown from routes and
 * services; the app's error handler renders it with the request id.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  /** The problem body, without `requestId` (added when rendered). */
  toProblem(): Problem {
    return { ...problemBase(this.status, this.code, this.detail), ...this.extras };
  }
}

/** `404 not_found` for an object of `kind` the caller cannot see. */
export function notFound(kind: string, id: string): ApiError {
  return new ApiError(404, 'not_found', `No ${kind} with id '${id}'.`, { param: 'id' });
}

/** Renders `error` as `application/problem+json` with the request's id. */
export function problemResponse(c: Context, error: ApiError): Response {
  const requestId = c.get('requestId') as string | undefined;
  if (requestId) c.header('Request-Id', requestId);
  return c.body(JSON.stringify({ ...error.toProblem(), requestId }), error.status as 400, {
    'content-type': 'application/problem+json',
  });
}
