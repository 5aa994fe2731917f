import * as z from 'zod/mini';
import { listOf, Metadata, Money, prefixedId, safeString, Timestamp } from '../common';

/**
 * What products and their variants share: SKUs, option axes and prices per currency. A variant
 * is what a shopper buys (a size and colour of a shirt): stock, cart lines and order lines refer
 * to its id (`var_…`).
 */

/** A stock-keeping unit: letters, digits, dot, dash and underscore, 1..64 characters. */
export const Sku = safeString(
  z.minLength(1),
  z.maxLength(64),
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may hold letters, digits, dot, dash and underscore'),
);

/** The name of an option axis (`Size`, `Colour`): 1..50 characters, no `:` (the list filter's separator). */
export const OptionName = safeString(
  z.trim(),
  z.minLength(1),
  z.maxLength(50),
  z.regex(/^[^:]*$/, 'must not contain ":"'),
);
/** One value of an option axis (`M`, `Red`): 1..100 characters. */
export const OptionValue = safeString(z.trim(), z.minLength(1), z.maxLength(100));

/** The most option axes a product has (as Shopify: three). */
export const MAX_OPTIONS = 3;
/** The most variants a product has. */
export const MAX_VARIANTS = 100;

/** Refuses an array holding two items with the same key (the second one is named). */
export function distinct<T>(key: (item: T) => string, what: string) {
  return z.check<T[]>((ctx) => {
    const seen = new Set<string>();
    for (const [i, item] of ctx.value.entries()) {
      const k = key(item);
      if (seen.has(k)) {
        ctx.issues.push({
          code: 'custom',
          input: item,
          path: [i],
          message: `${what} must be distinct`,
          continue: true,
        });
        return;
      }
      seen.add(k);
    }
  });
}

/**
 * Prices in further currencies beside the main `price`: at most one per currency (20 in all),
 * never the main price's currency again.
 */
export const Prices = z.array(Money).check(
  z.maxLength(20),
  distinct((m: Money) => m.currency, 'currencies'),
);

/** Refuses `prices` repeating the currency of `price` (the issue names the entry). */
export const priceCurrencyOnce = z.check<{ price?: Money | undefined; prices?: Money[] | undefined }>(
  (ctx) => {
    const main = ctx.value.price?.currency;
    const i = ctx.value.prices?.findIndex((m) => m.currency === main) ?? -1;
    if (main && i >= 0) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.prices,
        path: ['prices', i],
        message: `must not repeat the currency of price (${main})`,
        continue: true,
      });
    }
  },
);

/** A variant's option values by axis name: `{ Size: 'M', Colour: 'Red' }`. */
export const VariantOptions = z
  .record(OptionName, OptionValue)
  .check(
    z.refine(
      (o: Record<string, string>) => Object.keys(o).length <= MAX_OPTIONS,
      `must have at most ${MAX_OPTIONS} options`,
    ),
  );

/** A variant of a product: its SKU, option values and prices. */
export const ProductVariant = z.strictObject({
  id: prefixedId('var'),
  object: z.literal('product_variant'),
  productId: z.string(),
  /** Defaults to the option values joined by ` / ` (`M / Red`). */
  title: z.string(),
  sku: z.string(),
  options: z.record(z.string(), z.string()),
  price: Money,
  /** Prices in other currencies than `price`'s. */
  prices: z.array(Money),
  /** Units available to sell (on hand less reserved, over every location). Read-only, from the inventory levels. */
  inventoryQuantity: z.int(),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProductVariant = z.infer<typeof ProductVariant>;

const VariantTitle = safeString(z.trim(), z.minLength(1), z.maxLength(200));

/** Body of `POST /v1/commerce/products/:id/variants`. */
export const ProductVariantCreate = z
  .strictObject({
    /** Unique within the tenant, across products and variants (`409 duplicate_sku`). */
    sku: Sku,
    title: z.optional(VariantTitle),
    /** One value for each of the product's option axes, from its values (`422 invalid_variant_options`). Defaults to none. */
    options: z.optional(VariantOptions),
    price: Money,
    prices: z.optional(Prices),
    metadata: z.optional(Metadata),
  })
  .check(priceCurrencyOnce);
export type ProductVariantCreate = z.input<typeof ProductVariantCreate>;

/** Body of `PATCH /v1/commerce/products/:id/variants/:variantId`. */
export const ProductVariantUpdate = z
  .strictObject({
    sku: z.optional(Sku),
    title: z.optional(VariantTitle),
    options: z.optional(VariantOptions),
    price: z.optional(Money),
    /** Replaces the prices in other currencies. */
    prices: z.optional(Prices),
    metadata: z.optional(Metadata),
  })
  .check(priceCurrencyOnce);
export type ProductVariantUpdate = z.input<typeof ProductVariantUpdate>;

/** A page of a product's variants. */
export const ProductVariantList = listOf(ProductVariant);

/** The answer of `DELETE /v1/commerce/products/:id/variants/:variantId`. */
export const DeletedProductVariant = z.strictObject({
  id: z.string(),
  object: z.literal('product_variant'),
  deleted: z.literal(true),
});
export type DeletedProductVariant = z.infer<typeof DeletedProductVariant>;
