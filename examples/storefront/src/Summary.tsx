import type { Cart } from '@agentstack/sdk';
import type { ReactNode } from 'react';
import { money } from './money';

/** A cart's totals: subtotal, discount, shipping, tax and what checkout charges. */
export function Summary({ cart, children }: { cart: Cart; children?: ReactNode }) {
  return (
    <aside className="shop-summary" aria-label="Order summary">
      <dl>
        <dt>Subtotal</dt>
        <dd>{money(cart.subtotal)}</dd>
        {cart.discount && (
          <>
            <dt>Discount ({cart.discount.code})</dt>
            <dd>−{money(cart.discountTotal)}</dd>
          </>
        )}
        <dt>Shipping</dt>
        <dd>{cart.shippingOptionId ? money(cart.shippingTotal) : '—'}</dd>
        <dt>Tax</dt>
        <dd>{money(cart.taxTotal)}</dd>
        <dt className="shop-total">Total</dt>
        <dd className="shop-total" data-testid="cart-total">
          {money(cart.total)}
        </dd>
      </dl>
      {children}
    </aside>
  );
}
