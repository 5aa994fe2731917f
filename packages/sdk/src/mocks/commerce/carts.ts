import { cartOperations } from '../../contract/commerce/carts';
import {
  CART_TOKEN_HEADER,
  type CartLineState,
  type CatalogItem,
  cartCompleted,
  cartLineFor,
  cartWire,
  priceCartState,
  productUnavailable,
  requireLineQuantity,
  requireRoomForLine,
} from '../../contract/commerce/pricing';
import { notFound, ProblemError } from '../../contract/problem';
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

/** As the server: staff open any cart, a customer theirs, anyone else an unlinked one with its token. */
function openCart(ctx: CartContext, id: string): MockCart {
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
  const cart = openCart(ctx, id);
  if (cart.status !== 'open') throw cartCompleted(cart.id);
  return cart;
}

/** Reprices `lines` from the catalogue in the cart's currency, as the server does on every change. */
function reprice(db: MockDb, cart: MockCart, lines: readonly CartLineState[]): CartLineState[] {
  return lines.map((l) => {
    const item = catalogItem(db, l.itemId);
    if (!item) throw productUnavailable(l.itemId);
    return cartLineFor(item, cart.currency, l.quantity, l.id);
  });
}

/** Stores new lines once they price within bounds (a problem leaves the cart as it was). */
function save(cart: MockCart, lines: CartLineState[], caller: Caller) {
  priceCartState({ lines, pricing: cart.pricing });
  cart.lines = lines;
  cart.customerId ??= customerIdOf(caller);
  cart.updatedAt = now();
  return cartWire(cart);
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
    if (ctx.body.regionId !== undefined) {
      throw new ProblemError(404, 'not_found', `No region with id '${ctx.body.regionId}'.`, {
        param: 'regionId',
      });
    }
    const at = now();
    const cart: MockCart = {
      id: newId('cart'),
      token: randomToken('ctok_'),
      status: 'open',
      currency: ctx.body.currency as string,
      regionId: null,
      customerId: customerIdOf(caller),
      email: ctx.body.email ?? null,
      lines: [],
      shippingAddress: null,
      shippingOptionId: null,
      discountCodeId: null,
      pricing: {},
      orderId: null,
      metadata: { ...ctx.body.metadata },
      createdAt: at,
      updatedAt: at,
      completedAt: null,
    };
    ctx.db.carts.push(cart);
    return { ...cartWire(cart), token: cart.token };
  },
  retrieve: (ctx) => cartWire(openCart(ctx, ctx.params.id)),
  update(ctx) {
    const cart = openForWrite(ctx, ctx.params.id);
    const { regionId, shippingOptionId } = ctx.body;
    if (regionId !== undefined && regionId !== cart.regionId) {
      throw new ProblemError(404, 'not_found', `No region with id '${regionId}'.`, { param: 'regionId' });
    }
    if (shippingOptionId) {
      throw new ProblemError(
        422,
        'shipping_unavailable',
        `Shipping option '${shippingOptionId}' is not available in this cart's region.`,
        { param: 'shippingOptionId' },
      );
    }
    if (ctx.body.email !== undefined) cart.email = ctx.body.email;
    if (ctx.body.metadata !== undefined) cart.metadata = { ...ctx.body.metadata };
    if (ctx.body.shippingAddress !== undefined) cart.shippingAddress = ctx.body.shippingAddress;
    if (shippingOptionId === null) cart.shippingOptionId = null;
    return save(cart, cart.lines, ctx.tenant());
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
      cart,
      cart.lines.map((l) => (l.itemId === itemId ? { ...l, quantity } : l)),
    );
    if (!existing) lines.push(cartLineFor(item, cart.currency, quantity, newId('cli')));
    return save(cart, lines, ctx.tenant());
  },
  updateLine(ctx) {
    const cart = openForWrite(ctx, ctx.params.id);
    if (!cart.lines.some((l) => l.id === ctx.params.lineId)) throw notFound('cart line', ctx.params.lineId);
    const changed = cart.lines.map((l) =>
      l.id === ctx.params.lineId ? { ...l, quantity: ctx.body.quantity } : l,
    );
    return save(cart, reprice(ctx.db, cart, changed), ctx.tenant());
  },
  removeLine(ctx) {
    const cart = openForWrite(ctx, ctx.params.id);
    if (!cart.lines.some((l) => l.id === ctx.params.lineId)) throw notFound('cart line', ctx.params.lineId);
    const kept = cart.lines.filter((l) => l.id !== ctx.params.lineId);
    return save(cart, reprice(ctx.db, cart, kept), ctx.tenant());
  },
});
