import { canonicalJson } from '@agentstack/sdk/contract';
import type { Db } from '../db/client';
import { JsonText, VersionedCache } from './versionedCache';

/** What a cached list needs of the server: its database and how many pages a cache may hold. */
export interface CacheHost {
  db: Db;
  /** Pages each cached list keeps per instance; 0 disables caching. */
  listCacheEntries: number;
  /** Bytes each cached list keeps per instance. Defaults to 32 MiB. */
  listCacheBytes?: number;
}

/** How one module's list is read, versioned and told apart; see {@link cachedList}. */
export interface CachedListSpec<C, Q, T> {
  /** What about the caller changes the answer (tenant, audience…), as JSON. Part of the key. */
  scope(caller: C): unknown;
  /**
   * The version of the data this caller sees: one indexed single-row read, bumped in the
   * transaction of every write to that data. Read to check a cached page.
   */
  version(db: Db, caller: C): Promise<number>;
  /**
   * Reads the list (its JSON is what is cached; a `JsonText` is taken as it is) and the version
   * of the data it was read at, in
   * the same statement, so on the same snapshot. `version` is `undefined` when the statement could
   * not tell (e.g. an empty page): such a page is served but not cached.
   */
  load(db: Db, caller: C, query: Q): Promise<{ value: T | JsonText<T>; version: number | undefined }>;
}

/**
 * A list served from a per-instance cache of encoded pages, keyed by the caller's scope and the
 * validated query object itself (canonical JSON), so a query parameter cannot be left out of the
 * key. An entry is served only while the version it was read at is still current (see
 * {@link VersionedCache}), so every instance behind a load balancer serves fresh pages. A cached
 * page costs one version read; a page not cached costs one statement (the page and its version).
 *
 * Each call makes a cache of its own: a module keeps its cached list to itself. One cache per
 * server instance (keyed by its database handle).
 *
 * @example
 * ```ts
 * const cachedProducts = cachedList({ scope, version: readCatalogVersion, load: listWithVersion });
 * const page = await cachedProducts(app, caller, query); // JsonText
 * ```
 */
export function cachedList<C, Q, T>(spec: CachedListSpec<C, Q, T>) {
  const caches = new WeakMap<Db, VersionedCache | null>();
  const cacheOf = (host: CacheHost) => {
    let cache = caches.get(host.db);
    if (cache === undefined) {
      cache =
        host.listCacheEntries > 0 ? new VersionedCache(host.listCacheEntries, host.listCacheBytes) : null;
      caches.set(host.db, cache);
    }
    return cache;
  };
  return async (host: CacheHost, caller: C, query: Q): Promise<JsonText<T>> => {
    const cache = cacheOf(host);
    const key = cache ? canonicalJson([spec.scope(caller), query]) : '';
    // A page never cached needs no version check: one statement reads it and its version.
    if (cache?.has(key)) {
      const hit = cache.get(key, await spec.version(host.db, caller));
      if (hit !== undefined) return new JsonText<T>(hit);
    }
    const { value, version } = await spec.load(host.db, caller, query);
    const page = value instanceof JsonText ? (value as JsonText<T>) : new JsonText<T>(JSON.stringify(value));
    if (cache && version !== undefined) cache.set(key, version, page.bytes);
    return page;
  };
}
