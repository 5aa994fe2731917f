import { useAgentStackClient } from '@agentstack/react';
import type { Address } from '@agentstack/sdk';
import { type FormEvent, useState } from 'react';
import { problemText, useShopCart } from './cart';
import { payCart } from './checkout';
import { money } from './money';
import { go, href } from './route';
import { Summary } from './Summary';

const COUNTRIES = [
  ['IE', 'Ireland'],
  ['FR', 'France'],
  ['DE', 'Germany'],
  ['NL', 'Netherlands'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
] as const;

/**
 * Checkout: email and shipping address (saved on the cart, which reprices it with the region's
 * tax and shipping), then the card. The built-in test provider takes 4242 4242 4242 4242
 * (succeeds), 4000 0000 0000 0002 (declined) and 4000 0000 0000 3220 (asks for a confirmation).
 */
export function CheckoutPage() {
  const client = useAgentStackClient();
  const shop = useShopCart();
  const { cart } = shop;
  const [card, setCard] = useState('');
  const [expiry, setExpiry] = useState('');
  const [paying, setPaying] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!cart || cart.lines.length === 0) {
    return (
      <section aria-labelledby="checkout-title">
        <h1 id="checkout-title">Checkout</h1>
        <p className="shop-notice">
          Your cart is empty. <a href={href({ name: 'catalogue' })}>Browse the shop</a>
        </p>
      </section>
    );
  }
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const address: Address = {
      name: text('name'),
      line1: text('line1'),
      city: text('city'),
      postalCode: text('postalCode'),
      countryCode: text('countryCode'),
    };
    setFailure(null);
    setPaying(true);
    try {
      const saved = await shop.change((c, token) =>
        client.commerce.carts.update(
          c.id,
          { email: text('email'), shippingAddress: address },
          { cartToken: token },
        ),
      );
      if (!saved) return;
      const order = await payCart(client, shop, { number: card, expiry });
      shop.forget();
      go({ name: 'order', id: order.id });
    } catch (e) {
      setFailure(problemText(e));
    } finally {
      setPaying(false);
    }
  };
  return (
    <section aria-labelledby="checkout-title">
      <h1 id="checkout-title">Checkout</h1>
      <div className="shop-layout">
        <form className="shop-form" onSubmit={submit}>
          <fieldset>
            <legend>Contact</legend>
            <label className="shop-wide">
              Email
              <input
                type="email"
                name="email"
                required
                autoComplete="email"
                defaultValue={cart.email ?? ''}
              />
            </label>
          </fieldset>
          <fieldset>
            <legend>Shipping address</legend>
            <label className="shop-wide">
              Full name
              <input
                type="text"
                name="name"
                required
                autoComplete="name"
                defaultValue={cart.shippingAddress?.name ?? ''}
              />
            </label>
            <label className="shop-wide">
              Address
              <input
                type="text"
                name="line1"
                required
                autoComplete="address-line1"
                defaultValue={cart.shippingAddress?.line1 ?? ''}
              />
            </label>
            <label>
              City
              <input
                type="text"
                name="city"
                required
                autoComplete="address-level2"
                defaultValue={cart.shippingAddress?.city ?? ''}
              />
            </label>
            <label>
              Postal code
              <input
                type="text"
                name="postalCode"
                required
                autoComplete="postal-code"
                defaultValue={cart.shippingAddress?.postalCode ?? ''}
              />
            </label>
            <label className="shop-wide">
              Country
              <select
                name="countryCode"
                defaultValue={cart.shippingAddress?.countryCode ?? 'IE'}
                autoComplete="country"
              >
                {COUNTRIES.map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <fieldset>
            <legend>Payment</legend>
            <label className="shop-wide">
              Card number
              <input
                type="text"
                inputMode="numeric"
                autoComplete="cc-number"
                required
                pattern="[0-9 ]{12,23}"
                value={card}
                onChange={(e) => setCard(e.target.value)}
              />
            </label>
            <label className="shop-wide">
              Expiry (MM/YY)
              <input
                type="text"
                inputMode="numeric"
                autoComplete="cc-exp"
                required
                pattern="(0[1-9]|1[0-2]) ?/ ?[0-9]{2}"
                placeholder="12/30"
                value={expiry}
                onChange={(e) => setExpiry(e.target.value)}
              />
            </label>
            <p className="shop-hint shop-wide">
              Test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined, 4000 0000 0000 3220 asks
              for a confirmation.
            </p>
          </fieldset>
          {(failure ?? shop.error) && (
            <p role="alert" className="shop-error">
              {failure ?? shop.error}
            </p>
          )}
          <button type="submit" className="shop-primary" disabled={paying || shop.busy}>
            {paying ? 'Paying…' : `Pay ${money(cart.total)}`}
          </button>
        </form>
        <Summary cart={cart} />
      </div>
    </section>
  );
}
