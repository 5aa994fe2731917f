import type { Address } from '../../schemas/commerce/address';
import { type Cart, MAX_CART_AMOUNT, MAX_CART_LINES } from '../../schemas/commerce/cart';
import type { Money } from '../../schemas/common';
import { ProblemError } from '../problem';

/**
 * Cart pricing: the one copy of the arithmetic the server and the mocks price carts with. Every
 * amount is an integer in minor units of one currency; nothing here uses a float for money.
 *
 * - Prices are before tax (tax-exclusive): tax is added on top at the region's rate.
 * - The discount applies to the lines' subtotal (never to shipping), and is shared out over the
 *   lines in proportion to their subtotals (largest remainder, so the shares add up exactly).
 * - Tax is computed per line on `subtotal - discount`, and on shipping, each rounded half up.
 * - Shipping is the option's flat amount, or free when the lines after discount reach its
 *   `freeOver` threshold.
 */

/** What a line contributes to pricing. */
export interface PricingLine {
  unitAmount: number;
  quantity: number;
}

/** A discount as pricing applies it. */
export type PricingDiscount =
  | { type: 'percentage'; percentOff: number }
  | { type: 'fixed'; amountOff: number };

/** Everything a cart's price depends on. */
export interface PricingInput {
  lines: readonly PricingLine[];
  discount: PricingDiscount | null;
  shipping: { amount: number; freeOverAmount: number | null } | null;
  /** The region's tax rate in basis points (2000 = 20 %); 0 without a region. */
  taxRateBps: number;
}

/** One line's amounts. */
export interface PricedLine {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

/** A cart's amounts. */
export interface PricedCart {
  lines: PricedLine[];
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
}

/** `amount × bps / 10 000`, rounded half up (amounts are never negative). */
export function applyRate(amount: number, bps: number): number {
  return Math.floor((amount * bps + 5000) / 10000);
}

/**
 * Shares `total` out over `weights` in proportion (largest remainder, ties to the earlier one):
 * the shares add up to `total` exactly. BigInt products: `total × weight` can pass 2^53.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  const big = BigInt(total);
  const bigSum = BigInt(sum);
  const shares = weights.map((w) => big * BigInt(w));
  const floors = shares.map((s) => Number(s / bigSum));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => ({ i, rest: s % bigSum }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

/** The discount on a subtotal: a percentage rounded half up, or a fixed amount up to the subtotal. */
export function discountAmount(discount: PricingDiscount | null, subtotal: number): number {
  if (!discount) return 0;
  if (discount.type === 'percentage')
    return Math.min(subtotal, applyRate(subtotal, discount.percentOff * 100));
  return Math.min(subtotal, discount.amountOff);
}

/** Prices a cart (see the rules above). Throws `422 cart_limit_exceeded` past {@link MAX_CART_AMOUNT}. */
export function priceCart(input: PricingInput): PricedCart {
  const subtotals = input.lines.map((l) => l.unitAmount * l.quantity);
  const subtotal = subtotals.reduce((a, b) => a + b, 0);
  if (subtotal > MAX_CART_AMOUNT)
    throw cartLimitExceeded(`The cart's subtotal would pass ${MAX_CART_AMOUNT} minor units.`);
  const discountTotal = discountAmount(input.discount, subtotal);
  const shares = allocate(discountTotal, subtotals);
  const lines = subtotals.map((s, i) => {
    const discount = shares[i] ?? 0;
    const tax = applyRate(s - discount, input.taxRateBps);
    return { subtotal: s, discount, tax, total: s - discount + tax };
  });
  const net = subtotal - discountTotal;
  const shipping = input.shipping;
  const shippingTotal =
    shipping === null || (shipping.freeOverAmount !== null && net >= shipping.freeOverAmount)
      ? 0
      : shipping.amount;
  const taxTotal = lines.reduce((a, l) => a + l.tax, 0) + applyRate(shippingTotal, input.taxRateBps);
  const total = net + shippingTotal + taxTotal;
  if (total > MAX_CART_AMOUNT)
    throw cartLimitExceeded(`The cart's total would pass ${MAX_CART_AMOUNT} minor units.`);
  return { lines, subtotal, discountTotal, shippingTotal, taxTotal, total };
}

/**
 * The catalogue's price of one unit in `currency`: the main price when it is in that currency,
 * else the one of `prices` in it; null when there is none.
 */
export function unitPriceIn(
  source: { price: Money; prices: readonly Money[] },
  currency: string,
): number | null {
  if (source.price.currency === currency) return source.price.amount;
  return source.prices.find((p) => p.currency === currency)?.amount ?? null;
}

/** `422 cart_limit_exceeded`: too many lines, or amounts past what money holds. */
export function cartLimitExceeded(detail: string): ProblemError {
  return new ProblemError(422, 'cart_limit_exceeded', detail);
}

/** `422 cart_limit_exceeded` when a cart of `count` lines cannot take one more. */
export function requireRoomForLine(count: number): void {
  if (count >= MAX_CART_LINES) throw cartLimitExceeded(`A cart holds at most ${MAX_CART_LINES} lines.`);
}

/** `422 cart_limit_exceeded` when a line would pass {@link MAX_LINE_QUANTITY} units. */
export function requireLineQuantity(quantity: number, max: number): void {
  if (quantity > max)
    throw cartLimitExceeded(`A line holds at most ${max} units; this would make ${quantity}.`);
}

/** `409 product_unavailable`: the item is not for sale (a draft or archived product). */
export function productUnavailable(itemId: string): ProblemError {
  return new ProblemError(409, 'product_unavailable', `'${itemId}' is not for sale.`, { param: 'itemId' });
}

/** `422 variant_required`: the product has variants; add one of them. */
export function variantRequired(productId: string): ProblemError {
  return new ProblemError(
    422,
    'variant_required',
    `Product '${productId}' has variants: add one of them (var_…).`,
    { param: 'itemId' },
  );
}

/** `422 price_unavailable`: the item has no price in the cart's currency. */
export function priceUnavailable(itemId: string, currency: string): ProblemError {
  return new ProblemError(422, 'price_unavailable', `'${itemId}' has no price in ${currency}.`, {
    param: 'itemId',
  });
}

/** `409 invalid_state`: a completed cart changes no more. */
export function cartCompleted(cartId: string): ProblemError {
  return new ProblemError(409, 'invalid_state', `Cart '${cartId}' is completed: it changes no more.`);
}

/** The header a publishable key sends a cart's token in. */
export const CART_TOKEN_HEADER = 'AgentStack-Cart-Token';

/** Why a discount code does not apply (the `reason` of `discount_not_applicable`). */
export type DiscountReason =
  | 'unknown'
  | 'inactive'
  | 'not_started'
  | 'ended'
  | 'currency'
  | 'minimum_spend'
  | 'usage_limit'
  | 'customer_limit'
  | 'customer_required';

const DISCOUNT_REASONS: Record<DiscountReason, string> = {
  unknown: 'is not a code of this shop',
  inactive: 'is not active',
  not_started: 'is not valid yet',
  ended: 'has expired',
  currency: "is for another currency than the cart's",
  minimum_spend: 'needs a larger order',
  usage_limit: 'has been used as many times as it may be',
  customer_limit: 'has been used by this customer as many times as it may be',
  customer_required: 'needs a signed-in customer or an e-mail on the cart',
};

/** `409 discount_not_applicable` for `code`, with the `reason` a storefront can show. */
export function discountNotApplicable(code: string, reason: DiscountReason, detail?: string): ProblemError {
  return new ProblemError(
    409,
    'discount_not_applicable',
    `The code '${code}' ${DISCOUNT_REASONS[reason]}${detail ? ` (${detail})` : ''}.`,
    { param: 'code', reason },
  );
}

/** A cart line as kept: what it is and its unit price when the cart last changed. */
export interface CartLineState {
  id: string;
  productId: string;
  variantId: string | null;
  itemId: string;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  vendorId: string | null;
  quantity: number;
  unitAmount: number;
}

/** What a cart's price depended on when it last changed. */
export interface CartPricingState {
  taxRateBps?: number;
  discount?:
    | { code: string; type: 'percentage'; percentOff: number }
    | { code: string; type: 'fixed'; amountOff: number }
    | null;
  shipping?: { amount: number; freeOverAmount: number | null } | null;
}

/** A cart as kept by the server (a row) or the mocks (memory): {@link cartWire} prices it. */
export interface CartState {
  id: string;
  status: 'open' | 'completed';
  currency: string;
  regionId: string | null;
  customerId: string | null;
  email: string | null;
  lines: readonly CartLineState[];
  shippingAddress: Address | null;
  shippingOptionId: string | null;
  discountCodeId: string | null;
  pricing: CartPricingState;
  orderId: string | null;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** Prices what a cart keeps (its lines and pricing inputs). */
export function priceCartState(state: Pick<CartState, 'lines' | 'pricing'>): PricedCart {
  const d = state.pricing.discount;
  return priceCart({
    lines: state.lines,
    discount: d
      ? d.type === 'percentage'
        ? { type: 'percentage', percentOff: d.percentOff }
        : { type: 'fixed', amountOff: d.amountOff }
      : null,
    shipping: state.pricing.shipping ?? null,
    taxRateBps: state.pricing.taxRateBps ?? 0,
  });
}

/** The wire form of a kept cart, priced: the one builder the server and the mocks answer with. */
export function cartWire(state: CartState): Cart {
  const priced = priceCartState(state);
  const money = (amount: number) => ({ amount, currency: state.currency });
  return {
    id: state.id,
    object: 'cart',
    status: state.status,
    currency: state.currency,
    regionId: state.regionId,
    customerId: state.customerId,
    email: state.email,
    lines: state.lines.map((l, i) => {
      const p = priced.lines[i] as PricedLine;
      return {
        id: l.id,
        object: 'cart_line' as const,
        productId: l.productId,
        variantId: l.variantId,
        itemId: l.itemId,
        sku: l.sku,
        title: l.title,
        variantTitle: l.variantTitle,
        vendorId: l.vendorId,
        quantity: l.quantity,
        unitPrice: money(l.unitAmount),
        subtotal: money(p.subtotal),
        discount: money(p.discount),
        tax: money(p.tax),
        total: money(p.total),
      };
    }),
    shippingAddress: state.shippingAddress,
    shippingOptionId: state.shippingOptionId,
    discount:
      state.discountCodeId && state.pricing.discount
        ? { id: state.discountCodeId, code: state.pricing.discount.code }
        : null,
    subtotal: money(priced.subtotal),
    discountTotal: money(priced.discountTotal),
    shippingTotal: money(priced.shippingTotal),
    taxTotal: money(priced.taxTotal),
    total: money(priced.total),
    orderId: state.orderId,
    metadata: state.metadata,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    completedAt: state.completedAt,
  };
}

/** What the catalogue says of an item a cart can hold (a variant, or a product without variants). */
export interface CatalogItem {
  itemId: string;
  productId: string;
  variantId: string | null;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  vendorId: string | null;
  status: string;
  /** How many variants the product has (a product with some is sold through them). */
  variantCount: number;
  price: Money;
  prices: readonly Money[];
}

/**
 * The line for `quantity` units of `item` in `currency`, or the catalogue's problem with it: `409
 * product_unavailable` (not active), `422 variant_required`, `422 price_unavailable`.
 */
export function cartLineFor(
  item: CatalogItem,
  currency: string,
  quantity: number,
  id: string,
): CartLineState {
  if (item.status !== 'active') throw productUnavailable(item.itemId);
  if (item.variantId === null && item.variantCount > 0) throw variantRequired(item.productId);
  const unitAmount = unitPriceIn(item, currency);
  if (unitAmount === null) throw priceUnavailable(item.itemId, currency);
  return {
    id,
    productId: item.productId,
    variantId: item.variantId,
    itemId: item.itemId,
    sku: item.sku,
    title: item.title,
    variantTitle: item.variantTitle,
    vendorId: item.vendorId,
    quantity,
    unitAmount,
  };
}

/** What the applicability rule reads of a discount code (the wire shape or a row). */
export interface DiscountLike {
  code: string;
  type: 'percentage' | 'fixed';
  percentOff: number | null;
  amountOff: Money | null;
  minimumSpend: Money | null;
  usageLimit: number | null;
  usedCount: number;
  startsAt: string | null;
  endsAt: string | null;
  active: boolean;
}

/**
 * Why `discount` does not apply to a cart in `currency` whose lines come to `subtotal`, at time
 * `now` (ms) — or null when it does. Usage limits are checked here as they stand; checkout
 * redeems under a conditional update, which is what holds them under concurrency.
 */
export function discountProblem(
  discount: DiscountLike,
  cart: { currency: string; subtotal: number },
  now: number,
): { reason: DiscountReason; detail?: string } | null {
  if (!discount.active) return { reason: 'inactive' };
  if (discount.startsAt && Date.parse(discount.startsAt) > now)
    return { reason: 'not_started', detail: `from ${discount.startsAt}` };
  if (discount.endsAt && Date.parse(discount.endsAt) <= now)
    return { reason: 'ended', detail: `on ${discount.endsAt}` };
  const currency = discount.amountOff?.currency ?? discount.minimumSpend?.currency;
  if (currency && currency !== cart.currency) return { reason: 'currency', detail: `it is for ${currency}` };
  if (discount.minimumSpend && cart.subtotal < discount.minimumSpend.amount) {
    return {
      reason: 'minimum_spend',
      detail: `${discount.minimumSpend.amount} ${discount.minimumSpend.currency} minimum`,
    };
  }
  if (discount.usageLimit !== null && discount.usedCount >= discount.usageLimit)
    return { reason: 'usage_limit' };
  return null;
}

/** `409 discount_not_applicable` unless `discount` applies (see {@link discountProblem}). */
export function requireDiscountApplies(
  discount: DiscountLike,
  cart: { currency: string; subtotal: number },
  now: number,
): void {
  const problem = discountProblem(discount, cart, now);
  if (problem) throw discountNotApplicable(discount.code, problem.reason, problem.detail);
}

/** A discount code as a cart's pricing keeps it. */
export function pricingDiscountOf(discount: DiscountLike): NonNullable<CartPricingState['discount']> {
  return discount.type === 'percentage'
    ? { code: discount.code, type: 'percentage', percentOff: discount.percentOff ?? 0 }
    : { code: discount.code, type: 'fixed', amountOff: discount.amountOff?.amount ?? 0 };
}

/** What a shipping option costs a cart whose lines after discount come to `net`. */
export function shippingAmountFor(option: { amount: Money; freeOver: Money | null }, net: number): number {
  return option.freeOver !== null && net >= option.freeOver.amount ? 0 : option.amount.amount;
}

/** `422 validation_failed` unless `money` is in the region's `currency` (param `param`). */
export function requireRegionCurrency(money: Money, currency: string, param: string): void {
  if (money.currency === currency) return;
  const message = `must be in the region's currency (${currency})`;
  throw new ProblemError(400, 'validation_failed', `Invalid body: ${param} — ${message}`, {
    param,
    errors: [{ param, code: 'custom', message }],
  });
}
