import { CartPage } from './CartPage';
import { Catalogue } from './Catalogue';
import { CheckoutPage } from './CheckoutPage';
import { CartProvider, useShopCart } from './cart';
import { OrderPage } from './OrderPage';
import { ProductPage } from './ProductPage';
import { href, useRoute } from './route';

function CartLink() {
  const { count } = useShopCart();
  return (
    <a
      href={href({ name: 'cart' })}
      className="shop-cart-link"
      aria-label={`Cart, ${count} item${count === 1 ? '' : 's'}`}
    >
      Cart <span className="shop-badge">{count}</span>
    </a>
  );
}

/** The shop: a branded header with the cart, and the page in the URL hash. */
export function Shop({ brandName, logoUrl }: { brandName: string; logoUrl: string | null }) {
  const route = useRoute();
  return (
    <CartProvider>
      <header className="shop-header">
        <a href={href({ name: 'catalogue' })} className="shop-brand">
          {logoUrl ? <img src={logoUrl} alt="" className="shop-logo" /> : null}
          <span>{brandName}</span>
        </a>
        <CartLink />
      </header>
      <main className="shop-main">
        {route.name === 'product' ? (
          <ProductPage key={route.id} id={route.id} />
        ) : route.name === 'cart' ? (
          <CartPage />
        ) : route.name === 'checkout' ? (
          <CheckoutPage />
        ) : route.name === 'order' ? (
          <OrderPage id={route.id} />
        ) : (
          <Catalogue />
        )}
      </main>
    </CartProvider>
  );
}
