import { describe, expect, it } from 'vitest';
import { VersionedCache } from './versionedCache';

const MiB = 1024 * 1024;

describe('VersionedCache', () => {
  it('is bounded in bytes as well as entries, evicting the least recently used', () => {
    const cache = new VersionedCache(1000, 4 * MiB);
    for (let i = 0; i < 30; i++) cache.set(`page-${i}`, 1, new Uint8Array(Math.floor(0.9 * MiB)));
    expect(cache.bytes).toBeLessThanOrEqual(4 * MiB);
    expect(cache.size).toBe(4);
    expect(cache.get('page-29', 1)).toBeDefined();
    expect(cache.get('page-0', 1)).toBeUndefined();
    // A read marks an entry as recently used: it outlives a newer one.
    cache.get('page-26', 1);
    cache.set('page-30', 1, new Uint8Array(Math.floor(0.9 * MiB)));
    expect(cache.get('page-26', 1)).toBeDefined();
    expect(cache.get('page-27', 1)).toBeUndefined();
  });

  it('does not keep a body larger than a quarter of its budget', () => {
    const cache = new VersionedCache(1000, 4 * MiB);
    cache.set('small', 1, new Uint8Array(10));
    cache.set('huge', 1, new Uint8Array(Math.floor(1.5 * MiB)));
    expect(cache.get('huge', 1)).toBeUndefined();
    expect(cache.get('small', 1)).toBeDefined();
    expect(cache.bytes).toBe(10 + 'small'.length * 2);
  });

  it('counts a replaced entry once', () => {
    const cache = new VersionedCache(1000, 4 * MiB);
    cache.set('k', 1, new Uint8Array(100));
    cache.set('k', 2, new Uint8Array(50));
    expect(cache.bytes).toBe(50 + 2);
    expect(cache.get('k', 1)).toBeUndefined();
    expect(cache.get('k', 2)?.byteLength).toBe(50);
  });

  it('is bounded in entries', () => {
    const cache = new VersionedCache(3);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, 1, new Uint8Array(1));
    expect(cache.size).toBe(3);
  });
});
