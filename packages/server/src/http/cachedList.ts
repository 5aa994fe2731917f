import type { Db } from '../db/client';
import { canonicalJson } from './validate';
import { JsonText, VersionedCache } from './versionedCache';

/** What a cached list needs of the server: its database and how many pages a cache may hold. */
export interface CacheHost {
  db: Db;
  /** Pages each cached list keeps per instance; 0 disables caching. */
  listCacheEntries: number;
}

/** How one module's list is read, versioned and told apart; see {@link cachedList}. */
export interface CachedListSpec<C, Q> {
  /** What about the caller changes the answer (tenant, audience…), as JSON. Part of the key. */
  scope(caller: C): unknown;
  /**
   * The version of the data this caller sees: one indexed single-row read, bumped in the
   * transaction of every write to that data. Read before the data.
   */
  version(db: Db, caller: C): Promise<number>;
  /** Reads the list; its JSON is what is cached. */
  load(db: Db, caller: C, query: Q): Promise<unknown>;
}

/**
 * A list served from a per-instance cache of encoded pages, keyed by the caller's scope and the
 * validated query object itself (canonical JSON), so a query parameter cannot be left out of the
 * key. An entry is served only while the version it was read at is still current (see
 * {@link VersionedCache}), so every instance behind a load balancer serves fresh pages.
 *
 * Each call makes a cache of its own: a module keeps its cached list to itself. One cache per
 * server instance (keyed by its database handle).
 *
 * @example
 * ```ts
 * const cachedProducts = cachedList({ scope, version: readCatalogVersion, load: productService.list });
 * const page = await cachedProducts(app, caller, query); // JsonText
 * ```
 */
export function cachedList<C, Q>(spec: CachedListSpec<C, Q>) {
  const caches = new WeakMap<Db, VersionedCache | null>();
  const cacheOf = (host: CacheHost) => {
    let cache = caches.get(host.db);
    if (cache === undefined) {
      cache = host.listCacheEntries > 0 ? new VersionedCache(host.listCacheEntries) : null;
      caches.set(host.db, cache);
    }
    return cache;
  };
  return async (host: CacheHost, caller: C, query: Q): Promise<JsonText> => {
    const cache = cacheOf(host);
    if (!cache) return new JsonText(JSON.stringify(await spec.load(host.db, caller, query)));
    const version = await spec.version(host.db, caller);
    const key = canonicalJson([spec.scope(caller), query]);
    const hit = cache.get(key, version);
    if (hit !== undefined) return new JsonText(hit);
    const page = new JsonText(JSON.stringify(await spec.load(host.db, caller, query)));
    cache.set(key, version, page.bytes);
    return page;
  };
}
