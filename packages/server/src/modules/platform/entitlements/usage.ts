import type { LimitKey } from '@agentstack/sdk/catalog';
import { type Executor, readAll } from '../../../db/client';

/** Counts a tenant's current use of one limit, on the caller's executor (its transaction). */
export type UsageCounter = (db: Executor, tenantId: string) => Promise<number>;

const counters = new Map<LimitKey, UsageCounter>();

/**
 * Registers how `key` is counted. Each domain registers the limits it owns, beside its rules, so
 * this module knows no domain's tables. A limit nobody registers reports 0 used. Registering one
 * key twice is a programming error.
 *
 * @example
 * ```ts
 * // in modules/social/members/service.ts
 * registerUsage('social.users', (db, tenantId) => memberStore(db, tenantId).count());
 * ```
 */
export function registerUsage(key: LimitKey, counter: UsageCounter): void {
  if (counters.has(key)) throw new Error(`usage of '${key}' is already registered`);
  counters.set(key, counter);
}

/** Current usage of one limit. */
export function usageOf(db: Executor, tenantId: string, key: LimitKey): Promise<number> {
  return counters.get(key)?.(db, tenantId) ?? Promise.resolve(0);
}

/** Current usage of every registered limit. */
export async function countUsage(db: Executor, tenantId: string): Promise<Partial<Record<LimitKey, number>>> {
  const entries = await readAll(
    db,
    [...counters].map(
      ([key, count]) =>
        async () =>
          [key, await count(db, tenantId)] as const,
    ),
  );
  return Object.fromEntries(entries);
}
