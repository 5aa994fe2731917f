import * as z from 'zod/mini';
import { ListParams, listOf, Metadata, prefixedId, safeString, Timestamp } from '../common';

/** The deepest a category sits: a root category is at depth 1. */
export const MAX_CATEGORY_DEPTH = 5;

const Name = safeString(z.trim(), z.minLength(1), z.maxLength(200));
const Description = safeString(z.maxLength(5000));

/** A category of the tenant's catalogue: a tree, each category under at most one parent. */
export const ProductCategory = z.strictObject({
  id: prefixedId('cat'),
  object: z.literal('product_category'),
  name: z.string(),
  description: z.string(),
  /** The parent category, `null` at the root. */
  parentId: z.nullable(z.string()),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProductCategory = z.infer<typeof ProductCategory>;

/** Body of `POST /v1/commerce/categories`. */
export const ProductCategoryCreate = z.strictObject({
  name: Name,
  description: z.optional(Description),
  /** A category of the tenant; the new one may sit at most {@link MAX_CATEGORY_DEPTH} deep (`422 category_too_deep`). */
  parentId: z.optional(z.nullable(prefixedId('cat'))),
  metadata: z.optional(Metadata),
});
export type ProductCategoryCreate = z.input<typeof ProductCategoryCreate>;

/** Body of `PATCH /v1/commerce/categories/:id`. Moving a category under itself or a descendant is `409 category_cycle`. */
export const ProductCategoryUpdate = z.strictObject({
  name: z.optional(Name),
  description: z.optional(Description),
  parentId: z.optional(z.nullable(prefixedId('cat'))),
  metadata: z.optional(Metadata),
});
export type ProductCategoryUpdate = z.input<typeof ProductCategoryUpdate>;

/** Query of `GET /v1/commerce/categories`: by name (ties by id) unless `order` says otherwise. */
export const ProductCategoryListParams = z.strictObject({
  ...ListParams.shape,
  order: z.optional(z.enum(['name', '-name', 'createdAt', '-createdAt'])),
});
export type ProductCategoryListParams = z.input<typeof ProductCategoryListParams>;

/** A page of categories. */
export const ProductCategoryList = listOf(ProductCategory);

/** The answer of `DELETE /v1/commerce/categories/:id`. */
export const DeletedProductCategory = z.strictObject({
  id: z.string(),
  object: z.literal('product_category'),
  deleted: z.literal(true),
});
