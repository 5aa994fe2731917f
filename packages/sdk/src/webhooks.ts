/**
 * Verifying the webhooks AgentStack sends. Each delivery is a POST whose body is the event's JSON
 * and whose `AgentStack-Signature` header is `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: each `v1`
 * the HMAC-SHA256 of `"<t>.<raw body>"` under one of the endpoint's secrets (two while a rotated
 * secret still signs). Web Crypto only, so it runs in Node 20+, browsers and edge runtimes, and
 * needs no API key.
 */

/** The header carrying the signature. */
export const WEBHOOK_SIGNATURE_HEADER = 'AgentStack-Signature';
/** The header carrying the event's id (receivers deduplicate on it). */
export const WEBHOOK_EVENT_ID_HEADER = 'AgentStack-Event-Id';
/** The header carrying the event's type. */
export const WEBHOOK_EVENT_TYPE_HEADER = 'AgentStack-Event-Type';
/** Default tolerance between the signature's timestamp and now, in seconds. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/** The JSON body of a webhook delivery. */
export interface WebhookEvent<T = Record<string, unknown>> {
  /** `evt_…`: the same for every attempt and replay of the event; deduplicate on it. */
  id: string;
  object: 'event';
  /** `product.created`, `webhook_endpoint.test`… */
  type: string;
  /** The event's place in the tenant's commit-ordered sequence (0 for test events). */
  seq: number;
  createdAt: string;
  /** The object as the API represents it after the change. */
  data: T;
}

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** How far the signature's timestamp may be from now, in seconds. Defaults to 300; 0 turns the check off. */
  toleranceSeconds?: number;
  /** The current time in ms (tests). Defaults to `Date.now()`. */
  now?: number;
}

/** Why a delivery did not verify: `missing_header`, `malformed_header`, `stale_timestamp`, `bad_signature`, `invalid_body`. */
export class WebhookVerificationError extends Error {
  constructor(
    readonly reason:
      | 'missing_header'
      | 'malformed_header'
      | 'stale_timestamp'
      | 'bad_signature'
      | 'invalid_body',
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

const encoder = new TextEncoder();

function toBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body;
}

async function hmac(secret: string, t: string, body: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const prefix = encoder.encode(`${t}.`);
  const message = new Uint8Array(prefix.length + body.length);
  message.set(prefix);
  message.set(body, prefix.length);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Compares two strings in time that depends on their length only. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Signs `rawBody` as AgentStack does: the `AgentStack-Signature` value for timestamp `t` (unix
 * seconds) under each of `secrets`. For tests of your receiver.
 */
export async function signWebhook(
  rawBody: string | Uint8Array,
  secrets: string | readonly string[],
  t: number = Math.floor(Date.now() / 1000),
): Promise<string> {
  const body = toBytes(rawBody);
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  const parts = [`t=${t}`];
  for (const secret of list) parts.push(`v1=${hex(await hmac(secret, String(t), body))}`);
  return parts.join(',');
}

/**
 * Verifies a delivery and returns its event: the `AgentStack-Signature` header must carry a
 * timestamp within `toleranceSeconds` of now and a `v1` signature of `"<t>.<rawBody>"` under
 * `secret` (any of several `v1` values may match; pass several secrets while you rotate yours).
 * Pass the body exactly as received — before any JSON parsing. Compares in constant time.
 *
 * @throws {WebhookVerificationError} when the header is absent or malformed, the timestamp is
 * stale, no signature matches, or the body is not an event's JSON.
 *
 * @example
 * ```ts
 * import { verifyWebhook } from '@agentstack/sdk';
 * app.post('/hooks', async (req, res) => {
 *   const event = await verifyWebhook(req.rawBody, req.headers['agentstack-signature'], process.env.WHSEC!);
 *   if (await seen(event.id)) return res.sendStatus(200); // deliveries are at least once
 *   …
 * });
 * ```
 */
export async function verifyWebhook<T = Record<string, unknown>>(
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent<T>> {
  if (!header) throw new WebhookVerificationError('missing_header', `No ${WEBHOOK_SIGNATURE_HEADER} header.`);
  let t: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (name === 't') t = value;
    else if (name === 'v1') signatures.push(value.toLowerCase());
  }
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) {
    throw new WebhookVerificationError(
      'malformed_header',
      `${WEBHOOK_SIGNATURE_HEADER} must be t=<unix seconds>,v1=<hex signature>.`,
    );
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const now = (options.now ?? Date.now()) / 1000;
  if (tolerance > 0 && Math.abs(now - Number(t)) > tolerance) {
    throw new WebhookVerificationError(
      'stale_timestamp',
      `The signature's timestamp is more than ${tolerance} s from now (a replayed delivery?).`,
    );
  }
  const body = toBytes(rawBody);
  let matched = false;
  for (const s of typeof secret === 'string' ? [secret] : secret) {
    const expected = hex(await hmac(s, t, body));
    // Every candidate is compared, so the time taken does not tell which one came close.
    for (const candidate of signatures) if (constantTimeEqual(candidate, expected)) matched = true;
  }
  if (!matched) {
    throw new WebhookVerificationError(
      'bad_signature',
      'No signature matches the secret (wrong secret or altered body).',
    );
  }
  try {
    const event = JSON.parse(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody));
    if (typeof event !== 'object' || event === null || event.object !== 'event')
      throw new Error('not an event');
    return event as WebhookEvent<T>;
  } catch {
    throw new WebhookVerificationError('invalid_body', 'The body is not an AgentStack event.');
  }
}

/** `client.webhooks`: verifying the deliveries of your webhook endpoints. */
export class Webhooks {
  /**
   * Verifies a delivery and returns its event; see {@link verifyWebhook} (which needs no client:
   * a receiver without an API key imports it directly).
   */
  verify<T = Record<string, unknown>>(
    rawBody: string | Uint8Array,
    header: string | null | undefined,
    secret: string | readonly string[],
    options?: VerifyWebhookOptions,
  ): Promise<WebhookEvent<T>> {
    return verifyWebhook<T>(rawBody, header, secret, options);
  }
}
