import { productOperations } from '../../contract/commerce/products';
import { ProblemError } from '../../contract/problem';
import type { Product } from '../../schemas/commerce/product';
import { newId } from '../../schemas/ids';
import { findById, now, orderBy, paginate } from '../collection';
import { type MockDb, toProduct } from '../db';
import { type MockContext, mockResource } from '../pipeline';
import { recordMockEvent } from '../realtime/events';
import { requireMockFeature, requireMockSlot } from '../rules';

const ORDER_FIELDS = {
  title: (p: Product) => p.title,
  price: (p: Product) => p.price.amount,
  inventoryQuantity: (p: Product) => p.inventoryQuantity,
  updatedAt: (p: Product) => p.updatedAt,
  createdAt: (p: Product) => p.createdAt,
};

/** Publishable keys see active products only; everything else is "not found" to them. */
function visible(
  ctx: MockContext<typeof productOperations.list | typeof productOperations.retrieve>,
): Product[] {
  const caller = ctx.tenant();
  return caller.kind === 'publishable_key'
    ? ctx.db.products.filter((p) => p.status === 'active')
    : ctx.db.products;
}

function assertUniqueSku(db: MockDb, sku: string | null | undefined, exceptId?: string): void {
  if (sku && db.products.some((p) => p.sku === sku && p.id !== exceptId)) {
    throw new ProblemError(409, 'duplicate_sku', `Another product already has SKU '${sku}'.`, {
      param: 'sku',
    });
  }
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
    const { status, query, order } = ctx.query;
    const needle = query?.toLowerCase();
    const items = visible(ctx).filter(
      (p) =>
        (status === undefined || p.status === status) &&
        (needle === undefined ||
          p.title.toLowerCase().includes(needle) ||
          (p.sku?.toLowerCase().includes(needle) ?? false)),
    );
    return paginate(items, ctx.query, orderBy(order, ORDER_FIELDS));
  },
  create(ctx) {
    ctx.tenant();
    assertUniqueSku(ctx.db, ctx.body.sku);
    requireMockSlot(ctx.db, 'commerce.products');
    const product = toProduct(ctx.body, newId('prod'), now());
    ctx.db.products.push(product);
    recordMockEvent(ctx.db, 'product.created', product);
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
    assertUniqueSku(ctx.db, ctx.body.sku, product.id);
    Object.assign(product, ctx.body, { updatedAt: now() });
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
