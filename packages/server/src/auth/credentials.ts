import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A new random credential `prefix_` + 32 base62 characters (≈190 bits). */
export function generateSecret(prefix: 'op' | 'ag' | 'sk' | 'pk' | 'sess' | 'inv' | 'cst' | 'cvt'): string {
  const bytes = randomBytes(32);
  let out = '';
  for (const b of bytes) out += BASE62[b % 62];
  return `${prefix}_${out}`;
}

/**
 * A new bearer token that lasts `ttlMs`: the token (shown once), the hash stored in its place, and
 * when it expires. Dashboard sessions (`sess_`), customer sessions (`cst_`) and sign-up codes
 * (`cvt_`) are all issued here.
 */
export function issueToken(
  prefix: 'sess' | 'cst' | 'cvt',
  ttlMs: number,
  now = new Date(),
): { token: string; tokenHash: string; expiresAt: Date } {
  const token = generateSecret(prefix);
  return { token, tokenHash: hashSecret(token), expiresAt: new Date(now.getTime() + ttlMs) };
}

/** SHA-256 of a high-entropy credential: what the database stores instead of it. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The recognisable start of a key, kept to show in lists (`sk_4f9aB2…`). */
export function secretPrefix(secret: string): string {
  return `${secret.slice(0, secret.indexOf('_') + 7)}…`;
}

// scrypt N=2^15, r=8 → 32 MiB per hash: memory-hard, ~50–100 ms on this class of machine.
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function scryptAsync(
  password: string,
  salt: Buffer,
  keylen: number,
  opts: { N: number; r: number; p: number; maxmem: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Hashes a password with scrypt; the result records its parameters for later verification. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Checks a password against {@link hashPassword}'s output in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(expected, actual);
}

/**
 * Verifies `password` against `stored`, or — for an account that does not exist — against a hash
 * that verifies nothing, so the answer takes as long either way and timing tells no one which
 * accounts exist.
 */
export async function verifyPasswordOrDummy(password: string, stored: string | undefined): Promise<boolean> {
  const ok = await verifyPassword(password, stored ?? DUMMY_PASSWORD_HASH);
  return ok && stored !== undefined;
}

/** A hash that verifies nothing, compared against when the email is unknown so timing does not tell. */
export const DUMMY_PASSWORD_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
