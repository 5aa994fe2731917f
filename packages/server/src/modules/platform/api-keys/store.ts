import type { ApiKey, ApiKeyType } from '@agentstack/sdk/schemas';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { apiKeys } from '../../../db/schema';

type Row = typeof apiKeys.$inferSelect;

/** The wire shape of a key: never its secret or hash. */
export function toApiKey(row: Row): ApiKey {
  return {
    id: row.id,
    object: 'api_key',
    type: row.type as ApiKeyType,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** SQL for one tenant's API keys; every query includes the tenant. */
export function apiKeyStore(db: Executor, tenantId: string) {
  const scoped = (...conditions: (SQL | undefined)[]) => and(eq(apiKeys.tenantId, tenantId), ...conditions);
  return {
    list: (limit: number, startingAfter?: string) =>
      db
        .select()
        .from(apiKeys)
        .where(scoped(startingAfter ? lt(apiKeys.id, startingAfter) : undefined))
        .orderBy(desc(apiKeys.id))
        .limit(limit + 1),
    async get(id: string): Promise<Row | undefined> {
      const [row] = await db
        .select()
        .from(apiKeys)
        .where(scoped(eq(apiKeys.id, id)));
      return row;
    },
    async insert(values: Omit<typeof apiKeys.$inferInsert, 'tenantId'>): Promise<Row> {
      const [row] = await db
        .insert(apiKeys)
        .values({ ...values, tenantId })
        .returning();
      return row!;
    },
    async revoke(id: string): Promise<Row | undefined> {
      const [row] = await db
        .update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(scoped(eq(apiKeys.id, id)))
        .returning();
      return row;
    },
  };
}
