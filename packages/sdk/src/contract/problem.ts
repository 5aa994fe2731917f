import type { ErrorCode, Problem } from '../schemas/common';
import { problemBase } from '../schemas/problemBase';

/** Extra RFC 9457 members a problem may carry beyond `type`, `title`, `status`, `code`, `detail`. */
export type ProblemExtras = Partial<
  Omit<Problem, 'type' | 'title' | 'status' | 'code' | 'detail' | 'requestId'>
> &
  Record<string, unknown>;

const BRAND = Symbol.for('agentstack.problem-error');

/**
 * An error that becomes an RFC 9457 `application/problem+json` answer. The server's services and
 * the mocks throw the same class, so both answer the same documents.
 */
export class ProblemError extends Error {
  /** Recognises problem errors from any copy of this package (CJS and ESM builds each have one). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** Marks instances for `instanceof` across copies of the class. */
  readonly [BRAND] = true;

  /**
   * @param status The HTTP status.
   * @param code The stable machine-readable code.
   * @param detail What happened, for a person.
   * @param extras Further members: `param`, `errors`, `upgrade`, `limit`, `feature`…
   */
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }

  /** The problem body, without `requestId` (added when it is sent). */
  toProblem(): Problem {
    return { ...problemBase(this.status, this.code, this.detail), ...this.extras } as Problem;
  }
}

/** `404 not_found` for an object of `kind` the caller cannot see. */
export function notFound(kind: string, id: string): ProblemError {
  return new ProblemError(404, 'not_found', `No ${kind} with id '${id}'.`, { param: 'id' });
}
