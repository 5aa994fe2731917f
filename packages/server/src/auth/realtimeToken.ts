import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Realtime tokens (`rt_…`): short-lived, stateless bearer tokens for `GET /v1/realtime?token=…`,
 * which a browser's `EventSource` needs because it cannot send `Authorization`.
 *
 * A token names its parent credential (an API key or a session) and its expiry, and is signed
 * with HMAC-SHA256 under a key derived from the parent's stored hash — a value only the server's
 * database holds, and which the parent's revocation (or a session's expiry) takes away: nothing
 * is stored per token, every instance can check it, and it dies with its parent. The stream acts
 * with the parent's current tenant, role and permissions, never more.
 */

/** What a realtime token carries. */
export interface RealtimeClaims {
  /** The parent credential's kind: `k` an API key, `s` a session. */
  kind: 'k' | 's';
  /** The parent credential's id (`key_…`, `sess_…`). */
  credentialId: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

const PREFIX = 'rt_';

function signingKey(parentHash: string): Buffer {
  return createHmac('sha256', 'agentstack realtime token v1').update(parentHash).digest();
}

function sign(parentHash: string, payload: string): string {
  return createHmac('sha256', signingKey(parentHash)).update(payload).digest('base64url');
}

/** A realtime token for `claims`, signed under the parent credential's stored hash. */
export function mintRealtimeToken(claims: RealtimeClaims, parentHash: string): string {
  const payload = Buffer.from(`${claims.kind}.${claims.credentialId}.${claims.exp}`).toString('base64url');
  return `${PREFIX}${payload}.${sign(parentHash, payload)}`;
}

/** The claims of a well-formed token, not yet verified (the parent's hash is needed for that). */
export function readRealtimeToken(token: string): (RealtimeClaims & { payload: string; mac: string }) | null {
  if (!token.startsWith(PREFIX) || token.length > 500) return null;
  const [payload, mac, extra] = token.slice(PREFIX.length).split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const [kind, credentialId, exp, rest] = Buffer.from(payload, 'base64url').toString('utf8').split('.');
  if ((kind !== 'k' && kind !== 's') || !credentialId || !/^[A-Za-z0-9_]{1,64}$/.test(credentialId))
    return null;
  if (!exp || !/^\d{1,12}$/.test(exp) || rest !== undefined) return null;
  return { kind, credentialId, exp: Number(exp), payload, mac };
}

/** Whether `mac` is the signature of `payload` under the parent's hash (constant time). */
export function realtimeSignatureValid(payload: string, mac: string, parentHash: string): boolean {
  const expected = Buffer.from(sign(parentHash, payload));
  const actual = Buffer.from(mac);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
