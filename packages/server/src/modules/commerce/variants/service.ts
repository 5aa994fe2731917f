import {
  requireDistinctVariant,
  requirePriceCurrencyOnce,
  requireRoomForVariant,
  requireVariantOptions,
  variantTitle,
} from '@agentstack/sdk/contract';
import type {
  DeletedProductVariant,
  ListParams,
  ListResponse,
  ProductVariant,
  ProductVariantCreate,
  ProductVariantUpdate,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { isStorefront, type TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { isUniqueViolation } from '../../../db/errors';
import { recordEvent } from '../../../events/outbox';
import { ApiError, notFound } from '../../../http/errors';
import { bumpCatalogVersion, productStore, setProductVariants, toProduct } from '../products/store';
import { ofProduct, productHasSku, toVariant, variantStore, variantsOf } from './store';

const SKU_INDEX = 'product_variants_tenant_sku_idx';

function duplicateSku(sku: string): ApiError {
  return new ApiError(409, 'duplicate_sku', `Another product or variant already has SKU '${sku}'.`, {
    param: 'sku',
  });
}

/** The product a read is about: `404` when the caller cannot see it (publishable keys: active ones only). */
async function readableProduct(db: Executor, caller: TenantPrincipal, productId: string) {
  const product = await productStore(db, caller.tenant.id).get(productId);
  if (!product || (isStorefront(caller) && product.status !== 'active')) throw notFound('product', productId);
  return product;
}

/**
 * The product a variant write is about, locked for the rest of the transaction — so variant writes
 * of one product run one after another and its embedded `variants` stay exact.
 */
async function writableProduct(tx: Executor, caller: TenantPrincipal, productId: string) {
  const product = await productStore(tx, caller.tenant.id).getForUpdate(productId);
  if (!product) throw notFound('product', productId);
  if (product.status === 'archived') {
    throw new ApiError(409, 'invalid_state', 'Archived products cannot be edited; unarchive it first.', {
      param: 'id',
    });
  }
  return product;
}

/** Rewrites the product's embedded variants, records the change and bumps the catalogue version. */
async function afterVariantWrite(tx: Executor, tenantId: string, productId: string): Promise<void> {
  const variants = (await variantsOf(tx, tenantId, productId)).map(toVariant);
  await setProductVariants(tx, tenantId, productId, variants);
  await bumpCatalogVersion(tx, tenantId);
  const product = await productStore(tx, tenantId).get(productId);
  if (product) await recordEvent(tx, tenantId, 'product.updated', toProduct(product));
}

/** Business rules of product variants. Writes run inside the request's transaction. */
export const variantService = {
  async list(
    db: Executor,
    caller: TenantPrincipal,
    productId: string,
    params: ListParams,
  ): Promise<ListResponse<ProductVariant>> {
    await readableProduct(db, caller, productId);
    return variantStore(db, caller.tenant.id).page(params, ofProduct(productId));
  },

  async retrieve(
    db: Executor,
    caller: TenantPrincipal,
    productId: string,
    id: string,
  ): Promise<ProductVariant> {
    await readableProduct(db, caller, productId);
    const row = await variantStore(db, caller.tenant.id).get(id);
    if (!row || row.productId !== productId) throw notFound('variant', id);
    return toVariant(row);
  },

  async create(
    tx: Executor,
    caller: TenantPrincipal,
    productId: string,
    input: ProductVariantCreate,
  ): Promise<ProductVariant> {
    const tenantId = caller.tenant.id;
    const product = await writableProduct(tx, caller, productId);
    const siblings = (await variantsOf(tx, tenantId, productId)).map(toVariant);
    requireRoomForVariant(siblings.length);
    const options = input.options ?? {};
    requireVariantOptions(product.options, options);
    requireDistinctVariant(siblings, options);
    if (await productHasSku(tx, tenantId, input.sku)) throw duplicateSku(input.sku);
    try {
      const row = await variantStore(tx, tenantId).insert({
        id: newId('var'),
        productId,
        title: input.title ?? variantTitle(product.options, options),
        sku: input.sku,
        options,
        priceAmount: input.price.amount,
        currency: input.price.currency,
        prices: input.prices ?? [],
        metadata: input.metadata ?? {},
      });
      await afterVariantWrite(tx, tenantId, productId);
      return toVariant(row);
    } catch (error) {
      if (isUniqueViolation(error, SKU_INDEX)) throw duplicateSku(input.sku);
      throw error;
    }
  },

  async update(
    tx: Executor,
    caller: TenantPrincipal,
    productId: string,
    id: string,
    input: ProductVariantUpdate,
  ): Promise<ProductVariant> {
    const tenantId = caller.tenant.id;
    const product = await writableProduct(tx, caller, productId);
    const store = variantStore(tx, tenantId);
    const current = await store.getForUpdate(id);
    if (!current || current.productId !== productId) throw notFound('variant', id);
    if (input.options !== undefined) {
      requireVariantOptions(product.options, input.options);
      requireDistinctVariant((await variantsOf(tx, tenantId, productId)).map(toVariant), input.options, id);
    }
    if (input.price !== undefined || input.prices !== undefined) {
      requirePriceCurrencyOnce(
        input.price ?? { amount: current.priceAmount, currency: current.currency },
        input.prices ?? current.prices,
      );
    }
    if (
      input.sku !== undefined &&
      input.sku !== current.sku &&
      (await productHasSku(tx, tenantId, input.sku))
    )
      throw duplicateSku(input.sku);
    // A title that was the default follows the options it named.
    const autoTitle = current.title === variantTitle(product.options, current.options);
    const title =
      input.title ?? (input.options && autoTitle ? variantTitle(product.options, input.options) : undefined);
    try {
      const row = await store.update(id, {
        ...(title !== undefined && { title }),
        ...(input.sku !== undefined && { sku: input.sku }),
        ...(input.options !== undefined && { options: input.options }),
        ...(input.price !== undefined && { priceAmount: input.price.amount, currency: input.price.currency }),
        ...(input.prices !== undefined && { prices: input.prices }),
        ...(input.metadata !== undefined && { metadata: input.metadata }),
      });
      await afterVariantWrite(tx, tenantId, productId);
      return toVariant(row);
    } catch (error) {
      if (isUniqueViolation(error, SKU_INDEX)) throw duplicateSku(input.sku ?? current.sku);
      throw error;
    }
  },

  async remove(
    tx: Executor,
    caller: TenantPrincipal,
    productId: string,
    id: string,
  ): Promise<DeletedProductVariant> {
    const tenantId = caller.tenant.id;
    await writableProduct(tx, caller, productId);
    const store = variantStore(tx, tenantId);
    const current = await store.getForUpdate(id);
    if (!current || current.productId !== productId) throw notFound('variant', id);
    await store.remove(id);
    await afterVariantWrite(tx, tenantId, productId);
    return { id, object: 'product_variant', deleted: true };
  },
};
