import type {
  ListResponse,
  ProductCollection,
  ProductCollectionCreate,
  ProductCollectionListParams,
  ProductCollectionUpdate,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { notFound } from '../../../http/errors';
import { bumpCatalogVersion, detachFromProducts } from '../products/store';
import { collectionStore, toCollection } from './store';

/** Business rules of collections. Writes run inside the request's transaction. */
export const collectionService = {
  async list(
    db: Executor,
    caller: TenantPrincipal,
    params: ProductCollectionListParams,
  ): Promise<ListResponse<ProductCollection>> {
    return collectionStore(db, caller.tenant.id).page(params);
  },

  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<ProductCollection> {
    const row = await collectionStore(db, caller.tenant.id).get(id);
    if (!row) throw notFound('collection', id);
    return toCollection(row);
  },

  async create(
    tx: Executor,
    caller: TenantPrincipal,
    input: ProductCollectionCreate,
  ): Promise<ProductCollection> {
    const row = await collectionStore(tx, caller.tenant.id).insert({
      id: newId('coll'),
      title: input.title,
      description: input.description ?? '',
      metadata: input.metadata ?? {},
    });
    return toCollection(row);
  },

  async update(
    tx: Executor,
    caller: TenantPrincipal,
    id: string,
    input: ProductCollectionUpdate,
  ): Promise<ProductCollection> {
    const store = collectionStore(tx, caller.tenant.id);
    if (!(await store.getForUpdate(id))) throw notFound('collection', id);
    const row = await store.update(id, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.metadata !== undefined && { metadata: input.metadata }),
    });
    return toCollection(row);
  },

  async remove(tx: Executor, caller: TenantPrincipal, id: string) {
    const tenantId = caller.tenant.id;
    const store = collectionStore(tx, tenantId);
    if (!(await store.getForUpdate(id))) throw notFound('collection', id);
    await detachFromProducts(tx, tenantId, 'collectionIds', id);
    await store.remove(id);
    await bumpCatalogVersion(tx, tenantId);
    return { id, object: 'product_collection' as const, deleted: true as const };
  },
};
