import { MAX_CATEGORY_DEPTH } from '../../schemas/commerce/category';
import { MAX_CUSTOMER_ADDRESSES } from '../../schemas/commerce/customer';
import type { ProductOption } from '../../schemas/commerce/product';
import { MAX_VARIANTS } from '../../schemas/commerce/variant';
import type { Money } from '../../schemas/common';
import { ProblemError } from '../problem';

/**
 * The catalogue's rules the server and the mocks share: one copy, so both answer the same
 * problems. Each throws the API's {@link ProblemError}.
 */

/** What a variant rule needs to know of the product's other variants. */
interface VariantLike {
  id: string;
  options: Record<string, string>;
}

/**
 * `422 invalid_variant_options` unless `chosen` names exactly the product's axes, each with one
 * of its values.
 */
export function requireVariantOptions(axes: readonly ProductOption[], chosen: Record<string, string>): void {
  const fail = (detail: string) =>
    new ProblemError(422, 'invalid_variant_options', detail, { param: 'options' });
  for (const axis of axes) {
    const value = chosen[axis.name];
    if (value === undefined) throw fail(`The variant must choose a value of option '${axis.name}'.`);
    if (!axis.values.includes(value))
      throw fail(`'${value}' is not a value of option '${axis.name}' (${axis.values.join(', ')}).`);
  }
  const extra = Object.keys(chosen).find((name) => !axes.some((a) => a.name === name));
  if (extra !== undefined) throw fail(`The product has no option '${extra}'.`);
}

/** The title of a variant that names none: its values in axis order (`M / Red`), or `Default`. */
export function variantTitle(axes: readonly ProductOption[], chosen: Record<string, string>): string {
  const values = axes.map((a) => chosen[a.name]).filter((v): v is string => v !== undefined);
  return values.length ? values.join(' / ') : 'Default';
}

const combination = (chosen: Record<string, string>) =>
  JSON.stringify(Object.entries(chosen).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** `409 duplicate_variant` when another of `variants` (not `exceptId`) has the same option values. */
export function requireDistinctVariant(
  variants: readonly VariantLike[],
  chosen: Record<string, string>,
  exceptId?: string,
): void {
  const key = combination(chosen);
  const twin = variants.find((v) => v.id !== exceptId && combination(v.options) === key);
  if (twin) {
    throw new ProblemError(409, 'duplicate_variant', `Variant ${twin.id} already has these option values.`, {
      param: 'options',
    });
  }
}

/** `409 too_many_variants` when a product with `count` variants cannot take one more. */
export function requireRoomForVariant(count: number): void {
  if (count >= MAX_VARIANTS) {
    throw new ProblemError(409, 'too_many_variants', `A product has at most ${MAX_VARIANTS} variants.`);
  }
}

/** `409 options_in_use` when new option axes would leave a variant without valid values. */
export function requireOptionsFitVariants(
  axes: readonly ProductOption[],
  variants: readonly VariantLike[],
): void {
  for (const variant of variants) {
    try {
      requireVariantOptions(axes, variant.options);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      throw new ProblemError(
        409,
        'options_in_use',
        `Variant ${variant.id} uses options these would remove (${error.detail}) Change or delete it first.`,
        { param: 'options' },
      );
    }
  }
}

/**
 * `400 validation_failed` when `prices` repeats the currency of `price` — for updates that change
 * one of the two (a body with both is checked by its schema).
 */
export function requirePriceCurrencyOnce(price: Money, prices: readonly Money[]): void {
  const i = prices.findIndex((m) => m.currency === price.currency);
  if (i < 0) return;
  const param = `prices.${i}`;
  const message = `must not repeat the currency of price (${price.currency})`;
  throw new ProblemError(400, 'validation_failed', `Invalid body: ${param} — ${message}`, {
    param,
    errors: [{ param, code: 'custom', message }],
  });
}

/**
 * The rule of the category tree for placing category `id` (undefined for a new one) whose subtree
 * is `height` levels tall (1 for a leaf) under the parent whose chain of ids, parent first up to
 * the root, is `chain`: `409 category_cycle` when `id` is in it, `422 category_too_deep` when the
 * subtree would reach below {@link MAX_CATEGORY_DEPTH}.
 */
export function requireCategoryPlacement(
  id: string | undefined,
  chain: readonly string[],
  height: number,
): void {
  if (id !== undefined && chain.includes(id)) {
    throw new ProblemError(
      409,
      'category_cycle',
      `A category cannot move under itself or one of its descendants (${chain[0]}).`,
      { param: 'parentId' },
    );
  }
  if (chain.length + height > MAX_CATEGORY_DEPTH) {
    throw new ProblemError(
      422,
      'category_too_deep',
      `Categories nest at most ${MAX_CATEGORY_DEPTH} levels deep; this would make ${chain.length + height}.`,
      { param: 'parentId' },
    );
  }
}

/** True when a level with this low-stock threshold is low at `available` units (null: never). */
export function isLowStock(threshold: number | null, available: number): boolean {
  return threshold !== null && available <= threshold;
}

/**
 * `409 out_of_stock`: fewer than `requested` units of `itemId` are available at `locationId`. The
 * problem's `stock` member says what is available, so a storefront can offer that many.
 */
export function outOfStock(
  itemId: string,
  locationId: string,
  requested: number,
  available: number,
): ProblemError {
  const left = Math.max(available, 0);
  return new ProblemError(
    409,
    'out_of_stock',
    `Only ${left} of '${itemId}' available at '${locationId}'; ${requested} requested.`,
    { param: 'itemId', stock: { itemId, locationId, requested, available: left } },
  );
}

/** `404 not_found` for an item (variant or product) the tenant does not have. */
export function unknownStockItem(itemId: string): ProblemError {
  return new ProblemError(404, 'not_found', `No variant or product with id '${itemId}'.`, {
    param: 'itemId',
  });
}

/** `404 not_found` for a stock location the tenant does not have, named as the body's `locationId`. */
export function unknownStockLocation(locationId: string): ProblemError {
  return new ProblemError(404, 'not_found', `No stock location with id '${locationId}'.`, {
    param: 'locationId',
  });
}

/** `409 invalid_state`: stock cannot be reserved at an inactive location. */
export function inactiveStockLocation(locationId: string): ProblemError {
  return new ProblemError(409, 'invalid_state', `Stock location '${locationId}' is inactive.`, {
    param: 'locationId',
  });
}

/**
 * `409 workflow_step_in_use`: the update would remove custom steps that orders are in. Move those
 * orders on first.
 */
export function workflowStepInUse(keys: readonly string[]): ProblemError {
  return new ProblemError(
    409,
    'workflow_step_in_use',
    `Orders are in the step${keys.length === 1 ? '' : 's'} ${keys.map((k) => `'${k}'`).join(', ')}; move them on before removing ${keys.length === 1 ? 'it' : 'them'}.`,
    { param: 'steps', steps: [...keys] },
  );
}

/** The custom step keys in `before` that `after` no longer has. */
export function removedStepKeys(
  before: readonly { key: string }[],
  after: readonly { key: string }[],
): string[] {
  const kept = new Set(after.map((s) => s.key));
  return before.filter((s) => !kept.has(s.key)).map((s) => s.key);
}

/** `409 too_many_addresses`: a customer already keeps `count` of at most {@link MAX_CUSTOMER_ADDRESSES}. */
export function requireAddressSlot(count: number): void {
  if (count >= MAX_CUSTOMER_ADDRESSES) {
    throw new ProblemError(
      409,
      'too_many_addresses',
      `A customer keeps at most ${MAX_CUSTOMER_ADDRESSES} addresses: delete one first.`,
    );
  }
}

/** Whether a new address is the default: as asked, else when it is the customer's first. */
export function isDefaultAddress(requested: boolean | undefined, existing: number): boolean {
  return requested ?? existing === 0;
}

/**
 * `400 validation_failed` when a customer's update carries only one of `password` and
 * `currentPassword`; true when it changes the password (both given).
 */
export function requirePasswordPair(input: { password?: string; currentPassword?: string }): boolean {
  if (input.password === undefined && input.currentPassword === undefined) return false;
  if (input.password === undefined || input.currentPassword === undefined) {
    const param = input.password === undefined ? 'password' : 'currentPassword';
    throw new ProblemError(
      400,
      'validation_failed',
      'A new password needs the current one, and only goes with it.',
      {
        param,
        errors: [{ param, code: 'required', message: 'Send password and currentPassword together.' }],
      },
    );
  }
  return true;
}

/**
 * An order as its shopper reads it (`/v1/commerce/customers/me/orders`): the timeline names the
 * shopper's own actions as theirs and everyone else's as `store` — no staff user or key ids.
 */
export function shopperOrderView<O extends { timeline: ReadonlyArray<{ actor: string }> }>(
  order: O,
  customerId: string,
): O {
  const self = `customer:${customerId}`;
  return {
    ...order,
    timeline: order.timeline.map((e) => ({ ...e, actor: e.actor === self ? self : 'store' })),
  };
}
