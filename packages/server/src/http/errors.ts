import type { ProblemError } from '@agentstack/sdk/contract';
import type { Context } from 'hono';

// The contract's problem error, shared with the mocks so both answer the same documents.
export { notFound, ProblemError as ApiError, type ProblemExtras } from '@agentstack/sdk/contract';

/** Renders `error` as `application/problem+json` with the request's id. */
export function problemResponse(c: Context, error: ProblemError): Response {
  const requestId = c.get('requestId') as string | undefined;
  if (requestId) c.header('Request-Id', requestId);
  return c.body(JSON.stringify({ ...error.toProblem(), requestId }), error.status as 400, {
    'content-type': 'application/problem+json',
  });
}
