import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

/** The shortest server key accepted, in characters (32 random bytes in base64url are 43). */
export const MIN_SECRET_KEY_LENGTH = 32;
const VERSION = 'v1';

/**
 * Encrypts what the server must read back (webhook signing secrets) under the server key, with
 * AES-256-GCM: a random 96-bit nonce per value, and the owning row's id as associated data, so a
 * ciphertext copied onto another row does not decrypt. The AES key is derived from the server key
 * with HKDF-SHA256, so any long random string serves as a server key.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(serverKey: string) {
    if (serverKey.length < MIN_SECRET_KEY_LENGTH) {
      throw new Error(
        `the server key (AGENTSTACK_SECRET_KEY) must be at least ${MIN_SECRET_KEY_LENGTH} characters of random text, e.g. \`openssl rand -base64 32\``,
      );
    }
    this.#key = Buffer.from(hkdfSync('sha256', serverKey, 'agentstack', 'agentstack secret box v1', 32));
  }

  /** `v1.<nonce>.<ciphertext+tag>` (base64url) of `plaintext`, bound to `context` (a row id). */
  seal(plaintext: string, context: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
  }

  /** The plaintext of {@link seal}'s output; throws when the key, the context or the text differ. */
  open(sealed: string, context: string): string {
    const [version, nonce, body] = sealed.split('.');
    if (version !== VERSION || !nonce || !body) throw new Error('not a sealed secret');
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** Where the server key comes from; see {@link openSecretBox}. */
export interface SecretKeySource {
  /** The key itself (`ServerOptions.secretKey`, `AGENTSTACK_SECRET_KEY`). */
  secretKey?: string;
  /** A file holding the key, created (0600) with a random one when absent. */
  secretKeyFile?: string;
  /** PostgreSQL: without a key, nothing to fall back on (instances must share one). */
  databaseUrl?: string;
}

/**
 * The server's secret box: from `secretKey`; else from `secretKeyFile` (made with a random key,
 * mode 0600, on first start); else — on PostgreSQL — `null` (webhook endpoints then answer
 * `409 webhooks_not_configured`: several instances must share one key, which the server cannot
 * invent); else (PGlite in memory) a random key that lives as long as the process, like its data.
 */
export function openSecretBox(source: SecretKeySource): { box: SecretBox | null; origin: string } {
  if (source.secretKey) return { box: new SecretBox(source.secretKey), origin: 'secretKey' };
  if (source.databaseUrl) return { box: null, origin: 'none' };
  if (source.secretKeyFile) {
    let key: string;
    try {
      key = readFileSync(source.secretKeyFile, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      key = randomBytes(32).toString('base64url');
      try {
        // `wx`: a second process starting at the same moment keeps the first one's key.
        writeFileSync(source.secretKeyFile, `${key}\n`, { mode: 0o600, flag: 'wx' });
      } catch (raced) {
        if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
        key = readFileSync(source.secretKeyFile, 'utf8').trim();
      }
    }
    chmodSync(source.secretKeyFile, 0o600);
    return { box: new SecretBox(key), origin: source.secretKeyFile };
  }
  return { box: new SecretBox(randomBytes(32).toString('base64url')), origin: 'memory' };
}
