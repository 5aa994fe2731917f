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
