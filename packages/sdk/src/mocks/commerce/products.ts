import { isStorefront } from '../../catalog/permissions';
import { productOperations } from '../../contract/commerce/products';
import { requireOptionsFitVariants, requirePriceCurrencyOnce } from '../../contract/commerce/rules';
import { ProblemError } from '../../contract/problem';
import type { Product } from '../../schemas/commerce/product';
import { newId } from '../../schemas/ids';
import { findById, now, orderBy, paginate } from '../collection';
import { type MockDb, toProduct } from '../db';
import { type MockContext, mockResource } from '../pipeline';
import { recordMockEvent } from '../realtime/events';
import { requireMockFeature, requireMockSlot } from '../rules';
import { assertReferences, assertSkuFree, categoryAndDescendants } from './catalogue';
import { receiveMockStock } from './inventory';

const ORDER_FIELDS = {
  title: (p: Product) => p.title,
  price: (p: Product) => p.price.amount,
  inventoryQuantity: (p: Product) => p.inventoryQuantity,
  updatedAt: (p: Product) => p.updatedAt,
  createdAt: (p: Product) => p.createdAt,
};

/** Storefront callers (publishable keys, customer tokens) see active products only; everything else is "not found" to them. */
function visible(
  ctx: MockContext<typeof productOperations.list | typeof productOperations.retrieve>,
): Product[] {
  const caller = ctx.tenant();
  return isStorefront(caller) ? ctx.db.products.filter((p) => p.status === 'active') : ctx.db.products;
}

/** A price of the product or of one of its variants in `currency`, within [min, max]. */
function hasPriceIn(p: Product, currency: string, min: number, max: number): boolean {
  const prices = [p.price, ...p.prices, ...p.variants.flatMap((v) => [v.price, ...v.prices])];
  return prices.some((m) => m.currency === currency && m.amount >= min && m.amount <= max);
}

function archive(db: MockDb, product: Product): Product {
  if (product.status === 'archived') return product;
  const at = now();
  Object.assign(product, { status: 'archived' as const, archivedAt: at, updatedAt: at });
  recordMockEvent(db, 'product.archived', product);
  return product;
}

/** `/v1/commerce/products` in memory. */
export const productMocks = mockResource(productOperations, {
  list(ctx) {
    const { status, query, order, category, collection, vendor, option, currency, priceMin, priceMax, ids } =
      ctx.query;
    const wanted = ids === undefined ? undefined : new Set(ids.split(','));
    const needle = query?.toLowerCase();
    const categories = category === undefined ? undefined : categoryAndDescendants(ctx.db, category);
    const at = option?.indexOf(':') ?? -1;
    const [optionName, optionValue] = option ? [option.slice(0, at), option.slice(at + 1)] : [];
    const items = visible(ctx).filter(
      (p) =>
        (wanted === undefined || wanted.has(p.id) || p.variants.some((v) => wanted.has(v.id))) &&
        (status === undefined || p.status === status) &&
        (needle === undefined ||
          p.title.toLowerCase().includes(needle) ||
          (p.sku?.toLowerCase().includes(needle) ?? false) ||
          p.variants.some((v) => v.sku.toLowerCase().includes(needle))) &&
        (categories === undefined || p.categoryIds.some((id) => categories.has(id))) &&
        (collection === undefined || p.collectionIds.includes(collection)) &&
        (vendor === undefined || p.vendorId === vendor) &&
        (optionName === undefined || p.variants.some((v) => v.options[optionName] === optionValue)) &&
        (currency === undefined ||
          (priceMin === undefined && priceMax === undefined) ||
          hasPriceIn(p, currency, priceMin ?? 0, priceMax ?? Number.MAX_SAFE_INTEGER)),
    );
    return paginate(items, ctx.query, orderBy(order, ORDER_FIELDS));
  },
  create(ctx) {
    const caller = ctx.tenant();
    const stock = ctx.body.inventoryQuantity ?? 0;
    if (stock > 0 && !caller.permissions.includes('commerce:inventory:write')) {
      throw new ProblemError(
        403,
        'forbidden',
        'Receiving initial stock needs permission commerce:inventory:write.',
        { param: 'inventoryQuantity' },
      );
    }
    assertSkuFree(ctx.db, ctx.body.sku);
    requireMockSlot(ctx.db, 'commerce.products');
    assertReferences(ctx.db, ctx.body);
    const product = toProduct(ctx.body, newId('prod'), now());
    ctx.db.products.push(product);
    recordMockEvent(ctx.db, 'product.created', product);
    if (stock > 0) receiveMockStock(ctx.db, product.id, stock, 'Initial stock');
    return product;
  },
  bulkArchive(ctx) {
    ctx.tenant();
    requireMockFeature(ctx.db, 'commerce.bulkOperations');
    const { ids } = ctx.body;
    const missing = ids.find((id) => !ctx.db.products.some((p) => p.id === id));
    if (missing)
      throw new ProblemError(404, 'not_found', `No product with id '${missing}'.`, { param: 'ids' });
    const unique = [...new Set(ids)];
    return {
      data: unique.map((id) => archive(ctx.db, findById(ctx.db.products, id, 'product'))),
      hasMore: false,
      nextCursor: null,
    };
  },
  retrieve: (ctx) => findById(visible(ctx), ctx.params.id, 'product'),
  update(ctx) {
    ctx.tenant();
    const product = findById(ctx.db.products, ctx.params.id, 'product');
    if (product.status === 'archived') {
      throw new ProblemError(
        409,
        'invalid_state',
        'Archived products cannot be edited; unarchive it first.',
        { param: 'id' },
      );
    }
    const input = ctx.body;
    if (input.price !== undefined || input.prices !== undefined)
      requirePriceCurrencyOnce(input.price ?? product.price, input.prices ?? product.prices);
    if (input.options !== undefined) requireOptionsFitVariants(input.options, product.variants);
    assertReferences(ctx.db, input);
    assertSkuFree(ctx.db, input.sku, product.id);
    const media = input.media?.map((m) => ({ url: m.url, alt: m.alt ?? '' }));
    Object.assign(product, input, media ? { media } : {}, { updatedAt: now() });
    recordMockEvent(ctx.db, 'product.updated', product);
    return product;
  },
  archive(ctx) {
    ctx.tenant();
    return archive(ctx.db, findById(ctx.db.products, ctx.params.id, 'product'));
  },
  unarchive(ctx) {
    ctx.tenant();
    const product = findById(ctx.db.products, ctx.params.id, 'product');
    if (product.status !== 'archived') return product;
    requireMockSlot(ctx.db, 'commerce.products');
    Object.assign(product, { status: 'draft' as const, archivedAt: null, updatedAt: now() });
    recordMockEvent(ctx.db, 'product.unarchived', product);
    return product;
  },
});
