import { collectionOperations } from '../../contract/commerce/collections';
import type { ProductCollection } from '../../schemas/commerce/collection';
import { newId } from '../../schemas/ids';
import { findById, now, orderBy, paginate } from '../collection';
import { mockResource } from '../pipeline';

const ORDER_FIELDS = {
  title: (c: ProductCollection) => c.title,
  createdAt: (c: ProductCollection) => c.createdAt,
};

/** `/v1/commerce/collections` in memory. */
export const collectionMocks = mockResource(collectionOperations, {
  list(ctx) {
    ctx.tenant();
    return paginate(ctx.db.collections, ctx.query, orderBy(ctx.query.order ?? 'title', ORDER_FIELDS));
  },
  retrieve(ctx) {
    ctx.tenant();
    return findById(ctx.db.collections, ctx.params.id, 'collection');
  },
  create(ctx) {
    ctx.tenant();
    const at = now();
    const collection: ProductCollection = {
      id: newId('coll'),
      object: 'product_collection',
      title: ctx.body.title,
      description: ctx.body.description ?? '',
      metadata: ctx.body.metadata ?? {},
      createdAt: at,
      updatedAt: at,
    };
    ctx.db.collections.push(collection);
    return collection;
  },
  update(ctx) {
    ctx.tenant();
    const collection = findById(ctx.db.collections, ctx.params.id, 'collection');
    return Object.assign(collection, ctx.body, { updatedAt: now() });
  },
  del(ctx) {
    ctx.tenant();
    const collection = findById(ctx.db.collections, ctx.params.id, 'collection');
    ctx.db.collections = ctx.db.collections.filter((c) => c.id !== collection.id);
    for (const p of ctx.db.products) {
      if (p.collectionIds.includes(collection.id))
        p.collectionIds = p.collectionIds.filter((id) => id !== collection.id);
    }
    return { id: collection.id, object: 'product_collection' as const, deleted: true as const };
  },
});
