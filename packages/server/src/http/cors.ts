import type { MiddlewareHandler } from 'hono';

/** Options of {@link cors}. */
export interface CorsOptions {
  /** Allowed origins, or `*` for any (bearer tokens, no cookies). */
  origins: string[] | '*';
  allowHeaders: string[];
  exposeHeaders: string[];
  allowMethods: string[];
  /** Seconds a preflight may be cached. */
  maxAge: number;
}

/**
 * CORS for `/v1`. Unlike hono/cors it sets headers through `c.header()` before the handler runs,
 * so the response object is never rebuilt afterwards (which would turn node-server's fast path
 * for string bodies into a stream copy on every request).
 */
export function cors(options: CorsOptions): MiddlewareHandler {
  const allowHeaders = options.allowHeaders.join(',');
  const exposeHeaders = options.exposeHeaders.join(',');
  const allowMethods = options.allowMethods.join(',');
  const allowOrigin = (origin: string | undefined): string | null => {
    if (options.origins === '*') return '*';
    return origin && options.origins.includes(origin) ? origin : null;
  };
  return async (c, next) => {
    const origin = allowOrigin(c.req.header('origin'));
    if (origin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', exposeHeaders);
      if (origin !== '*') c.header('Vary', 'Origin');
    }
    if (c.req.method === 'OPTIONS') {
      if (origin) {
        c.header('Access-Control-Allow-Methods', allowMethods);
        c.header('Access-Control-Allow-Headers', allowHeaders);
        c.header('Access-Control-Max-Age', String(options.maxAge));
      }
      return c.body(null, 204);
    }
    await next();
  };
}
