import * as z from 'zod/mini';
import { ListParams, listOf, Metadata, prefixedId, safeString, Timestamp } from '../common';

const Title = safeString(z.trim(), z.minLength(1), z.maxLength(200));
const Description = safeString(z.maxLength(5000));

/** A collection: a hand-picked group of products (products name theirs in `collectionIds`). */
export const ProductCollection = z.strictObject({
  id: prefixedId('coll'),
  object: z.literal('product_collection'),
  title: z.string(),
  description: z.string(),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProductCollection = z.infer<typeof ProductCollection>;

/** Body of `POST /v1/commerce/collections`. */
export const ProductCollectionCreate = z.strictObject({
  title: Title,
  description: z.optional(Description),
  metadata: z.optional(Metadata),
});
export type ProductCollectionCreate = z.input<typeof ProductCollectionCreate>;

/** Body of `PATCH /v1/commerce/collections/:id`. */
export const ProductCollectionUpdate = z.strictObject({
  title: z.optional(Title),
  description: z.optional(Description),
  metadata: z.optional(Metadata),
});
export type ProductCollectionUpdate = z.input<typeof ProductCollectionUpdate>;

/** Query of `GET /v1/commerce/collections`: by title (ties by id) unless `order` says otherwise. */
export const ProductCollectionListParams = z.strictObject({
  ...ListParams.shape,
  order: z.optional(z.enum(['title', '-title', 'createdAt', '-createdAt'])),
});
export type ProductCollectionListParams = z.input<typeof ProductCollectionListParams>;

/** A page of collections. */
export const ProductCollectionList = listOf(ProductCollection);

/** The answer of `DELETE /v1/commerce/collections/:id`. */
export const DeletedProductCollection = z.strictObject({
  id: z.string(),
  object: z.literal('product_collection'),
  deleted: z.literal(true),
});
