import * as z from 'zod/mini';
import {
  CurrencyCode,
  ListParams,
  listOf,
  Metadata,
  Money,
  prefixedId,
  safeString,
  Timestamp,
} from '../common';
import { CountryCode } from './address';

/**
 * What prices a cart besides the catalogue: regions (a currency, the countries served and a tax
 * rate), their shipping options, and discount codes. Prices are before tax: a region's rate is
 * added on top, in basis points (`2000` = 20 %).
 */

const Name = safeString(z.trim(), z.minLength(1), z.maxLength(200));
/** A tax rate in basis points: 0..10 000 (0 %..100 %). */
export const TaxRateBps = z.int().check(z.minimum(0), z.maximum(10_000));

const Countries = z.array(CountryCode).check(
  z.minLength(1),
  z.maxLength(250),
  z.refine((codes) => new Set(codes).size === codes.length, 'must not repeat a country'),
);

/** A region: where a cart ships, in which currency, at which tax rate. */
export const Region = z.strictObject({
  id: prefixedId('reg'),
  object: z.literal('region'),
  name: z.string(),
  currency: CurrencyCode,
  /** ISO 3166-1 alpha-2 codes of the countries served. */
  countries: z.array(z.string()),
  /** Tax added on top of prices, in basis points (2000 = 20 %). */
  taxRateBps: z.int(),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Region = z.infer<typeof Region>;

/** Body of `POST /v1/commerce/regions`. */
export const RegionCreate = z.strictObject({
  name: Name,
  currency: CurrencyCode,
  countries: Countries,
  taxRateBps: TaxRateBps,
  metadata: z.optional(Metadata),
});
export type RegionCreate = z.input<typeof RegionCreate>;

/** Body of `PATCH /v1/commerce/regions/:id`. The currency is fixed: make another region. */
export const RegionUpdate = z.strictObject({
  name: z.optional(Name),
  countries: z.optional(Countries),
  taxRateBps: z.optional(TaxRateBps),
  metadata: z.optional(Metadata),
});
export type RegionUpdate = z.input<typeof RegionUpdate>;

/** Query of `GET /v1/commerce/regions`: by name. */
export const RegionListParams = z.strictObject({ ...ListParams.shape });
export type RegionListParams = z.input<typeof RegionListParams>;

/** A page of regions. */
export const RegionList = listOf(Region);

/** The answer of `DELETE /v1/commerce/regions/:id` (its shipping options go with it). */
export const DeletedRegion = z.strictObject({
  id: z.string(),
  object: z.literal('region'),
  deleted: z.literal(true),
});
export type DeletedRegion = z.infer<typeof DeletedRegion>;

/** A way to ship in a region: a flat amount, free when the order reaches `freeOver`. */
export const ShippingOption = z.strictObject({
  id: prefixedId('ship'),
  object: z.literal('shipping_option'),
  regionId: z.string(),
  name: z.string(),
  amount: Money,
  /** Free when the lines after discount reach this; null: never free. */
  freeOver: z.nullable(Money),
  active: z.boolean(),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ShippingOption = z.infer<typeof ShippingOption>;

/** Body of `POST /v1/commerce/shipping-options`: amounts in the region's currency. */
export const ShippingOptionCreate = z.strictObject({
  regionId: prefixedId('reg'),
  name: Name,
  amount: Money,
  freeOver: z.optional(z.nullable(Money)),
  active: z.optional(z.boolean()),
  metadata: z.optional(Metadata),
});
export type ShippingOptionCreate = z.input<typeof ShippingOptionCreate>;

/** Body of `PATCH /v1/commerce/shipping-options/:id`. */
export const ShippingOptionUpdate = z.strictObject({
  name: z.optional(Name),
  amount: z.optional(Money),
  freeOver: z.optional(z.nullable(Money)),
  active: z.optional(z.boolean()),
  metadata: z.optional(Metadata),
});
export type ShippingOptionUpdate = z.input<typeof ShippingOptionUpdate>;

/** Query of `GET /v1/commerce/shipping-options`. */
export const ShippingOptionListParams = z.strictObject({
  ...ListParams.shape,
  regionId: z.optional(prefixedId('reg')),
});
export type ShippingOptionListParams = z.input<typeof ShippingOptionListParams>;

/** A page of shipping options. */
export const ShippingOptionList = listOf(ShippingOption);

/** The answer of `DELETE /v1/commerce/shipping-options/:id`. */
export const DeletedShippingOption = z.strictObject({
  id: z.string(),
  object: z.literal('shipping_option'),
  deleted: z.literal(true),
});
export type DeletedShippingOption = z.infer<typeof DeletedShippingOption>;

/** A shipping option as it would price one cart (`GET /v1/commerce/carts/:id/shipping-options`). */
export const CartShippingOption = z.strictObject({
  id: z.string(),
  object: z.literal('cart_shipping_option'),
  name: z.string(),
  /** What this cart would pay for it now (0 over the free threshold). */
  amount: Money,
  freeOver: z.nullable(Money),
});
export type CartShippingOption = z.infer<typeof CartShippingOption>;

/** The shipping options of a cart's region, priced for it. */
export const CartShippingOptionList = z.strictObject({ data: z.array(CartShippingOption) });
export type CartShippingOptionList = z.infer<typeof CartShippingOptionList>;

/** The longest usage limit. */
const MAX_USES = 1_000_000_000;
const Uses = z.int().check(z.minimum(1), z.maximum(MAX_USES));

/** A discount code's text: 3..40 letters, digits, `-` or `_`; matched without regard to case. */
export const DiscountCodeText = z
  .string()
  .check(z.trim(), z.regex(/^[A-Za-z0-9_-]{3,40}$/, 'must be 3..40 letters, digits, - or _'));

/** A discount code: a percentage or a fixed amount off the lines, within its limits. */
export const DiscountCode = z.strictObject({
  id: prefixedId('disc'),
  object: z.literal('discount_code'),
  /** Upper case: shoppers' codes are matched without regard to case. */
  code: z.string(),
  type: z.enum(['percentage', 'fixed']),
  /** For `percentage`: 1..100. */
  percentOff: z.nullable(z.int()),
  /** For `fixed`: the amount off, in the only currency the code applies to. */
  amountOff: z.nullable(Money),
  /** The lines' subtotal a cart must reach (its currency is the code's). */
  minimumSpend: z.nullable(Money),
  /** Redemptions in all; null: unlimited. */
  usageLimit: z.nullable(z.int()),
  /** Redemptions per customer (signed-in customer, else e-mail); null: unlimited. */
  usageLimitPerCustomer: z.nullable(z.int()),
  /** Redemptions so far (at checkout). */
  usedCount: z.int(),
  startsAt: z.nullable(Timestamp),
  endsAt: z.nullable(Timestamp),
  active: z.boolean(),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DiscountCode = z.infer<typeof DiscountCode>;

/** Body of `POST /v1/commerce/discount-codes`. */
export const DiscountCodeCreate = z
  .strictObject({
    code: DiscountCodeText,
    type: z.enum(['percentage', 'fixed']),
    /** Required for `percentage`, 1..100. */
    percentOff: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
    /** Required for `fixed`. */
    amountOff: z.optional(Money),
    minimumSpend: z.optional(z.nullable(Money)),
    usageLimit: z.optional(z.nullable(Uses)),
    usageLimitPerCustomer: z.optional(z.nullable(Uses)),
    startsAt: z.optional(z.nullable(Timestamp)),
    endsAt: z.optional(z.nullable(Timestamp)),
    active: z.optional(z.boolean()),
    metadata: z.optional(Metadata),
  })
  .check(
    z.check((ctx) => {
      const v = ctx.value;
      const issue = (path: string, message: string) =>
        ctx.issues.push({ code: 'custom', input: v, path: [path], message, continue: true });
      if (v.type === 'percentage' && v.percentOff === undefined)
        issue('percentOff', 'is required for a percentage');
      if (v.type === 'percentage' && v.amountOff !== undefined) issue('amountOff', 'is for fixed discounts');
      if (v.type === 'fixed' && v.amountOff === undefined)
        issue('amountOff', 'is required for a fixed discount');
      if (v.type === 'fixed' && v.percentOff !== undefined)
        issue('percentOff', 'is for percentage discounts');
      if (v.type === 'fixed' && v.amountOff?.amount === 0) issue('amountOff', 'must be more than 0');
      if (v.amountOff && v.minimumSpend && v.minimumSpend.currency !== v.amountOff.currency)
        issue('minimumSpend', "must be in amountOff's currency");
      if (v.startsAt && v.endsAt && Date.parse(v.endsAt) <= Date.parse(v.startsAt))
        issue('endsAt', 'must be after startsAt');
    }),
  );
export type DiscountCodeCreate = z.input<typeof DiscountCodeCreate>;

/** Body of `PATCH /v1/commerce/discount-codes/:id`. What it takes off is fixed: make another code. */
export const DiscountCodeUpdate = z.strictObject({
  minimumSpend: z.optional(z.nullable(Money)),
  /** Not below `usedCount` (`409 invalid_state`). */
  usageLimit: z.optional(z.nullable(Uses)),
  usageLimitPerCustomer: z.optional(z.nullable(Uses)),
  startsAt: z.optional(z.nullable(Timestamp)),
  endsAt: z.optional(z.nullable(Timestamp)),
  active: z.optional(z.boolean()),
  metadata: z.optional(Metadata),
});
export type DiscountCodeUpdate = z.input<typeof DiscountCodeUpdate>;

/** Query of `GET /v1/commerce/discount-codes`: newest first. */
export const DiscountCodeListParams = z.strictObject({
  ...ListParams.shape,
  active: z.optional(z.enum(['true', 'false'])),
});
export type DiscountCodeListParams = z.input<typeof DiscountCodeListParams>;

/** A page of discount codes. */
export const DiscountCodeList = listOf(DiscountCode);

/** The answer of `DELETE /v1/commerce/discount-codes/:id` (only codes never redeemed). */
export const DeletedDiscountCode = z.strictObject({
  id: z.string(),
  object: z.literal('discount_code'),
  deleted: z.literal(true),
});
export type DeletedDiscountCode = z.infer<typeof DeletedDiscountCode>;

/** Body of `POST /v1/commerce/carts/:id/discount`: the code a shopper typed (any case). */
export const CartDiscountApply = z.strictObject({ code: DiscountCodeText });
export type CartDiscountApply = z.input<typeof CartDiscountApply>;
