import * as z from 'zod/mini';
import {
  CurrencyCode,
  Email,
  ListParams,
  listOf,
  Metadata,
  Money,
  prefixedId,
  safeString,
  Timestamp,
} from '../common';
import { Address } from './address';
import { StockItemId } from './inventory';

/**
 * Carts: what a shopper is about to buy. A cart is priced on the server from the catalogue's
 * per-currency prices (a client never sends a price), with its region's tax rate, a discount code
 * and a shipping option, and is checked out into an order.
 *
 * Who may open a cart: a publishable key (`pk_…`, a browser) only with the cart's token — a
 * secret answered once when the cart is created, sent back in the `AgentStack-Cart-Token` header
 * on every call (without it, or with another cart's, the cart answers `404`); a signed-in
 * customer opens the carts linked to them; the tenant's secret keys and dashboard users open any.
 */

/** The most lines a cart holds. */
export const MAX_CART_LINES = 100;
/** The most units of one line. */
export const MAX_LINE_QUANTITY = 10_000;
/** The largest amount (minor units) a cart's totals may reach, as any {@link Money}. */
export const MAX_CART_AMOUNT = 1_000_000_000_00;

/** Units of a line: 1..{@link MAX_LINE_QUANTITY}. */
export const CartQuantity = z.int().check(z.minimum(1), z.maximum(MAX_LINE_QUANTITY));

/** One line of a cart: a variant (or a product sold without variants) and how many. */
export const CartLine = z.strictObject({
  id: prefixedId('cli'),
  object: z.literal('cart_line'),
  productId: z.string(),
  /** Null for a product sold without variants. */
  variantId: z.nullable(z.string()),
  /** The stock item inventory counts: the variant id, else the product id. */
  itemId: z.string(),
  sku: z.nullable(z.string()),
  /** The product's title. */
  title: z.string(),
  /** The variant's title (`M / Red`); null without a variant. */
  variantTitle: z.nullable(z.string()),
  vendorId: z.nullable(z.string()),
  quantity: z.int(),
  /** The catalogue's price of one unit in the cart's currency, before discount and tax. */
  unitPrice: Money,
  /** `unitPrice × quantity`. */
  subtotal: Money,
  /** This line's share of the cart's discount. */
  discount: Money,
  /** Tax on `subtotal - discount` at the region's rate. */
  tax: Money,
  /** `subtotal - discount + tax`. */
  total: Money,
});
export type CartLine = z.infer<typeof CartLine>;

/** The discount code applied to a cart. */
export const CartDiscount = z.strictObject({
  id: z.string(),
  code: z.string(),
});

/** A cart, priced. Every amount is in `currency`. */
export const Cart = z.strictObject({
  id: prefixedId('cart'),
  object: z.literal('cart'),
  /** `open` carts change; a `completed` one became order `orderId` and changes no more. */
  status: z.enum(['open', 'completed']),
  currency: CurrencyCode,
  /** The region whose tax rate and shipping options apply; null: no tax, no shipping options. */
  regionId: z.nullable(z.string()),
  /** The signed-in customer the cart belongs to. */
  customerId: z.nullable(z.string()),
  email: z.nullable(z.string()),
  lines: z.array(CartLine),
  shippingAddress: z.nullable(Address),
  shippingOptionId: z.nullable(z.string()),
  discount: z.nullable(CartDiscount),
  /** Sum of the lines' subtotals. */
  subtotal: Money,
  discountTotal: Money,
  shippingTotal: Money,
  /** Tax on the lines after discount and on shipping (prices are before tax). */
  taxTotal: Money,
  /** `subtotal - discountTotal + shippingTotal + taxTotal`: what checkout charges. */
  total: Money,
  orderId: z.nullable(z.string()),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  completedAt: z.nullable(Timestamp),
});
export type Cart = z.infer<typeof Cart>;

/** The answer of `POST /v1/commerce/carts`: the cart and its token, shown this once. */
export const CartWithToken = z.strictObject({
  ...Cart.shape,
  /**
   * The cart's secret: send it as `AgentStack-Cart-Token` on every call a publishable key makes
   * on this cart. Stored hashed; it cannot be shown again.
   */
  token: z.string(),
});
export type CartWithToken = z.infer<typeof CartWithToken>;

/**
 * Body of `POST /v1/commerce/carts`: in a region (its currency, tax and shipping), or in a
 * currency without one. A signed-in customer's cart is theirs.
 */
export const CartCreate = z
  .strictObject({
    regionId: z.optional(prefixedId('reg')),
    /** Required without `regionId`; with it, must be the region's currency when given. */
    currency: z.optional(CurrencyCode),
    email: z.optional(Email),
    metadata: z.optional(Metadata),
  })
  .check(
    z.check((ctx) => {
      if (ctx.value.regionId === undefined && ctx.value.currency === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          path: ['currency'],
          message: 'is required without regionId',
          continue: true,
        });
      }
    }),
  );
export type CartCreate = z.input<typeof CartCreate>;

/** Body of `PATCH /v1/commerce/carts/:id`; `null` clears a field. */
export const CartUpdate = z.strictObject({
  email: z.optional(z.nullable(Email)),
  /** Moves the cart to a region: its currency, tax and shipping options (prices follow). */
  regionId: z.optional(prefixedId('reg')),
  /** Its country must be one of the region's. */
  shippingAddress: z.optional(z.nullable(Address)),
  /** One of the region's shipping options (`GET /v1/commerce/carts/:id/shipping-options`). */
  shippingOptionId: z.optional(z.nullable(prefixedId('ship'))),
  metadata: z.optional(Metadata),
});
export type CartUpdate = z.input<typeof CartUpdate>;

/**
 * Body of `POST /v1/commerce/carts/:id/lines`: adds `quantity` units of a variant (`var_…`), or
 * of a product sold without variants (`prod_…`). Adding an item the cart holds adds to its line.
 */
export const CartLineCreate = z.strictObject({
  itemId: StockItemId,
  quantity: CartQuantity,
});
export type CartLineCreate = z.input<typeof CartLineCreate>;

/** Body of `PATCH /v1/commerce/carts/:id/lines/:lineId`: the line's new quantity. */
export const CartLineUpdate = z.strictObject({ quantity: CartQuantity });
export type CartLineUpdate = z.input<typeof CartLineUpdate>;

/** Query of `GET /v1/commerce/carts`: newest first. */
export const CartListParams = z.strictObject({
  ...ListParams.shape,
  status: z.optional(z.enum(['open', 'completed'])),
  customerId: z.optional(safeString(z.minLength(1), z.maxLength(64))),
});
export type CartListParams = z.input<typeof CartListParams>;

/** A page of carts. */
export const CartList = listOf(Cart);
