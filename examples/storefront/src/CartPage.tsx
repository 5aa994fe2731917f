import { useAgentStackClient } from '@agentstack/react';
import { useState } from 'react';
import { useShopCart } from './cart';
import { money } from './money';
import { href } from './route';
import { Summary } from './Summary';

/** The cart: lines with quantity and remove, a discount code, the totals and the way to checkout. */
export function CartPage() {
  const client = useAgentStackClient();
  const shop = useShopCart();
  const [code, setCode] = useState('');
  const { cart } = shop;
  if (!cart || cart.lines.length === 0) {
    return (
      <section aria-labelledby="cart-title">
        <h1 id="cart-title">Your cart</h1>
        <p className="shop-notice">
          Your cart is empty. <a href={href({ name: 'catalogue' })}>Browse the shop</a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="cart-title">
      <h1 id="cart-title">Your cart</h1>
      <div className="shop-layout">
        <ul className="shop-lines">
          {cart.lines.map((line) => (
            <li key={line.id} className="shop-line">
              <div className="shop-image shop-monogram" aria-hidden="true">
                {line.title.slice(0, 1).toUpperCase()}
              </div>
              <div>
                <a href={href({ name: 'product', id: line.productId })} className="shop-line-title">
                  {line.title}
                </a>
                {line.variantTitle && <div className="shop-hint">{line.variantTitle}</div>}
                <div className="shop-hint">{money(line.unitPrice)} each</div>
              </div>
              <div className="shop-line-controls">
                <input
                  type="number"
                  min={1}
                  max={99}
                  defaultValue={line.quantity}
                  key={line.quantity}
                  aria-label={`Quantity of ${line.title}`}
                  onBlur={(e) => {
                    const q = Number(e.target.value);
                    if (Number.isInteger(q) && q >= 1 && q !== line.quantity)
                      void shop.setQuantity(line.id, q);
                  }}
                />
                <strong>{money(line.subtotal)}</strong>
                <button
                  type="button"
                  onClick={() => shop.remove(line.id)}
                  disabled={shop.busy}
                  aria-label={`Remove ${line.title}`}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
        <Summary cart={cart}>
          <form
            className="shop-inline"
            onSubmit={(e) => {
              e.preventDefault();
              const text = code.trim();
              if (text)
                void shop.change((c, token) =>
                  client.commerce.carts.applyDiscount(c.id, { code: text }, { cartToken: token }),
                );
            }}
          >
            <input
              type="text"
              aria-label="Discount code"
              placeholder="Discount code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <button type="submit" disabled={shop.busy || !code.trim()}>
              Apply
            </button>
          </form>
          {shop.error && (
            <p role="alert" className="shop-error">
              {shop.error}
            </p>
          )}
          <a href={href({ name: 'checkout' })} className="shop-cart-link shop-checkout-link">
            Checkout
          </a>
        </Summary>
      </div>
    </section>
  );
}
