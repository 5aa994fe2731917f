import { timingSafeEqual } from 'node:crypto';
import {
  type CartLineState,
  type CartPricingState,
  cartCompleted,
  cartLineFor,
  discountNotApplicable,
  discountProblem,
  priceCartState,
  pricingDiscountOf,
  productUnavailable,
  requireDiscountApplies,
  requireLineQuantity,
  requireRoomForLine,
  shippingAmountFor,
} from '@agentstack/sdk/contract';
import {
  type Address,
  type Cart,
  type CartCreate,
  type CartDiscountApply,
  type CartLineCreate,
  type CartLineUpdate,
  type CartListParams,
  type CartShippingOptionList,
  type CartUpdate,
  type CartWithToken,
  type ListResponse,
  MAX_LINE_QUANTITY,
  type Money,
  newId,
} from '@agentstack/sdk/schemas';
import { and, eq, type SQL } from 'drizzle-orm';
import { hashSecret } from '../../../auth/credentials';
import type { Principal, TenantPrincipal } from '../../../auth/principal';
import type { Db, Executor } from '../../../db/client';
import { carts } from '../../../db/schema';
import type { BackgroundTask } from '../../../events/dispatcher';
import { ApiError, notFound } from '../../../http/errors';
import { customerUses, discountCodeByText, regionShippingOptions, toDiscountCode } from '../pricing/store';
import { customerKeyOf, redeemDiscount } from './redemption';
import {
  type CartForChange,
  type CartPatch,
  type CartRow,
  cartForChange,
  cartStore,
  deleteStaleCarts,
  discountCodeById,
  insertCart,
  regionById,
  shippingOptionById,
  toCart,
  writeCartIf,
} from './store';

const TOKEN_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A new cart token: `ctok_` + 32 base62 characters (≈190 bits). */
function newCartToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let out = 'ctok_';
  for (const b of bytes) out += TOKEN_ALPHABET[b % 62];
  return out;
}

/** The customer a principal is signed in as (customer sessions), if any. */
export function customerIdOf(principal: Principal): string | null {
  const id = (principal as { customerId?: unknown }).customerId;
  return typeof id === 'string' ? id : null;
}

/** Staff credentials (secret keys, dashboard sessions) open any cart of their tenant. */
function isStaff(principal: Principal): boolean {
  return principal.kind === 'secret_key' || principal.kind === 'session';
}

function tokenMatches(token: string | undefined, hash: string): boolean {
  if (!token || token.length > 100) return false;
  const a = Buffer.from(hashSecret(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether `caller` may open `row`: staff always; a signed-in customer their own carts, and an
 * unlinked cart whose token they hold; anyone else only an unlinked cart with its token. A cart
 * linked to a customer never opens with its token alone (a shared browser after sign-out).
 */
function mayOpen(caller: Principal, row: Pick<CartRow, 'customerId' | 'tokenHash'>, token?: string): boolean {
  if (isStaff(caller)) return true;
  const customerId = customerIdOf(caller);
  if (row.customerId !== null) return customerId !== null && row.customerId === customerId;
  return tokenMatches(token, row.tokenHash);
}

/**
 * The cart `id` if `caller` may open it; `404` otherwise — the same answer for a cart that does
 * not exist, is another tenant's, or whose token is missing or wrong, so a token never tells what
 * else exists.
 */
async function openCart(
  db: Executor,
  caller: TenantPrincipal,
  id: string,
  token: string | undefined,
): Promise<CartRow> {
  const row = await cartStore(db, caller.tenant.id).get(id);
  if (!row || !mayOpen(caller, row, token)) throw notFound('cart', id);
  return row;
}

/**
 * Like {@link openCart}, read for a change: with its version and the catalogue items of its lines
 * and of `itemIds` (see `cartForChange`), locked for the transaction when `lock`.
 */
async function openCartForChange(
  db: Executor,
  caller: TenantPrincipal,
  id: string,
  token: string | undefined,
  itemIds: readonly string[],
  lock: boolean,
): Promise<CartForChange> {
  const cart = await cartForChange(db, caller.tenant.id, id, itemIds, lock);
  if (!cart || !mayOpen(caller, cart.row, token)) throw notFound('cart', id);
  return cart;
}

function requireOpen(row: CartRow): void {
  if (row.status !== 'open') throw cartCompleted(row.id);
}

/**
 * Reprices `lines` from the catalogue `items` in `currency`: each line gets today's title, SKU,
 * vendor and unit price, or its problem (no longer for sale, no price in the currency).
 */
function repriceLines(
  items: CartForChange['items'],
  lines: readonly CartLineState[],
  currency: string,
): CartLineState[] {
  return lines.map((l) => {
    const item = items.get(l.itemId);
    if (!item) throw productUnavailable(l.itemId);
    return cartLineFor(item, currency, l.quantity, l.id);
  });
}

/**
 * How many times {@link changeCart} computes a change again when another request changed the
 * cart in between, before it locks the cart for a last try.
 */
const UNLOCKED_ATTEMPTS = 4;

/**
 * Changes cart `id` as `change` computes it: reads the cart with the catalogue items of its lines
 * and of `itemIds` (one statement), answers `404` unless `caller` may open it and `409
 * invalid_state` unless it is open, then writes what `change` returns — and links a signed-in
 * customer — in one statement, only if the cart is still the version read. When another request
 * changed it in between, all of it runs again on the cart as it is now; after a few such races,
 * once more with the cart locked, in a transaction of its own (a savepoint inside the caller's).
 * So a change is correct with or without a surrounding transaction: a publishable key's cart
 * writes run without one (see `atomic` on the cart routes), in two statements.
 */
async function changeCart(
  db: Executor,
  caller: TenantPrincipal,
  id: string,
  token: string | undefined,
  itemIds: readonly string[],
  change: (cart: CartForChange) => Promise<CartPatch> | CartPatch,
): Promise<Cart> {
  const attempt = async (on: Executor, lock: boolean): Promise<CartRow | undefined> => {
    const cart = await openCartForChange(on, caller, id, token, itemIds, lock);
    requireOpen(cart.row);
    const patch = await change(cart);
    return writeCartIf(on, cart.row, cart.version, {
      ...patch,
      customerId: cart.row.customerId ?? customerIdOf(caller),
    });
  };
  for (let i = 0; i < UNLOCKED_ATTEMPTS; i++) {
    const row = await attempt(db, false);
    if (row) return toCart(row);
  }
  const row = await (db as Db).transaction((tx) => attempt(tx, true));
  if (!row) throw new Error(`cart ${id} changed under its lock`);
  return toCart(row);
}

/**
 * What changes with a cart's lines (and its discount code, when given): the lines, and the
 * pricing inputs as they are now.
 */
async function linesPatch(
  db: Executor,
  tenantId: string,
  row: CartRow,
  lines: CartLineState[],
  discountCodeId: string | null = row.discountCodeId,
): Promise<CartPatch> {
  return { lines, ...(await pricingFor(db, tenantId, { ...row, discountCodeId, lines })) };
}

/** What a cart's region, shipping option and discount make of its pricing inputs. */
interface PricingSources {
  currency: string;
  regionId: string | null;
  shippingOptionId: string | null;
  discountCodeId: string | null;
  lines: readonly CartLineState[];
}

/** The pricing inputs of a cart as they are now, and what of them the cart keeps. */
interface Priced {
  pricing: CartPricingState;
  shippingOptionId: string | null;
  discountCodeId: string | null;
  total: number;
}

/**
 * The pricing inputs of a cart as its region, shipping option and discount code are now. A
 * shipping option that is gone, inactive or of another region is dropped from the cart, and so is
 * a discount code that no longer applies — unless `strict` (checkout), where the code's problem
 * is answered (`409 discount_not_applicable`) rather than charging more than the shopper saw.
 */
async function pricingFor(
  db: Executor,
  tenantId: string,
  sources: PricingSources,
  strict = false,
): Promise<Priced> {
  const region = sources.regionId ? await regionById(db, tenantId, sources.regionId) : undefined;
  const option =
    region && sources.shippingOptionId
      ? await shippingOptionById(db, tenantId, sources.shippingOptionId)
      : undefined;
  const shipping =
    option?.active && option.regionId === region?.id
      ? {
          amount: Number(option.amount),
          freeOverAmount: option.freeOverAmount === null ? null : Number(option.freeOverAmount),
        }
      : null;
  let discount: CartPricingState['discount'] = null;
  let discountCodeId: string | null = null;
  if (sources.discountCodeId) {
    const row = await discountCodeById(db, tenantId, sources.discountCodeId);
    const code = row ? toDiscountCode(row) : undefined;
    const subtotal = priceCartState({ lines: sources.lines, pricing: {} }).subtotal;
    const problem = code ? discountProblem(code, { currency: sources.currency, subtotal }, Date.now()) : null;
    if (strict && (!code || problem)) {
      throw discountNotApplicable(
        code?.code ?? sources.discountCodeId,
        problem?.reason ?? 'unknown',
        problem?.detail,
      );
    }
    if (code && !problem) {
      discount = pricingDiscountOf(code);
      discountCodeId = code.id;
    }
  }
  const pricing: CartPricingState = { taxRateBps: region?.taxRateBps ?? 0, shipping, discount };
  return {
    pricing,
    shippingOptionId: shipping ? (option?.id ?? null) : null,
    discountCodeId,
    total: priceCartState({ lines: sources.lines, pricing }).total,
  };
}

/** Business rules of carts. */
export const cartService = {
  /** Lists the tenant's carts (staff only, by permission). */
  async list(db: Executor, caller: TenantPrincipal, params: CartListParams): Promise<ListResponse<Cart>> {
    const conditions: SQL[] = [];
    if (params.status) conditions.push(eq(carts.status, params.status));
    if (params.customerId) conditions.push(eq(carts.customerId, params.customerId));
    return cartStore(db, caller.tenant.id).page(params, conditions.length ? and(...conditions) : undefined);
  },

  /** Creates an empty cart with its token (shown once, stored hashed). */
  async create(db: Executor, caller: TenantPrincipal, input: CartCreate): Promise<CartWithToken> {
    const tenantId = caller.tenant.id;
    let currency = input.currency;
    let pricing: CartPricingState = {};
    if (input.regionId !== undefined) {
      const region = await regionById(db, tenantId, input.regionId);
      if (!region)
        throw new ApiError(404, 'not_found', `No region with id '${input.regionId}'.`, { param: 'regionId' });
      if (currency !== undefined && currency !== region.currency) {
        throw new ApiError(
          400,
          'validation_failed',
          `Region '${region.id}' sells in ${region.currency}, not ${currency}.`,
          {
            param: 'currency',
          },
        );
      }
      currency = region.currency;
      pricing = { taxRateBps: region.taxRateBps };
    }
    const token = newCartToken();
    const row = await insertCart(db, {
      id: newId('cart'),
      tenantId,
      tokenHash: hashSecret(token),
      currency: currency as string,
      regionId: input.regionId ?? null,
      customerId: customerIdOf(caller),
      email: input.email ?? null,
      metadata: input.metadata ?? {},
      pricing,
    });
    return { ...toCart(row), token };
  },

  async retrieve(
    db: Executor,
    caller: TenantPrincipal,
    id: string,
    token: string | undefined,
  ): Promise<Cart> {
    return toCart(await openCart(db, caller, id, token));
  },

  async update(
    db: Executor,
    caller: TenantPrincipal,
    id: string,
    token: string | undefined,
    input: CartUpdate,
  ): Promise<Cart> {
    const tenantId = caller.tenant.id;
    return changeCart(db, caller, id, token, [], async ({ row, items }) => {
      let regionId = row.regionId;
      let currency = row.currency;
      if (input.regionId !== undefined && input.regionId !== row.regionId) {
        const region = await regionById(db, tenantId, input.regionId);
        if (!region)
          throw new ApiError(404, 'not_found', `No region with id '${input.regionId}'.`, {
            param: 'regionId',
          });
        regionId = region.id;
        currency = region.currency;
      }
      const shippingAddress: Address | null =
        input.shippingAddress === undefined ? (row.shippingAddress ?? null) : input.shippingAddress;
      let shippingOptionId =
        input.shippingOptionId === undefined ? row.shippingOptionId : input.shippingOptionId;
      if (regionId !== null && shippingAddress !== null) {
        const region = await regionById(db, tenantId, regionId);
        if (region && !region.countries.includes(shippingAddress.countryCode)) {
          throw new ApiError(
            422,
            'shipping_unavailable',
            `Region '${region.id}' does not ship to ${shippingAddress.countryCode} (${region.countries.join(', ') || 'no countries'}).`,
            { param: 'shippingAddress.countryCode' },
          );
        }
      }
      if (input.shippingOptionId) {
        const option = await shippingOptionById(db, tenantId, input.shippingOptionId);
        if (!option?.active || option.regionId !== regionId) {
          throw new ApiError(
            422,
            'shipping_unavailable',
            `Shipping option '${input.shippingOptionId}' is not available in this cart's region.`,
            { param: 'shippingOptionId' },
          );
        }
      }
      if (regionId !== row.regionId && input.shippingOptionId === undefined) shippingOptionId = null;
      const lines = currency === row.currency ? row.lines : repriceLines(items, row.lines, currency);
      const priced = await pricingFor(db, tenantId, {
        currency,
        regionId,
        shippingOptionId,
        discountCodeId: row.discountCodeId,
        lines,
      });
      return {
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
        regionId,
        currency,
        shippingAddress,
        lines,
        ...priced,
      };
    });
  },

  /** Adds units of an item at the catalogue's price; an item already in the cart adds to its line. */
  async addLine(
    db: Executor,
    caller: TenantPrincipal,
    id: string,
    token: string | undefined,
    input: CartLineCreate,
  ): Promise<Cart> {
    return changeCart(db, caller, id, token, [input.itemId], ({ row, items }) => {
      const existing = row.lines.find((l) => l.itemId === input.itemId);
      if (!existing) requireRoomForLine(row.lines.length);
      const quantity = (existing?.quantity ?? 0) + input.quantity;
      requireLineQuantity(quantity, MAX_LINE_QUANTITY);
      const item = items.get(input.itemId);
      if (!item)
        throw new ApiError(404, 'not_found', `No variant or product with id '${input.itemId}'.`, {
          param: 'itemId',
        });
      // Every line is repriced with the new one: the cart shows the catalogue as of its last change.
      const changed = row.lines.map((l) => (l.itemId === input.itemId ? { ...l, quantity } : l));
      const lines = repriceLines(items, changed, row.currency);
      if (!existing) lines.push(cartLineFor(item, row.currency, quantity, newId('cli')));
      return linesPatch(db, caller.tenant.id, row, lines);
    });
  },

  async updateLine(
    db: Executor,
    caller: TenantPrincipal,
    id: string,
    lineId: string,
    token: string | undefined,
    input: CartLineUpdate,
  ): Promise<Cart> {
    return changeCart(db, caller, id, token, [], ({ row, items }) => {
      if (!row.lines.some((l) => l.id === lineId)) throw notFound('cart line', lineId);
      const changed = row.lines.map((l) => (l.id === lineId ? { ...l, quantity: input.quantity } : l));
      return linesPatch(db, caller.tenant.id, row, repriceLines(items, changed, row.currency));
    });
  },

  async removeLine(
    db: Executor,
    caller: TenantPrincipal,
    id: string,
    lineId: string,
    token: string | undefined,
  ): Promise<Cart> {
    return changeCart(db, caller, id, token, [], ({ row, items }) => {
      if (!row.lines.some((l) => l.id === lineId)) throw notFound('cart line', lineId);
      const kept = row.lines.filter((l) => l.id !== lineId);
      return linesPatch(db, caller.tenant.id, row, repriceLines(items, kept, row.currency));
    });
  },

  /**
   * Applies a discount code (matched in upper case), replacing the cart's; `409
   * discount_not_applicable` with the reason when it does not apply to this cart now.
   */
  async applyDiscount(
    db: Executor,
    caller: TenantPrincipal,
    id: string,
    token: string | undefined,
    input: CartDiscountApply,
  ): Promise<Cart> {
    const tenantId = caller.tenant.id;
    return changeCart(db, caller, id, token, [], async ({ row }) => {
      const text = input.code.toUpperCase();
      const found = await discountCodeByText(db, tenantId, text);
      if (!found) throw discountNotApplicable(text, 'unknown');
      const code = toDiscountCode(found);
      const subtotal = priceCartState({ lines: row.lines, pricing: {} }).subtotal;
      requireDiscountApplies(code, { currency: row.currency, subtotal }, Date.now());
      const customerKey = customerKeyOf({
        customerId: row.customerId ?? customerIdOf(caller),
        email: row.email,
      });
      if (
        code.usageLimitPerCustomer !== null &&
        customerKey !== null &&
        (await customerUses(db, code.id, customerKey)) >= code.usageLimitPerCustomer
      ) {
        throw discountNotApplicable(text, 'customer_limit');
      }
      return linesPatch(db, tenantId, row, row.lines, code.id);
    });
  },

  /** Removes the cart's discount code. */
  async removeDiscount(
    db: Executor,
    caller: TenantPrincipal,
    id: string,
    token: string | undefined,
  ): Promise<Cart> {
    return changeCart(db, caller, id, token, [], ({ row }) =>
      linesPatch(db, caller.tenant.id, row, row.lines, null),
    );
  },

  /** The active shipping options of the cart's region, each at what this cart would pay now. */
  async shippingOptions(
    db: Executor,
    caller: TenantPrincipal,
    id: string,
    token: string | undefined,
  ): Promise<CartShippingOptionList> {
    const row = await openCart(db, caller, id, token);
    if (row.regionId === null) return { data: [] };
    const options = await regionShippingOptions(db, caller.tenant.id, row.regionId);
    const priced = priceCartState(row);
    const net = priced.subtotal - priced.discountTotal;
    const money = (amount: number) => ({ amount, currency: row.currency });
    return {
      data: options.map((o) => {
        const option = {
          amount: money(Number(o.amount)),
          freeOver: o.freeOverAmount === null ? null : money(Number(o.freeOverAmount)),
        };
        return {
          id: o.id,
          object: 'cart_shipping_option' as const,
          name: o.name,
          amount: money(shippingAmountFor(option, net)),
          freeOver: option.freeOver,
        };
      }),
    };
  },
};

/** One line of a {@link CartSnapshot}. */
export interface CartSnapshotLine {
  lineId: string;
  productId: string;
  variantId: string | null;
  /** The stock item inventory counts and reserves: the variant id, else the product id. */
  itemId: string;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  vendorId: string | null;
  quantity: number;
  unitPrice: Money;
  subtotal: Money;
  discount: Money;
  tax: Money;
  total: Money;
}

/** A cart priced for checkout, as {@link lockCartForCheckout} returns it. */
export interface CartSnapshot {
  cartId: string;
  tenantId: string;
  status: 'open' | 'completed';
  currency: string;
  regionId: string | null;
  customerId: string | null;
  email: string | null;
  shippingAddress: Address | null;
  shippingOptionId: string | null;
  discountCodeId: string | null;
  discountCode: string | null;
  lines: CartSnapshotLine[];
  subtotal: Money;
  discountTotal: Money;
  shippingTotal: Money;
  taxTotal: Money;
  total: Money;
  /** The cart's wire form, priced as above. */
  cart: Cart;
}

/**
 * For checkout, inside the caller's transaction: locks cart `cartId` (`SELECT … FOR UPDATE`, so
 * concurrent checkouts of one cart queue here), checks that `caller` may open it (`404`
 * otherwise, as every cart call), that it is open (`409 invalid_state`) and not empty, reprices
 * it from the catalogue and its region, shipping option and discount as they are now (`409
 * product_unavailable`, `422 price_unavailable`, `409 discount_not_applicable` for a code that no
 * longer applies), stores that price, and returns it.
 */
export async function lockCartForCheckout(
  tx: Executor,
  caller: TenantPrincipal,
  cartId: string,
  cartToken: string | undefined,
): Promise<CartSnapshot> {
  const tenantId = caller.tenant.id;
  const { row, version, items } = await openCartForChange(tx, caller, cartId, cartToken, [], true);
  requireOpen(row);
  if (row.lines.length === 0) {
    throw new ApiError(409, 'invalid_state', `Cart '${cartId}' is empty.`);
  }
  const lines = repriceLines(items, row.lines, row.currency);
  const priced = await pricingFor(tx, tenantId, { ...row, lines }, true);
  const updated = await writeCartIf(tx, row, version, { lines, ...priced });
  if (!updated) throw new Error(`cart ${cartId} changed under its lock`);
  return snapshotOf(updated);
}

function snapshotOf(row: CartRow): CartSnapshot {
  const cart = toCart(row);
  return {
    cartId: row.id,
    tenantId: row.tenantId,
    status: row.status,
    currency: row.currency,
    regionId: row.regionId,
    customerId: row.customerId,
    email: row.email,
    shippingAddress: row.shippingAddress ?? null,
    shippingOptionId: row.shippingOptionId,
    discountCodeId: row.discountCodeId,
    discountCode: row.pricing.discount?.code ?? null,
    lines: cart.lines.map((l) => ({
      lineId: l.id,
      productId: l.productId,
      variantId: l.variantId,
      itemId: l.itemId,
      sku: l.sku,
      title: l.title,
      variantTitle: l.variantTitle,
      vendorId: l.vendorId,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      subtotal: l.subtotal,
      discount: l.discount,
      tax: l.tax,
      total: l.total,
    })),
    subtotal: cart.subtotal,
    discountTotal: cart.discountTotal,
    shippingTotal: cart.shippingTotal,
    taxTotal: cart.taxTotal,
    total: cart.total,
    cart,
  };
}

/**
 * For checkout, inside the caller's transaction after {@link lockCartForCheckout}: marks the cart
 * completed as order `orderId`. `409 invalid_state` when it is not open any more.
 */
export async function markCartCompleted(
  tx: Executor,
  tenantId: string,
  cartId: string,
  orderId: string,
): Promise<Cart> {
  const [row] = await tx
    .update(carts)
    .set({ status: 'completed', orderId, completedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(carts.tenantId, tenantId), eq(carts.id, cartId), eq(carts.status, 'open')))
    .returning();
  if (!row) throw cartCompleted(cartId);
  return toCart(row);
}

/**
 * For checkout, inside the caller's transaction: redeems the snapshot's discount code for order
 * `orderId`, once per cart (a second call for the same cart changes nothing). The total and
 * per-customer usage limits are conditional updates — a code at its limit changes no row — so
 * concurrent checkouts never redeem it past its limit: the one too many gets `409
 * discount_not_applicable` (reason `usage_limit` or `customer_limit`) and its transaction rolls
 * back.
 */
export async function redeemCartDiscount(
  tx: Executor,
  snapshot: CartSnapshot,
  orderId: string,
): Promise<void> {
  if (!snapshot.discountCodeId) return;
  await redeemDiscount(tx, {
    tenantId: snapshot.tenantId,
    discountCodeId: snapshot.discountCodeId,
    code: snapshot.discountCode ?? snapshot.discountCodeId,
    cartId: snapshot.cartId,
    orderId,
    customerKey: customerKeyOf(snapshot),
  });
}

/** Days an open cart may go unchanged before {@link staleCartCleanup} deletes it. */
export const STALE_CART_DAYS = 30;

/** How many stale carts one run of {@link staleCartCleanup} deletes. */
const STALE_CART_BATCH = 500;

/**
 * Deletes abandoned carts: open, unchanged for {@link STALE_CART_DAYS} days, never checked out.
 * A storefront makes a cart per visit; without this they pile up for ever. A batch per run, again
 * at once while batches come back full; hourly otherwise.
 */
export const staleCartCleanup: BackgroundTask = {
  name: 'commerce.carts.stale-cleanup',
  intervalMs: 60 * 60_000,
  async run(app) {
    return (await deleteStaleCarts(app.db, STALE_CART_DAYS, STALE_CART_BATCH)) === STALE_CART_BATCH;
  },
};
