/**
 * Log fields for an unexpected error, without the values it was carrying. A failed database query
 * (drizzle's `DrizzleQueryError`) puts its parameters — password hashes, key hashes, emails — in
 * its message, and PostgreSQL's `detail` repeats the failing row; neither is logged. What is:
 * the query's SQL (its shape: values are `$n` placeholders), the SQLSTATE code and the server's
 * message with any parameter value in it replaced by its placeholder, and the stack frames.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  const err = error as Error & { query?: unknown; params?: unknown; cause?: unknown };
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  if (typeof err.query !== 'string' || !Array.isArray(err.params)) {
    return { error: `${err.name}: ${err.message}`, stack: frames };
  }
  const cause = (err.cause ?? {}) as { code?: unknown; message?: unknown; severity?: unknown };
  return {
    error: 'database query failed',
    query: err.query,
    dbCode: typeof cause.code === 'string' ? cause.code : undefined,
    dbMessage: typeof cause.message === 'string' ? withoutParams(cause.message, err.params) : undefined,
    stack: frames,
  };
}

// Some server messages quote the offending value (`invalid input syntax for type integer: "…"`).
function withoutParams(message: string, params: unknown[]): string {
  let out = message;
  params.forEach((param, i) => {
    const value = typeof param === 'string' ? param : JSON.stringify(param);
    if (value && value.length >= 4) out = out.split(value).join(`$${i + 1}`);
  });
  return out;
}
