import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from: the socket's peer, or — when `trustProxy` is set because a
 * proxy or load balancer sits in front — the last address in `X-Forwarded-For`, the one that
 * proxy saw (earlier entries are whatever the client claimed). `unknown` without a socket
 * (`app.fetch`).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last) return last.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
