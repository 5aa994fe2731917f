import { cartOperations } from '../../contract/commerce/carts';
import {
  CART_TOKEN_HEADER,
  type CartLineState,
  type CartPricingState,
  type CatalogItem,
  cartCompleted,
  cartLineFor,
  cartWire,
  discountNotApplicable,
  discountProblem,
  priceCartState,
  pricingDiscountOf,
  productUnavailable,
  requireDiscountApplies,
  requireLineQuantity,
  requireRoomForLine,
  shippingAmountFor,
} from '../../contract/commerce/pricing';
import { notFound, ProblemError } from '../../contract/problem';
import type { Address } from '../../schemas/commerce/address';
import { MAX_LINE_QUANTITY } from '../../schemas/commerce/cart';
import { newId } from '../../schemas/ids';
import { now, paginate } from '../collection';
import type { MockCart, MockDb } from '../db';
import { type Caller, mockResource } from '../pipeline';
import { randomToken } from '../problems';

/** The catalogue item with `itemId` (a variant, or a product), as the server reads it. */
function catalogItem(db: MockDb, itemId: string): CatalogItem | undefined {
  for (const p of db.products) {
    const base = { productId: p.id, title: p.title, vendorId: p.vendorId, status: p.status };
    if (p.id === itemId) {
      return {
        ...base,
        itemId,
        variantId: null,
        sku: p.sku,
        variantTitle: null,
        variantCount: p.variants.length,
        price: p.price,
        prices: p.prices,
      };
    }
    const v = p.variants.find((x) => x.id === itemId);
    if (v) {
      return {
        ...base,
        itemId,
        variantId: v.id,
        sku: v.sku,
        variantTitle: v.title,
        variantCount: p.variants.length,
        price: v.price,
        prices: v.prices,
      };
    }
  }
  return undefined;
}

/** What the cart rules read of a mock request. */
interface CartContext {
  db: MockDb;
  request: Request;
  tenant(): Caller;
}

function customerIdOf(caller: Caller): string | null {
  const id = (caller as { customerId?: unknown }).customerId;
  return typeof id === 'string' ? id : null;
}

/** Who a per-customer limit counts, as the server: the customer, else the e-mail in lower case. */
export function mockCustomerKey(cart: { customerId: string | null; email: string | null }): string | null {
  if (cart.customerId) return `customer:${cart.customerId}`;
  if (cart.email) return `email:${cart.email.toLowerCase()}`;
  return null;
}

/** As the server: staff open any cart, a customer theirs, anyone else an unlinked one with its token. */
export function openMockCart(ctx: CartContext, id: string): MockCart {
  const caller = ctx.tenant();
  const cart = ctx.db.carts.find((c) => c.id === id);
  const token = ctx.request.headers.get(CART_TOKEN_HEADER);
  const staff = caller.kind === 'secret_key' || caller.kind === 'session';
  const customerId = customerIdOf(caller);
  const allowed =
    cart &&
    (staff ||
      (cart.customerId !== null
        ? customerId !== null && cart.customerId === customerId
        : token === cart.token));
  if (!cart || !allowed) throw notFound('cart', id);
  return cart;
}

function openForWrite(ctx: CartContext, id: string): MockCart {
  const cart = openMockCart(ctx, id);
  if (cart.status !== 'open') throw cartCompleted(cart.id);
  return cart;
}

/** Reprices `lines` from the catalogue in `currency`, as the server does on every change. */
export function reprice(db: MockDb, currency: string, lines: readonly CartLineState[]): CartLineState[] {
  return lines.map((l) => {
    const item = catalogItem(db, l.itemId);
    if (!item) throw productUnavailable(l.itemId);
    return cartLineFor(item, currency, l.quantity, l.id);
  });
}

/** The cart's next state: what the server's `pricingFor` makes of it (see there). */
interface Next {
  currency: string;
  regionId: string | null;
  shippingOptionId: string | null;
  discountCodeId: string | null;
  lines: CartLineState[];
}

/**
 * Prices and stores the cart's next state as the server does: its region's rate, its shipping
 * option while it is the region's and active, its discount code while it applies (`strict`:
 * answer the code's problem instead). A problem leaves the cart as it was.
 */
export function saveMockCart(db: MockDb, cart: MockCart, next: Next, caller: Caller | null, strict = false) {
  const region = next.regionId ? db.regions.find((r) => r.id === next.regionId) : undefined;
  const option = region ? db.shippingOptions.find((o) => o.id === next.shippingOptionId) : undefined;
  const usable = option?.active && option.regionId === region?.id ? option : undefined;
  let discount: CartPricingState['discount'] = null;
  let discountCodeId: string | null = null;
  if (next.discountCodeId) {
    const code = db.discountCodes.find((d) => d.id === next.discountCodeId);
    const subtotal = priceCartState({ lines: next.lines, pricing: {} }).subtotal;
    const problem = code ? discountProblem(code, { currency: next.currency, subtotal }, Date.now()) : null;
    if (strict && (!code || problem)) {
      throw discountNotApplicable(
        code?.code ?? next.discountCodeId,
        problem?.reason ?? 'unknown',
        problem?.detail,
      );
    }
    if (code && !problem) {
      discount = pricingDiscountOf(code);
      discountCodeId = code.id;
    }
  }
  const pricing: CartPricingState = {
    taxRateBps: region?.taxRateBps ?? 0,
    shipping: usable
      ? { amount: usable.amount.amount, freeOverAmount: usable.freeOver?.amount ?? null }
      : null,
    discount,
  };
  priceCartState({ lines: next.lines, pricing });
  Object.assign(cart, {
    currency: next.currency,
    regionId: next.regionId,
    shippingOptionId: usable?.id ?? null,
    discountCodeId,
    lines: next.lines,
    pricing,
    updatedAt: now(),
  });
  if (caller) cart.customerId ??= customerIdOf(caller);
  return cartWire(cart);
}

const nextOf = (cart: MockCart, patch: Partial<Next> = {}): Next => ({
  currency: cart.currency,
  regionId: cart.regionId,
  shippingOptionId: cart.shippingOptionId,
  discountCodeId: cart.discountCodeId,
  lines: cart.lines,
  ...patch,
});

const unknownRegion = (id: string) =>
  new ProblemError(404, 'not_found', `No region with id '${id}'.`, { param: 'regionId' });

/**
 * Redeems the cart's discount code once, as the server's `redeemCartDiscount` (for the mock
 * checkout): `409 discount_not_applicable` past the total or per-customer limit.
 */
export function redeemMockDiscount(db: MockDb, cart: MockCart): void {
  const code = db.discountCodes.find((d) => d.id === cart.discountCodeId);
  if (!code) return;
  if (code.usageLimit !== null && code.usedCount >= code.usageLimit)
    throw discountNotApplicable(code.code, 'usage_limit');
  if (code.usageLimitPerCustomer !== null) {
    const key = mockCustomerKey(cart);
    if (key === null) throw discountNotApplicable(code.code, 'customer_required');
    const uses = db.discountUses[`${code.id} ${key}`] ?? 0;
    if (uses >= code.usageLimitPerCustomer) throw discountNotApplicable(code.code, 'customer_limit');
    db.discountUses[`${code.id} ${key}`] = uses + 1;
  }
  code.usedCount += 1;
}

/** `/v1/commerce/carts` in memory, priced by the same rules as the server. */
export const cartMocks = mockResource(cartOperations, {
  list(ctx) {
    ctx.tenant();
    const items = ctx.db.carts
      .filter(
        (c) =>
          (ctx.query.status === undefined || c.status === ctx.query.status) &&
          (ctx.query.customerId === undefined || c.customerId === ctx.query.customerId),
      )
      .map(cartWire);
    return paginate(items, ctx.query);
  },
  create(ctx) {
    const caller = ctx.tenant();
    let currency = ctx.body.currency;
    let taxRateBps = 0;
    if (ctx.body.regionId !== undefined) {
      const region = ctx.db.regions.find((r) => r.id === ctx.body.regionId);
      if (!region) throw unknownRegion(ctx.body.regionId);
      if (currency !== undefined && currency !== region.currency) {
        throw new ProblemError(
          400,
          'validation_failed',
          `Region '${region.id}' sells in ${region.currency}, not ${currency}.`,
          { param: 'currency' },
        );
      }
      currency = region.currency;
      taxRateBps = region.taxRateBps;
    }
    const at = now();
    const cart: MockCart = {
      id: newId('cart'),
      token: randomToken('ctok_'),
      status: 'open',
      currency: currency as string,
      regionId: ctx.body.regionId ?? null,
      customerId: customerIdOf(caller),
      email: ctx.body.email ?? null,
      lines: [],
      shippingAddress: null,
      shippingOptionId: null,
      discountCodeId: null,
      pricing: ctx.body.regionId ? { taxRateBps } : {},
      orderId: null,
      metadata: { ...ctx.body.metadata },
      createdAt: at,
      updatedAt: at,
      completedAt: null,
    };
    ctx.db.carts.push(cart);
    return { ...cartWire(cart), token: cart.token };
  },
  retrieve: (ctx) => cartWire(openMockCart(ctx, ctx.params.id)),
  update(ctx) {
    const cart = openForWrite(ctx, ctx.params.id);
    const body = ctx.body;
    let { regionId, currency } = cart;
    if (body.regionId !== undefined && body.regionId !== cart.regionId) {
      const region = ctx.db.regions.find((r) => r.id === body.regionId);
      if (!region) throw unknownRegion(body.regionId);
      regionId = region.id;
      currency = region.currency;
    }
    const address: Address | null =
      body.shippingAddress === undefined ? cart.shippingAddress : body.shippingAddress;
    let shippingOptionId =
      body.shippingOptionId === undefined ? cart.shippingOptionId : body.shippingOptionId;
    const region = ctx.db.regions.find((r) => r.id === regionId);
    if (region && address && !region.countries.includes(address.countryCode)) {
      throw new ProblemError(
        422,
        'shipping_unavailable',
        `Region '${region.id}' does not ship to ${address.countryCode} (${region.countries.join(', ') || 'no countries'}).`,
        { param: 'shippingAddress.countryCode' },
      );
    }
    if (body.shippingOptionId) {
      const option = ctx.db.shippingOptions.find((o) => o.id === body.shippingOptionId);
      if (!option?.active || option.regionId !== regionId) {
        throw new ProblemError(
          422,
          'shipping_unavailable',
          `Shipping option '${body.shippingOptionId}' is not available in this cart's region.`,
          { param: 'shippingOptionId' },
        );
      }
    }
    if (regionId !== cart.regionId && body.shippingOptionId === undefined) shippingOptionId = null;
    const lines = currency === cart.currency ? cart.lines : reprice(ctx.db, currency, cart.lines);
    const wire = saveMockCart(
      ctx.db,
      cart,
      nextOf(cart, { currency, regionId, shippingOptionId, lines }),
      ctx.tenant(),
    );
    if (body.email !== undefined) cart.email = body.email;
    if (body.metadata !== undefined) cart.metadata = { ...body.metadata };
    cart.shippingAddress = address;
    return { ...wire, email: cart.email, metadata: cart.metadata, shippingAddress: address };
  },
  addLine(ctx) {
    const cart = openForWrite(ctx, ctx.params.id);
    const { itemId, quantity: added } = ctx.body;
    const existing = cart.lines.find((l) => l.itemId === itemId);
    if (!existing) requireRoomForLine(cart.lines.length);
    const quantity = (existing?.quantity ?? 0) + added;
    requireLineQuantity(quantity, MAX_LINE_QUANTITY);
    const item = catalogItem(ctx.db, itemId);
    if (!item) {
      throw new ProblemError(404, 'not_found', `No variant or product with id '${itemId}'.`, {
        param: 'itemId',
      });
    }
    const lines = reprice(
      ctx.db,
      cart.currency,
      cart.lines.map((l) => (l.itemId === itemId ? { ...l, quantity } : l)),
    );
    if (!existing) lines.push(cartLineFor(item, cart.currency, quantity, newId('cli')));
    return saveMockCart(ctx.db, cart, nextOf(cart, { lines }), ctx.tenant());
  },
  updateLine(ctx) {
    const cart = openForWrite(ctx, ctx.params.id);
    if (!cart.lines.some((l) => l.id === ctx.params.lineId)) throw notFound('cart line', ctx.params.lineId);
    const changed = cart.lines.map((l) =>
      l.id === ctx.params.lineId ? { ...l, quantity: ctx.body.quantity } : l,
    );
    return saveMockCart(
      ctx.db,
      cart,
      nextOf(cart, { lines: reprice(ctx.db, cart.currency, changed) }),
      ctx.tenant(),
    );
  },
  removeLine(ctx) {
    const cart = openForWrite(ctx, ctx.params.id);
    if (!cart.lines.some((l) => l.id === ctx.params.lineId)) throw notFound('cart line', ctx.params.lineId);
    const kept = cart.lines.filter((l) => l.id !== ctx.params.lineId);
    return saveMockCart(
      ctx.db,
      cart,
      nextOf(cart, { lines: reprice(ctx.db, cart.currency, kept) }),
      ctx.tenant(),
    );
  },
  applyDiscount(ctx) {
    const cart = openForWrite(ctx, ctx.params.id);
    const text = ctx.body.code.toUpperCase();
    const code = ctx.db.discountCodes.find((d) => d.code === text);
    if (!code) throw discountNotApplicable(text, 'unknown');
    const subtotal = priceCartState({ lines: cart.lines, pricing: {} }).subtotal;
    requireDiscountApplies(code, { currency: cart.currency, subtotal }, Date.now());
    const key = mockCustomerKey({
      customerId: cart.customerId ?? customerIdOf(ctx.tenant()),
      email: cart.email,
    });
    if (
      code.usageLimitPerCustomer !== null &&
      key !== null &&
      (ctx.db.discountUses[`${code.id} ${key}`] ?? 0) >= code.usageLimitPerCustomer
    ) {
      throw discountNotApplicable(text, 'customer_limit');
    }
    return saveMockCart(ctx.db, cart, nextOf(cart, { discountCodeId: code.id }), ctx.tenant());
  },
  removeDiscount(ctx) {
    const cart = openForWrite(ctx, ctx.params.id);
    return saveMockCart(ctx.db, cart, nextOf(cart, { discountCodeId: null }), ctx.tenant());
  },
  shippingOptions(ctx) {
    const cart = openMockCart(ctx, ctx.params.id);
    if (cart.regionId === null) return { data: [] };
    const priced = priceCartState(cart);
    const net = priced.subtotal - priced.discountTotal;
    return {
      data: ctx.db.shippingOptions
        .filter((o) => o.regionId === cart.regionId && o.active)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((o) => ({
          id: o.id,
          object: 'cart_shipping_option' as const,
          name: o.name,
          amount: { amount: shippingAmountFor(o, net), currency: cart.currency },
          freeOver: o.freeOver,
        })),
    };
  },
});
