import type { ProductCollection } from '@agentstack/sdk/schemas';
import { productCollections } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

type Row = typeof productCollections.$inferSelect;

/** The wire shape of a collection row. */
export function toCollection(row: Row): ProductCollection {
  return wireOf(row, 'product_collection', ['title', 'description', 'metadata', 'createdAt', 'updatedAt']);
}

/** SQL for one tenant's collections: `collectionStore(db, tenantId)`. */
export const collectionStore = defineStore({
  table: productCollections,
  scope: 'tenantId',
  toWire: toCollection,
  orders: { createdAt: productCollections.id, title: productCollections.title },
  defaultOrder: 'title',
});
