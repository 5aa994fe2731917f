import { isStorefront } from '../../catalog/permissions';
import {
  requireDistinctVariant,
  requirePriceCurrencyOnce,
  requireRoomForVariant,
  requireVariantOptions,
  variantTitle,
} from '../../contract/commerce/rules';
import { variantOperations } from '../../contract/commerce/variants';
import { notFound, ProblemError } from '../../contract/problem';
import type { Product } from '../../schemas/commerce/product';
import { newId } from '../../schemas/ids';
import { findById, now, paginate } from '../collection';
import { type MockContext, mockResource } from '../pipeline';
import { recordMockEvent } from '../realtime/events';
import { assertSkuFree } from './catalogue';
import { refreshMockStock } from './inventory';

type Ctx = MockContext<(typeof variantOperations)[keyof typeof variantOperations]>;

function readable(ctx: Ctx): Product {
  const product = findById(ctx.db.products, ctx.params.id, 'product');
  if (isStorefront(ctx.tenant()) && product.status !== 'active') throw notFound('product', ctx.params.id);
  return product;
}

function writable(ctx: Ctx): Product {
  ctx.tenant();
  const product = findById(ctx.db.products, ctx.params.id, 'product');
  if (product.status === 'archived') {
    throw new ProblemError(409, 'invalid_state', 'Archived products cannot be edited; unarchive it first.', {
      param: 'id',
    });
  }
  return product;
}

const byCreation = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `/v1/commerce/products/:id/variants` in memory: variants live in their product's `variants`. */
export const variantMocks = mockResource(variantOperations, {
  list: (ctx) => paginate(readable(ctx).variants, ctx.query, byCreation),
  retrieve: (ctx) => findById(readable(ctx).variants, ctx.params.variantId, 'variant'),
  create(ctx) {
    const product = writable(ctx);
    const input = ctx.body;
    requireRoomForVariant(product.variants.length);
    const options = input.options ?? {};
    requireVariantOptions(product.options, options);
    requireDistinctVariant(product.variants, options);
    assertSkuFree(ctx.db, input.sku);
    const at = now();
    const variant = {
      id: newId('var'),
      object: 'product_variant' as const,
      productId: product.id,
      title: input.title ?? variantTitle(product.options, options),
      sku: input.sku,
      options,
      price: { ...input.price },
      prices: input.prices ?? [],
      inventoryQuantity: 0,
      metadata: input.metadata ?? {},
      createdAt: at,
      updatedAt: at,
    };
    product.variants.push(variant);
    product.updatedAt = at;
    recordMockEvent(ctx.db, 'product.updated', product);
    return variant;
  },
  update(ctx) {
    const product = writable(ctx);
    const variant = findById(product.variants, ctx.params.variantId, 'variant');
    const input = ctx.body;
    if (input.options !== undefined) {
      requireVariantOptions(product.options, input.options);
      requireDistinctVariant(product.variants, input.options, variant.id);
    }
    if (input.price !== undefined || input.prices !== undefined)
      requirePriceCurrencyOnce(input.price ?? variant.price, input.prices ?? variant.prices);
    if (input.sku !== undefined) assertSkuFree(ctx.db, input.sku, variant.id);
    const autoTitle = variant.title === variantTitle(product.options, variant.options);
    const title =
      input.title ?? (input.options && autoTitle ? variantTitle(product.options, input.options) : undefined);
    const at = now();
    Object.assign(variant, input, title !== undefined ? { title } : {}, { updatedAt: at });
    product.updatedAt = at;
    recordMockEvent(ctx.db, 'product.updated', product);
    return variant;
  },
  del(ctx) {
    const product = writable(ctx);
    const variant = findById(product.variants, ctx.params.variantId, 'variant');
    product.variants = product.variants.filter((v) => v.id !== variant.id);
    // Its stock stops counting toward the product's.
    refreshMockStock(ctx.db, product.id);
    product.updatedAt = now();
    recordMockEvent(ctx.db, 'product.updated', product);
    return { id: variant.id, object: 'product_variant' as const, deleted: true as const };
  },
});
