import { HttpResponse } from 'msw';
import { ProblemError, type ProblemExtras } from '../contract/problem';
import type { ErrorCode, Problem } from '../schemas/common';

export type { ProblemExtras };

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

/** Thrown inside a mock handler to answer with a problem document: the server's own error class. */
export const MockProblem = ProblemError;
/** An instance of {@link MockProblem}. */
export type MockProblem = ProblemError;

/** The problem body `error` answers with, carrying the request id. */
export function problemBody(error: ProblemError, requestId: string): Problem & Record<string, unknown> {
  return { ...error.toProblem(), requestId };
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
  code: ErrorCode,
  detail = '',
  extras?: ProblemExtras,
  requestId = randomToken('req_'),
): HttpResponse<Problem> {
  return HttpResponse.json(problemBody(new ProblemError(status, code, detail, extras), requestId), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Request-Id': requestId },
  });
}
