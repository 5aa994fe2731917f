import { createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { WEBHOOK_RESPONSE_EXCERPT_LENGTH } from '@agentstack/sdk/schemas';
import { AddressRefusedError, type Resolver, resolveReceiver } from './address';

/** What one attempt found: the receiver's answer, or why there was none. */
export interface AttemptResult {
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
  succeeded: boolean;
}

/** `t=<unix>,v1=<hex>[,v1=<hex>]`: HMAC-SHA256 of `"<t>.<body>"` under each secret (new first). */
export function signatureHeader(body: string, secrets: readonly string[], t: number): string {
  const parts = [`t=${t}`];
  for (const secret of secrets) {
    parts.push(`v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`);
  }
  return parts.join(',');
}

// Kept-alive connections per receiver, as a browser would: a busy endpoint is not re-dialled for
// every delivery. A socket is only ever opened to an address the policy accepted.
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 32 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 32 });
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what it finds
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Response bytes read at most; the rest is not waited for. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** The options of one POST. */
export interface PostOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
  resolve?: Resolver;
}

/**
 * POSTs a delivery. The receiver's name is resolved and checked here, and the connection goes to
 * exactly the checked address (a lookup that returns it), so a name cannot resolve to a public
 * address for the check and a private one for the connection. Redirects are not followed. Never
 * throws: every outcome is an {@link AttemptResult}.
 */
export async function postWebhook(options: PostOptions): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const fail = (error: string): AttemptResult => ({
    statusCode: null,
    durationMs: elapsed(),
    responseExcerpt: null,
    error,
    succeeded: false,
  });
  const url = new URL(options.url);
  const signal = AbortSignal.timeout(options.timeoutMs);
  let target: { address: string; family: 4 | 6 };
  try {
    target = await resolveReceiver(url, options.allowPrivate, options.resolve);
  } catch (error) {
    if (error instanceof AddressRefusedError) return fail(error.message);
    return fail(`could not resolve ${url.hostname}: ${(error as Error).message}`.slice(0, 500));
  }
  if (!options.allowPrivate && url.protocol !== 'https:')
    return fail('address refused: only https: receivers');
  const lookup: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) {
      (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [target]);
    } else callback(null, target.address, target.family);
  };
  const https = url.protocol === 'https:';
  try {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = (https ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        agent: https ? httpsAgent : httpAgent,
        lookup,
        signal,
      });
      req.once('response', resolve);
      req.once('error', reject);
      req.end(options.body);
    });
    const chunks: Buffer[] = [];
    let bytes = 0;
    try {
      for await (const chunk of res) {
        if (bytes < MAX_RESPONSE_BYTES) chunks.push(chunk as Buffer);
        bytes += (chunk as Buffer).length;
        if (bytes >= MAX_RESPONSE_BYTES) {
          res.destroy();
          break;
        }
      }
    } catch {
      // A body cut short (timeout, reset) still leaves the status: the attempt is judged on it.
    }
    const status = res.statusCode ?? 0;
    // Stored as text: no NUL (PostgreSQL refuses it), no half of a surrogate pair cut at the end.
    const text = Buffer.concat(chunks)
      .toString('utf8')
      .slice(0, WEBHOOK_RESPONSE_EXCERPT_LENGTH)
      .replace(ILL_FORMED, '\uFFFD');
    return {
      statusCode: status,
      durationMs: elapsed(),
      responseExcerpt: text || null,
      error: null,
      succeeded: status >= 200 && status < 300,
    };
  } catch (error) {
    if (signal.aborted) return fail(`timeout after ${options.timeoutMs} ms`);
    const err = error as NodeJS.ErrnoException;
    return fail(`${err.code ?? 'error'}: ${err.message}`.slice(0, 500));
  }
}
