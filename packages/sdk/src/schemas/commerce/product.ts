import * as z from 'zod/mini';
import {
  CurrencyCode,
  ListParams,
  listOf,
  Metadata,
  Money,
  prefixedId,
  queryInt,
  safeString,
  Timestamp,
  WebUrl,
} from '../common';
import {
  distinct,
  MAX_OPTIONS,
  OptionName,
  OptionValue,
  Prices,
  ProductVariant,
  priceCurrencyOnce,
  Sku,
} from './variant';

/** `draft` products are hidden from publishable keys; `archived` ones free their plan slot. */
export const ProductStatus = z.enum(['draft', 'active', 'archived']);
export type ProductStatus = z.infer<typeof ProductStatus>;

const Title = safeString(z.trim(), z.minLength(1), z.maxLength(200));
const Description = safeString(z.maxLength(5000));
const Quantity = z.int().check(z.minimum(0), z.maximum(1_000_000_000));

/** One option axis of a product and its values, e.g. `{ name: 'Size', values: ['S', 'M', 'L'] }`. */
export const ProductOption = z.strictObject({
  name: OptionName,
  /** 1..100 distinct values, in the order shown to shoppers. */
  values: z.array(OptionValue).check(
    z.minLength(1),
    z.maxLength(100),
    distinct((v: string) => v, 'values'),
  ),
});
export type ProductOption = z.infer<typeof ProductOption>;

/** A product's option axes: at most three, names distinct (case-insensitive). */
const ProductOptions = z.array(ProductOption).check(
  z.maxLength(MAX_OPTIONS),
  distinct((o: ProductOption) => o.name.toLowerCase(), 'option names'),
);

/** One image of a product, as sent: an `https:` URL and its alternative text. */
export const ProductMediaInput = z.strictObject({
  url: WebUrl,
  /** Defaults to empty (decorative). */
  alt: z.optional(safeString(z.maxLength(500))),
});
export type ProductMediaInput = z.input<typeof ProductMediaInput>;

/** One image of a product: its URL and alternative text. */
export const ProductMedia = z.strictObject({ url: z.string(), alt: z.string() });
export type ProductMedia = z.infer<typeof ProductMedia>;

/** The most images a product has. */
export const MAX_MEDIA = 50;
/** The most categories, and the most collections, a product belongs to. */
export const MAX_PRODUCT_GROUPS = 20;

const CategoryIds = z.array(prefixedId('cat')).check(
  z.maxLength(MAX_PRODUCT_GROUPS),
  distinct((id: string) => id, 'categoryIds'),
);
const CollectionIds = z.array(prefixedId('coll')).check(
  z.maxLength(MAX_PRODUCT_GROUPS),
  distinct((id: string) => id, 'collectionIds'),
);

/** A product of the tenant's catalogue. */
export const Product = z.strictObject({
  id: prefixedId('prod'),
  object: z.literal('product'),
  title: z.string(),
  description: z.string(),
  sku: z.nullable(z.string()),
  status: ProductStatus,
  /** The main price. */
  price: Money,
  /** Prices in other currencies than `price`'s, one per currency. */
  prices: z.array(Money),
  /** Option axes (size, colour…) the variants choose from. */
  options: z.array(ProductOption),
  /** The variants, in creation order; written through `/v1/commerce/products/:id/variants`. */
  variants: z.array(ProductVariant),
  /**
   * Units available to sell — on hand less reserved, summed over every stock location — of the
   * product and all its variants. Read-only: derived from the inventory levels, which change
   * through `/v1/commerce/inventory-levels/adjust` and reservations.
   */
  inventoryQuantity: z.int(),
  imageUrl: z.nullable(z.string()),
  /** Images, in display order. */
  media: z.array(ProductMedia),
  categoryIds: z.array(z.string()),
  collectionIds: z.array(z.string()),
  /** The vendor selling it (plan feature `commerce.multiVendor`). */
  vendorId: z.nullable(z.string()),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  archivedAt: z.nullable(Timestamp),
});
export type Product = z.infer<typeof Product>;

/** Body of `POST /v1/commerce/products`. */
export const ProductCreate = z
  .strictObject({
    title: Title,
    description: z.optional(Description),
    sku: z.optional(z.nullable(Sku)),
    /** Defaults to `draft`. */
    status: z.optional(z.enum(['draft', 'active'])),
    price: Money,
    /** Prices in other currencies, one per currency, never `price`'s. Defaults to none. */
    prices: z.optional(Prices),
    /** Option axes for the variants. Defaults to none. */
    options: z.optional(ProductOptions),
    /**
     * Initial stock: received into the default stock location (made on first use) as a `receipt`
     * movement, in the same transaction. Needs `commerce:inventory:write` when above 0. Defaults
     * to none. Later changes go through the inventory API.
     */
    inventoryQuantity: z.optional(Quantity),
    /** `https:` (or `http:` on localhost), at most 2,048 characters. */
    imageUrl: z.optional(z.nullable(WebUrl)),
    /** Images in display order (at most 50). */
    media: z.optional(z.array(ProductMediaInput).check(z.maxLength(MAX_MEDIA))),
    /** Categories of the tenant (`404 not_found` for an unknown one). */
    categoryIds: z.optional(CategoryIds),
    /** Collections of the tenant (`404 not_found` for an unknown one). */
    collectionIds: z.optional(CollectionIds),
    /** A vendor of the tenant; needs plan feature `commerce.multiVendor`. */
    vendorId: z.optional(z.nullable(prefixedId('ven'))),
    metadata: z.optional(Metadata),
  })
  .check(priceCurrencyOnce);
export type ProductCreate = z.input<typeof ProductCreate>;

/**
 * Body of `PATCH /v1/commerce/products/:id`. Archiving is the `archive` action, not a patch;
 * stock (`inventoryQuantity`) changes through the inventory API.
 * Arrays (`prices`, `options`, `media`, `categoryIds`, `collectionIds`) replace the stored ones:
 * reorder images by sending them in the new order.
 */
export const ProductUpdate = z
  .strictObject({
    title: z.optional(Title),
    description: z.optional(Description),
    sku: z.optional(z.nullable(Sku)),
    status: z.optional(z.enum(['draft', 'active'])),
    price: z.optional(Money),
    prices: z.optional(Prices),
    /** Every variant must still name a value of each axis (`409 options_in_use` otherwise). */
    options: z.optional(ProductOptions),
    imageUrl: z.optional(z.nullable(WebUrl)),
    media: z.optional(z.array(ProductMediaInput).check(z.maxLength(MAX_MEDIA))),
    categoryIds: z.optional(CategoryIds),
    collectionIds: z.optional(CollectionIds),
    vendorId: z.optional(z.nullable(prefixedId('ven'))),
    metadata: z.optional(Metadata),
  })
  .check(priceCurrencyOnce);
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
export const ProductListParams = z
  .strictObject({
    ...ListParams.shape,
    status: z.optional(ProductStatus),
    /** Case-insensitive match on title or SKU. */
    query: z.optional(safeString(z.minLength(1), z.maxLength(200))),
    /** Sort order, ties broken by id. Defaults to `-createdAt` (newest first). Cursors follow it. */
    order: z.optional(ProductOrder),
    /** Products in this category or any category below it. */
    category: z.optional(prefixedId('cat')),
    /** Products in this collection. */
    collection: z.optional(prefixedId('coll')),
    /** Products of this vendor. */
    vendor: z.optional(prefixedId('ven')),
    /**
     * Products with these ids, or holding variants with these ids: up to 100 `prod_…` and `var_…`
     * ids, comma-separated — to name the stock items of an inventory page in one request.
     */
    ids: z.optional(
      safeString(
        z.maxLength(4_600),
        z.regex(
          /^(?:prod|var)_[0-9A-Za-z]{8,40}(?:,(?:prod|var)_[0-9A-Za-z]{8,40}){0,99}$/,
          'must be 1..100 comma-separated prod_ or var_ ids',
        ),
      ),
    ),
    /** Products with a variant of this option value, as `Name:Value` (`Size:M`; exact, case-sensitive). */
    option: z.optional(safeString(z.maxLength(160), z.regex(/^[^:]+:.+$/, 'must be Name:Value'))),
    /** The currency of `priceMin` / `priceMax`: the product's or a variant's price in it is in range. */
    currency: z.optional(CurrencyCode),
    /** Lowest price in minor units of `currency` (inclusive). */
    priceMin: z.optional(queryInt(0, 100_000_000_000)),
    /** Highest price in minor units of `currency` (inclusive). */
    priceMax: z.optional(queryInt(0, 100_000_000_000)),
  })
  .check(
    z.check((ctx) => {
      const { currency, priceMin, priceMax } = ctx.value;
      const issue = (param: string, message: string) =>
        ctx.issues.push({ code: 'custom', input: ctx.value, path: [param], message, continue: true });
      if ((priceMin !== undefined || priceMax !== undefined) && currency === undefined)
        issue('currency', 'is required with priceMin or priceMax');
      else if (priceMin !== undefined && priceMax !== undefined && priceMin > priceMax)
        issue('priceMin', 'must not exceed priceMax');
    }),
  );
export type ProductListParams = z.input<typeof ProductListParams>;

/** Body of `POST /v1/commerce/products/bulk-archive` (plan feature `commerce.bulkOperations`). */
export const ProductBulkArchive = z.strictObject({
  ids: z.array(prefixedId('prod')).check(z.minLength(1), z.maxLength(100)),
});
export type ProductBulkArchive = z.infer<typeof ProductBulkArchive>;

/** A page of products. */
export const ProductList = listOf(Product);
