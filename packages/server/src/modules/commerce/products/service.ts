import { requireOptionsFitVariants, requirePriceCurrencyOnce } from '@agentstack/sdk/contract';
import type {
  ListResponse,
  Product,
  ProductCreate,
  ProductListParams,
  ProductUpdate,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import type { SQL } from 'drizzle-orm';
import { isStorefront, type TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { isUniqueViolation } from '../../../db/errors';
import { recordEvent } from '../../../events/outbox';
import { cachedList } from '../../../http/cachedList';
import { ApiError, notFound } from '../../../http/errors';
import { JsonText } from '../../../http/versionedCache';
import { lockTenant, requireFeature, requireRoomFor, reserve } from '../../platform/entitlements/service';
import { registerUsage } from '../../platform/entitlements/usage';
import { categoryStore } from '../categories/store';
import { collectionStore } from '../collections/store';
import { receiveNewItemStock } from '../inventory/service';
import { variantHasSku, variantsOf } from '../variants/store';
import { vendorStore } from '../vendors/store';
import {
  bumpCatalogVersion,
  catalogVersion,
  countsTowardLimit,
  productFilter,
  productStore,
  productValues,
  readCatalogVersion,
  toMedia,
  toProduct,
} from './store';

const SKU_INDEX = 'products_tenant_sku_idx';

// The plan's product limit counts the catalogue's live products: archived ones do not count.
registerUsage('commerce.products', (db, tenantId) => productStore(db, tenantId).count(countsTowardLimit));

function duplicateSku(sku: string | null | undefined): ApiError {
  return new ApiError(409, 'duplicate_sku', `Another product already has SKU '${sku}'.`, { param: 'sku' });
}

/**
 * What of the catalogue the caller's list reads: the filter, or `null` when the caller can see
 * none of it. Browsers with a publishable key see the live catalogue only.
 */
function visible(caller: TenantPrincipal, params: ProductListParams): SQL | undefined | null {
  const { limit: _limit, startingAfter: _after, order: _order, ...filter } = params;
  if (!isStorefront(caller)) return productFilter(caller.tenant.id, filter);
  if (params.status && params.status !== 'active') return null;
  return productFilter(caller.tenant.id, { ...filter, status: 'active' });
}

/**
 * `404 not_found` (naming the field) unless every category, collection and vendor named exists in
 * the caller's tenant; a vendor needs plan feature `commerce.multiVendor`. The rows are locked
 * until commit, so a concurrent delete cannot leave the product pointing at nothing.
 */
async function requireReferences(
  tx: Executor,
  caller: TenantPrincipal,
  input: Pick<ProductCreate, 'categoryIds' | 'collectionIds' | 'vendorId'>,
): Promise<void> {
  const tenantId = caller.tenant.id;
  const missing = (kind: string, param: string, id: string) =>
    new ApiError(404, 'not_found', `No ${kind} with id '${id}'.`, { param });
  if (input.vendorId) {
    requireFeature(caller.tenant, 'commerce.multiVendor');
    if (!(await vendorStore(tx, tenantId).getForUpdate(input.vendorId)))
      throw missing('vendor', 'vendorId', input.vendorId);
  }
  const groups = [
    ['category', 'categoryIds', input.categoryIds, categoryStore(tx, tenantId)],
    ['collection', 'collectionIds', input.collectionIds, collectionStore(tx, tenantId)],
  ] as const;
  for (const [kind, param, ids, store] of groups) {
    if (!ids?.length) continue;
    const found = new Set((await store.getMany([...ids], { forUpdate: true })).map((r) => r.id));
    const absent = ids.find((id) => !found.has(id));
    if (absent) throw missing(kind, param, absent);
  }
}

/** `409 duplicate_sku` when a variant holds `sku` (products and variants share one SKU space). */
async function requireSkuFree(tx: Executor, tenantId: string, sku: string | null | undefined): Promise<void> {
  if (sku && (await variantHasSku(tx, tenantId, sku))) throw duplicateSku(sku);
}

const NOTHING: ListResponse<Product> = { data: [], hasMore: false, nextCursor: null };

/** Business rules of the product catalogue. Writes run inside the request's transaction. */
export const productService = {
  /**
   * Lists products, serving pages from this module's cache while the tenant's catalogue version
   * is unchanged since they were read (see `cachedList`).
   */
  listCached: cachedList<TenantPrincipal, ProductListParams, ListResponse<Product>>({
    // Browsers with a publishable key see another catalogue (live products only).
    scope: (caller) => [caller.tenant.id, isStorefront(caller) ? 'public' : 'all'],
    version: (db, caller) => readCatalogVersion(db, caller.tenant.id),
    load: async (db, caller, params) => {
      const filter = visible(caller, params);
      if (filter === null) return { value: NOTHING, version: undefined };
      // The page's JSON is built by the database, its version read in the same statement.
      const { json, alongside } = await productStore(db, caller.tenant.id).pageJson(
        params,
        filter,
        catalogVersion(caller.tenant.id),
      );
      return { value: new JsonText(json), version: alongside };
    },
  }),

  async list(
    db: Executor,
    caller: TenantPrincipal,
    params: ProductListParams,
  ): Promise<ListResponse<Product>> {
    const filter = visible(caller, params);
    return filter === null ? NOTHING : productStore(db, caller.tenant.id).page(params, filter);
  },

  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<Product> {
    const row = await productStore(db, caller.tenant.id).get(id);
    if (!row || (isStorefront(caller) && row.status !== 'active')) throw notFound('product', id);
    return toProduct(row);
  },

  async create(tx: Executor, caller: TenantPrincipal, input: ProductCreate): Promise<Product> {
    const tenant = await reserve(tx, caller.tenant.id, 'commerce.products');
    const stock = input.inventoryQuantity ?? 0;
    if (stock > 0 && !caller.permissions.has('commerce:inventory:write')) {
      throw new ApiError(
        403,
        'forbidden',
        'Receiving initial stock needs permission commerce:inventory:write.',
        {
          param: 'inventoryQuantity',
        },
      );
    }
    await requireReferences(tx, caller, input);
    await requireSkuFree(tx, tenant.id, input.sku);
    try {
      // The row starts with the figure its receipt below derives (one truth: the levels).
      const row = await productStore(tx, tenant.id).insert({ id: newId('prod'), ...productValues(input) });
      const product = toProduct(row);
      await bumpCatalogVersion(tx, tenant.id);
      await recordEvent(tx, tenant.id, 'product.created', product);
      if (stock > 0) await receiveNewItemStock(tx, tenant.id, product.id, stock, 'Initial stock');
      return product;
    } catch (error) {
      if (isUniqueViolation(error, SKU_INDEX)) throw duplicateSku(input.sku);
      throw error;
    }
  },

  async update(tx: Executor, caller: TenantPrincipal, id: string, input: ProductUpdate): Promise<Product> {
    const store = productStore(tx, caller.tenant.id);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('product', id);
    if (current.status === 'archived') {
      throw new ApiError(409, 'invalid_state', 'Archived products cannot be edited; unarchive it first.', {
        param: 'id',
      });
    }
    if (input.price !== undefined || input.prices !== undefined) {
      requirePriceCurrencyOnce(
        input.price ?? { amount: current.priceAmount, currency: current.currency },
        input.prices ?? current.prices,
      );
    }
    if (input.options !== undefined) {
      requireOptionsFitVariants(input.options, await variantsOf(tx, caller.tenant.id, id));
    }
    await requireReferences(tx, caller, input);
    await requireSkuFree(tx, caller.tenant.id, input.sku);
    try {
      const row = await store.update(id, {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.sku !== undefined && { sku: input.sku }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.price !== undefined && { priceAmount: input.price.amount, currency: input.price.currency }),
        ...(input.imageUrl !== undefined && { imageUrl: input.imageUrl }),
        ...(input.metadata !== undefined && { metadata: input.metadata }),
        ...(input.prices !== undefined && { prices: input.prices }),
        ...(input.options !== undefined && { options: input.options }),
        ...(input.media !== undefined && { media: input.media.map(toMedia) }),
        ...(input.categoryIds !== undefined && { categoryIds: input.categoryIds }),
        ...(input.collectionIds !== undefined && { collectionIds: input.collectionIds }),
        ...(input.vendorId !== undefined && { vendorId: input.vendorId }),
      });
      const product = toProduct(row);
      await bumpCatalogVersion(tx, caller.tenant.id);
      await recordEvent(tx, caller.tenant.id, 'product.updated', product);
      return product;
    } catch (error) {
      if (isUniqueViolation(error, SKU_INDEX)) throw duplicateSku(input.sku);
      throw error;
    }
  },

  async archive(tx: Executor, caller: TenantPrincipal, id: string): Promise<Product> {
    const store = productStore(tx, caller.tenant.id);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('product', id);
    if (current.status === 'archived') return toProduct(current);
    const product = toProduct(await store.update(id, { status: 'archived', archivedAt: new Date() }));
    await bumpCatalogVersion(tx, caller.tenant.id);
    await recordEvent(tx, caller.tenant.id, 'product.archived', product);
    return product;
  },

  async unarchive(tx: Executor, caller: TenantPrincipal, id: string): Promise<Product> {
    // The product before the tenant: the order stock changes lock them in.
    const store = productStore(tx, caller.tenant.id);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('product', id);
    if (current.status !== 'archived') return toProduct(current);
    const tenant = await lockTenant(tx, caller.tenant.id);
    await requireRoomFor(tx, tenant, 'commerce.products');
    const product = toProduct(await store.update(id, { status: 'draft', archivedAt: null }));
    await bumpCatalogVersion(tx, tenant.id);
    await recordEvent(tx, tenant.id, 'product.unarchived', product);
    return product;
  },

  async bulkArchive(tx: Executor, caller: TenantPrincipal, ids: string[]): Promise<ListResponse<Product>> {
    requireFeature(caller.tenant, 'commerce.bulkOperations');
    const unique = [...new Set(ids)];
    const store = productStore(tx, caller.tenant.id);
    const rows = await store.getMany(unique, { forUpdate: true });
    const found = new Set(rows.map((r) => r.id));
    const missing = unique.find((id) => !found.has(id));
    if (missing) throw new ApiError(404, 'not_found', `No product with id '${missing}'.`, { param: 'ids' });
    const archivedAt = new Date();
    await bumpCatalogVersion(tx, caller.tenant.id);
    const data: Product[] = [];
    for (const row of rows) {
      if (row.status === 'archived') {
        data.push(toProduct(row));
        continue;
      }
      const product = toProduct(await store.update(row.id, { status: 'archived', archivedAt }));
      await recordEvent(tx, caller.tenant.id, 'product.archived', product);
      data.push(product);
    }
    return { data, hasMore: false, nextCursor: null };
  },
};
