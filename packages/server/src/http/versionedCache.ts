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
  private entries = new Map<string, { version: number; body: Uint8Array }>();

  /** Keeps at most `maxEntries` entries, evicting the least recently used. Defaults to 2,000. */
  constructor(private readonly maxEntries = 2000) {}

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
    this.entries.delete(key);
    this.entries.set(key, { version, body });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }
}

const encoder = new TextEncoder();

/** A handler result that is already encoded JSON: sent as it is, not serialized again. */
export class JsonText {
  /** The UTF-8 bytes of the JSON document. */
  readonly bytes: Uint8Array;
  constructor(json: string | Uint8Array) {
    this.bytes = typeof json === 'string' ? encoder.encode(json) : json;
  }
}
