import { requireCategoryPlacement } from '@agentstack/sdk/contract';
import type {
  ListResponse,
  ProductCategory,
  ProductCategoryCreate,
  ProductCategoryListParams,
  ProductCategoryUpdate,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { sql } from 'drizzle-orm';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { ApiError, notFound } from '../../../http/errors';
import { bumpCatalogVersion, detachFromProducts } from '../products/store';
import { categoryStore, chainOf, hasChildren, heightOf, toCategory } from './store';

/**
 * Serialises the writes of one tenant's category tree for the rest of the transaction, so two
 * concurrent moves cannot make a cycle or a tree too deep between them.
 */
async function lockTree(tx: Executor, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`catalog-tree:${tenantId}`}))`);
}

/** The chain of ids from `parentId` to the root; `404` (naming `parentId`) when there is no such category. */
async function parentChain(tx: Executor, tenantId: string, parentId: string | null | undefined) {
  if (!parentId) return [];
  const chain = await chainOf(tx, tenantId, parentId);
  if (chain.length === 0)
    throw new ApiError(404, 'not_found', `No category with id '${parentId}'.`, { param: 'parentId' });
  return chain;
}

/** Business rules of the category tree. Writes run inside the request's transaction. */
export const categoryService = {
  async list(
    db: Executor,
    caller: TenantPrincipal,
    params: ProductCategoryListParams,
  ): Promise<ListResponse<ProductCategory>> {
    return categoryStore(db, caller.tenant.id).page(params);
  },

  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<ProductCategory> {
    const row = await categoryStore(db, caller.tenant.id).get(id);
    if (!row) throw notFound('category', id);
    return toCategory(row);
  },

  async create(
    tx: Executor,
    caller: TenantPrincipal,
    input: ProductCategoryCreate,
  ): Promise<ProductCategory> {
    const tenantId = caller.tenant.id;
    await lockTree(tx, tenantId);
    requireCategoryPlacement(undefined, await parentChain(tx, tenantId, input.parentId), 1);
    const row = await categoryStore(tx, tenantId).insert({
      id: newId('cat'),
      name: input.name,
      description: input.description ?? '',
      parentId: input.parentId ?? null,
      metadata: input.metadata ?? {},
    });
    return toCategory(row);
  },

  async update(
    tx: Executor,
    caller: TenantPrincipal,
    id: string,
    input: ProductCategoryUpdate,
  ): Promise<ProductCategory> {
    const tenantId = caller.tenant.id;
    await lockTree(tx, tenantId);
    const store = categoryStore(tx, tenantId);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('category', id);
    const moves = input.parentId !== undefined && input.parentId !== current.parentId;
    if (moves) {
      const chain = await parentChain(tx, tenantId, input.parentId);
      requireCategoryPlacement(id, chain, await heightOf(tx, tenantId, id));
    }
    const row = await store.update(id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.description !== undefined && { description: input.description }),
      ...(moves && { parentId: input.parentId ?? null }),
      ...(input.metadata !== undefined && { metadata: input.metadata }),
    });
    // A move changes which products a category filter (descendants included) lists.
    if (moves) await bumpCatalogVersion(tx, tenantId);
    return toCategory(row);
  },

  async remove(tx: Executor, caller: TenantPrincipal, id: string) {
    const tenantId = caller.tenant.id;
    await lockTree(tx, tenantId);
    const store = categoryStore(tx, tenantId);
    if (!(await store.getForUpdate(id))) throw notFound('category', id);
    if (await hasChildren(tx, tenantId, id)) {
      throw new ApiError(
        409,
        'invalid_state',
        'This category has subcategories: move or delete them first.',
        {
          param: 'id',
        },
      );
    }
    await detachFromProducts(tx, tenantId, 'categoryIds', id);
    await store.remove(id);
    await bumpCatalogVersion(tx, tenantId);
    return { id, object: 'product_category' as const, deleted: true as const };
  },
};
