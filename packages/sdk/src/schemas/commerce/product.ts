import * as z from 'zod/mini';
import { ListParams, listOf, Metadata, Money, prefixedId, safeString, Timestamp, WebUrl } from '../common';

/** `draft` products are hidden from publishable keys; `archived` ones free their plan slot. */
export const ProductStatus = z.enum(['draft', 'active', 'archived']);
export type ProductStatus = z.infer<typeof ProductStatus>;

const Sku = safeString(
  z.minLength(1),
  z.maxLength(64),
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may hold letters, digits, dot, dash and underscore'),
);
const Title = safeString(z.trim(), z.minLength(1), z.maxLength(200));
const Description = safeString(z.maxLength(5000));
const Quantity = z.int().check(z.minimum(0), z.maximum(1_000_000_000));

/** A product of the tenant's catalogue. */
export const Product = z.strictObject({
  id: prefixedId('prod'),
  object: z.literal('product'),
  title: z.string(),
  description: z.string(),
  sku: z.nullable(z.string()),
  status: ProductStatus,
  price: Money,
  /** Units on hand. */
  inventoryQuantity: z.int(),
  imageUrl: z.nullable(z.string()),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  archivedAt: z.nullable(Timestamp),
});
export type Product = z.infer<typeof Product>;

/** Body of `POST /v1/commerce/products`. */
export const ProductCreate = z.strictObject({
  title: Title,
  description: z.optional(Description),
  sku: z.optional(z.nullable(Sku)),
  /** Defaults to `draft`. */
  status: z.optional(z.enum(['draft', 'active'])),
  price: Money,
  inventoryQuantity: z.optional(Quantity),
  /** `https:` (or `http:` on localhost), at most 2,048 characters. */
  imageUrl: z.optional(z.nullable(WebUrl)),
  metadata: z.optional(Metadata),
});
export type ProductCreate = z.input<typeof ProductCreate>;

/** Body of `PATCH /v1/commerce/products/:id`. Archiving is the `archive` action, not a patch. */
export const ProductUpdate = z.strictObject({
  title: z.optional(Title),
  description: z.optional(Description),
  sku: z.optional(z.nullable(Sku)),
  status: z.optional(z.enum(['draft', 'active'])),
  price: z.optional(Money),
  inventoryQuantity: z.optional(Quantity),
  imageUrl: z.optional(z.nullable(WebUrl)),
  metadata: z.optional(Metadata),
});
export type ProductUpdate = z.input<typeof ProductUpdate>;

/** Sort orders of product lists: a field, descending with a leading `-`. */
export const ProductOrder = z.enum([
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'title',
  '-title',
  'price',
  '-price',
  'inventoryQuantity',
  '-inventoryQuantity',
]);
export type ProductOrder = z.infer<typeof ProductOrder>;

/** Query of `GET /v1/commerce/products`. */
export const ProductListParams = z.strictObject({
  ...ListParams.shape,
  status: z.optional(ProductStatus),
  /** Case-insensitive match on title or SKU. */
  query: z.optional(safeString(z.minLength(1), z.maxLength(200))),
  /** Sort order, ties broken by id. Defaults to `-createdAt` (newest first). Cursors follow it. */
  order: z.optional(ProductOrder),
});
export type ProductListParams = z.input<typeof ProductListParams>;

/** Body of `POST /v1/commerce/products/bulk-archive` (plan feature `commerce.bulkOperations`). */
export const ProductBulkArchive = z.strictObject({
  ids: z.array(prefixedId('prod')).check(z.minLength(1), z.maxLength(100)),
});
export type ProductBulkArchive = z.infer<typeof ProductBulkArchive>;

/** A page of products. */
export const ProductList = listOf(Product);
