/** PostgreSQL's error code (SQLSTATE) of `error`, whatever the driver wraps it in. */
function sqlState(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * True for a deadlock (40P01) or a serialization failure (40001): the transaction was rolled
 * back as a whole and running it again is safe.
 */
export function isRetryableConflict(error: unknown): boolean {
  const code = sqlState(error);
  return code === '40P01' || code === '40001';
}

/** True for PostgreSQL's unique-violation error (23505), whatever the driver wraps it in. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const pgError = e as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (pgError.code === '23505') {
      if (!constraint) return true;
      return pgError.constraint === constraint || (pgError.message ?? '').includes(constraint);
    }
    e = pgError.cause;
  }
  return false;
}
