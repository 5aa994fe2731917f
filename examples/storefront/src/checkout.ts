import type { AgentStack } from '@agentstack/sdk';

type Order = Awaited<ReturnType<AgentStack['commerce']['checkout']['complete']>>;

import type { ShopCart } from './cart';

const LAST_ORDER = 'shop.lastOrder';

/** What the thank-you page shows of the order this browser placed. */
export interface PlacedOrder {
  id: string;
  number: number;
  email: string | null;
  total: { amount: number; currency: string };
}

/** The order this browser just placed, if it is `id`. */
export function lastOrder(id: string): PlacedOrder | null {
  try {
    const order = JSON.parse(window.sessionStorage.getItem(LAST_ORDER) ?? 'null') as PlacedOrder | null;
    return order?.id === id ? order : null;
  } catch {
    return null;
  }
}

/** A card as typed: the number and `MM/YY`. */
export interface CardInput {
  number: string;
  expiry: string;
}

/**
 * Pays the cart with the built-in test provider: one checkout call makes the order (a retry of
 * the same cart answers the same order, never a second charge). A card that asks for an extra
 * step is confirmed here, as a real shop would after its 3-D Secure dialog. A declined card
 * throws `402 payment_declined`, and the cart stays open.
 */
export async function payCart(client: AgentStack, shop: ShopCart, card: CardInput): Promise<Order> {
  const { cart, token } = shop;
  if (!cart || !token) throw new Error('No cart to pay');
  const [month = '', year = ''] = card.expiry.split('/').map((s) => s.trim());
  const payment = {
    provider: 'test',
    card: { number: card.number.replace(/\s+/g, ''), expMonth: Number(month), expYear: 2000 + Number(year) },
  };
  let order = await client.commerce.checkout.complete(cart.id, { payment }, { cartToken: token });
  if (order.paymentStatus === 'requires_action') {
    order = await client.commerce.checkout.confirm(cart.id, {}, { cartToken: token });
  }
  const placed: PlacedOrder = { id: order.id, number: order.number, email: order.email, total: order.total };
  window.sessionStorage.setItem(LAST_ORDER, JSON.stringify(placed));
  return order;
}
