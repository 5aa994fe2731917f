/**
 * A bounded in-process cache of serialized responses, each stored with the version of the data
 * it was read at. A reader first reads the current version (one indexed single-row read), then
 * serves the entry only if its version matches — so every instance behind a load balancer
 * serves fresh data without a shared cache or invalidation messages.
 *
 * Read the version BEFORE reading the data you store under it, or in the same statement: the
 * data can then only be newer than its label, never older, and a newer label forces a re-read.
 */
export class VersionedCache {
  private entries = new Map<string, { version: number; body: Uint8Array; bytes: number }>();
  private heldBytes = 0;

  /**
   * Keeps at most `maxEntries` entries and `maxBytes` bytes (bodies plus keys), evicting the
   * least recently used. A body larger than a quarter of `maxBytes` is not kept, so one huge page
   * cannot flush the cache. Defaults: 2,000 entries, 32 MiB.
   */
  constructor(
    private readonly maxEntries = 2000,
    private readonly maxBytes = DEFAULT_CACHE_BYTES,
  ) {}

  /** The stored body for `key` if it was read at `version`. */
  get(key: string, version: number): Uint8Array | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    // Re-insert to mark as recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.body;
  }

  /** True when an entry for `key` is held, whatever its version. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Stores `body` for `key`, read at `version`. */
  set(key: string, version: number, body: Uint8Array): void {
    this.delete(key);
    // Keys are UTF-16 in memory: two bytes a character.
    const bytes = body.byteLength + key.length * 2;
    if (bytes > this.maxBytes / 4) return;
    this.entries.set(key, { version, body, bytes });
    this.heldBytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.heldBytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.heldBytes -= entry.bytes;
  }

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** Bytes held: bodies plus keys. */
  get bytes(): number {
    return this.heldBytes;
  }
}

/** Default byte budget of a {@link VersionedCache}: 32 MiB. */
export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

const encoder = new TextEncoder();

/**
 * A handler result that is already encoded JSON: sent as it is, not serialized again. `T` is the
 * type the JSON encodes, so a route's handler is still checked against its response schema.
 */
export class JsonText<T = unknown> {
  /** Carries `T` for the type checker only. */
  declare readonly __json?: T;
  /** The UTF-8 bytes of the JSON document. */
  readonly bytes: Uint8Array;
  constructor(json: string | Uint8Array) {
    this.bytes = typeof json === 'string' ? encoder.encode(json) : json;
  }
}
