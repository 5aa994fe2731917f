import type { ServerOptions as HttpServerOptions, IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemBase } from '@agentstack/sdk/schemas';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { ApiError, problemResponse } from './errors';

/**
 * Limits applied at the HTTP edge, before any route runs: sizes of the request line, headers and
 * body, and how long a client may take to send them. Each is a {@link ServerOptions} of the same
 * name; the defaults are {@link EDGE_DEFAULTS}.
 */
export interface EdgeLimits {
  /** Longest request body, in bytes (`413 payload_too_large`). */
  maxBodyBytes: number;
  /** Longest request target (path and query), in characters (`414 uri_too_long`). */
  maxUrlLength: number;
  /** Largest request line plus headers, in bytes (`431 header_fields_too_large`); Node's `maxHeaderSize`. */
  maxHeaderBytes: number;
  /** Time a client has to send the request line and headers (`408 request_timeout`). */
  headersTimeoutMs: number;
  /** Time a client has to send a body once its headers arrived (`408 request_timeout`). */
  bodyTimeoutMs: number;
  /** Time a client has to send the whole request (`408 request_timeout`); Node's `requestTimeout`. */
  requestTimeoutMs: number;
  /**
   * How long an idle keep-alive connection stays open between requests; Node's
   * `keepAliveTimeout`. Longer than the idle timeout of the load balancer or client in front
   * (60 s on common ones), so the server never closes a connection a client is about to reuse —
   * that race answers the client a connection reset instead of a response.
   */
  keepAliveTimeoutMs: number;
}

/** Defaults of {@link EdgeLimits}. */
export const EDGE_DEFAULTS: EdgeLimits = {
  maxBodyBytes: 1024 * 1024,
  maxUrlLength: 8 * 1024,
  maxHeaderBytes: 16 * 1024,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 65_000,
};

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

function describeBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** `414 uri_too_long` for a request target longer than `maxUrlLength`. */
export function limitUrl(maxUrlLength: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    // The target is what follows the origin; c.req.url is absolute.
    const target = url.length - url.indexOf('/', url.indexOf('//') + 2);
    if (target > maxUrlLength) {
      throw new ApiError(414, 'uri_too_long', `The request URL is longer than ${maxUrlLength} characters.`);
    }
    await next();
  };
}

/**
 * Reads the body of a write before the route runs, so that no route waits on a slow client:
 * only `application/json` is accepted (`415 unsupported_media_type`; an empty body needs no type),
 * at most `maxBodyBytes` (`413 payload_too_large`), and all of it within `bodyTimeoutMs`
 * (`408 request_timeout`, and the connection is closed). The route then reads it from memory
 * with {@link bodyText}. Served by Node (`@hono/node-server`), the body is read straight from
 * Node's request stream; otherwise (`app.fetch`) from the Fetch request's.
 */
export function readBody(
  limits: Pick<EdgeLimits, 'maxBodyBytes' | 'bodyTimeoutMs'>,
): MiddlewareHandler<AppEnv> {
  const tooLarge = () =>
    new ApiError(
      413,
      'payload_too_large',
      `The request body is larger than ${describeBytes(limits.maxBodyBytes)}.`,
    );
  const tooSlow = () =>
    new ApiError(
      408,
      'request_timeout',
      `The request body did not arrive within ${limits.bodyTimeoutMs} ms.`,
    );
  return async (c, next) => {
    if (BODYLESS.has(c.req.method)) return next();
    const declared = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (!chunked && (declared === undefined || declared === '0')) {
      c.set('body', EMPTY);
      return next();
    }
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      c.header('Connection', 'close');
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Request bodies must be application/json${type ? `, not ${type}` : ' (Content-Type is missing)'}.`,
        { param: 'Content-Type' },
      );
    }
    if (!chunked && Number(declared) > limits.maxBodyBytes) {
      c.header('Connection', 'close');
      throw tooLarge();
    }
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    try {
      c.set(
        'body',
        incoming
          ? await readIncoming(incoming, limits, tooLarge, tooSlow)
          : await readFetchBody(c.req.raw, limits, tooLarge, tooSlow),
      );
    } catch (error) {
      // The rest of the body is never read: the connection cannot carry another request.
      c.header('Connection', 'close');
      throw error;
    }
    return next();
  };
}

const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder();

/** The request body {@link readBody} read, as text (UTF-8, a leading BOM dropped); `''` when none. */
export function bodyText(c: Context<AppEnv>): Promise<string> {
  const body = c.get('body');
  return body ? Promise.resolve(decoder.decode(body)) : c.req.text();
}

/** Node's request stream, whole, within the limits. */
function readIncoming(
  incoming: IncomingMessage,
  limits: Pick<EdgeLimits, 'maxBodyBytes' | 'bodyTimeoutMs'>,
  tooLarge: () => ApiError,
  tooSlow: () => ApiError,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: Error | null) => {
      clearTimeout(timer);
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
      if (!error) return resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
      // Left unread: the server drains or closes it once the reply is sent.
      incoming.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limits.maxBodyBytes) return finish(tooLarge());
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = (error: Error) => finish(error);
    const onClose = () =>
      finish(new ApiError(400, 'bad_request', 'The client closed the connection before its body arrived.'));
    const timer = setTimeout(() => finish(tooSlow()), limits.bodyTimeoutMs);
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/** A Fetch request's body stream, whole, within the limits (`app.fetch` without Node). */
async function readFetchBody(
  raw: Request,
  limits: Pick<EdgeLimits, 'maxBodyBytes' | 'bodyTimeoutMs'>,
  tooLarge: () => ApiError,
  tooSlow: () => ApiError,
): Promise<Uint8Array> {
  if (!raw.body) return EMPTY;
  const reader = raw.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooSlow()), limits.bodyTimeoutMs);
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBodyBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The methods `app` serves at `path`, from its registered routes (middleware excluded); empty
 * when no route has this path. `HEAD` is listed with `GET`.
 */
export function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || !pathPattern(route.path).test(path)) continue;
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
  }
  return [...methods].sort();
}

const patterns = new Map<string, RegExp>();
function pathPattern(path: string): RegExp {
  let pattern = patterns.get(path);
  if (!pattern) {
    const source = path
      .split('/')
      .map((part) =>
        part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    pattern = new RegExp(`^${source}/?$`);
    patterns.set(path, pattern);
  }
  return pattern;
}

/** The answer for a request no route matched: `405` with `Allow` on a known path, else `404`. */
export function unmatched(app: Hono<AppEnv>, c: Context<AppEnv>): Response {
  const allow = allowedMethods(app, c.req.path);
  if (allow.length) {
    c.header('Allow', allow.join(', '));
    return problemResponse(
      c,
      new ApiError(
        405,
        'method_not_allowed',
        `${c.req.method} is not allowed on ${c.req.path}. Allowed: ${allow.join(', ')}.`,
      ),
    );
  }
  return problemResponse(c, new ApiError(404, 'route_not_found', `No route ${c.req.method} ${c.req.path}.`));
}

/** Node `http.createServer` options enforcing the header and request timeouts and header size. */
export function httpServerOptions(limits: EdgeLimits): HttpServerOptions {
  return {
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks both timeouts on this interval (30 s by default, which let slow headers linger).
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
  };
}

/**
 * Answers what Node rejects before Hono sees a request — headers too large, a request line too
 * long, a client too slow, a malformed request — as `application/problem+json` instead of Node's
 * bare status line, then closes the connection.
 */
export function answerClientErrors(server: Server, limits: EdgeLimits): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    let status = 400;
    let code: 'bad_request' | 'request_timeout' | 'uri_too_long' | 'header_fields_too_large' = 'bad_request';
    let detail = 'The request is not valid HTTP/1.1.';
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      status = 408;
      code = 'request_timeout';
      detail = `The request did not arrive within ${limits.headersTimeoutMs} ms (headers) or ${limits.requestTimeoutMs} ms (whole request).`;
    } else if (error.code === 'HPE_HEADER_OVERFLOW') {
      // Node counts the request line with the headers; a packet that starts a request line and
      // does not end it within maxUrlLength overflowed on its URL.
      const packet = error.rawPacket;
      const lineEnd = packet?.indexOf('\r\n') ?? -1;
      const startsRequestLine = /^[A-Z]+ \//.test(packet?.subarray(0, 16).toString('latin1') ?? '');
      if (startsRequestLine && (lineEnd === -1 || lineEnd > limits.maxUrlLength)) {
        status = 414;
        code = 'uri_too_long';
        detail = `The request URL is longer than ${limits.maxUrlLength} characters.`;
      } else {
        status = 431;
        code = 'header_fields_too_large';
        detail = `The request headers are larger than ${limits.maxHeaderBytes} bytes.`;
      }
    }
    const body = JSON.stringify(problemBase(status, code, detail));
    socket.end(
      `HTTP/1.1 ${status} ${problemBase(status, code, detail).title}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
