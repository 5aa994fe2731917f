import { lastOrder } from './checkout';
import { money } from './money';
import { href } from './route';

/** The thank-you page of the order this browser just placed. */
export function OrderPage({ id }: { id: string }) {
  const order = lastOrder(id);
  return (
    <section aria-labelledby="order-title" className="shop-notice">
      <h1 id="order-title">Thank you</h1>
      <p>
        Your order <strong data-testid="order-id">{id}</strong> is confirmed
        {order ? (
          <>
            : {money(order.total)} paid, a receipt goes to <strong>{order.email}</strong>.
          </>
        ) : (
          '.'
        )}
      </p>
      <p>
        <a href={href({ name: 'catalogue' })}>Continue shopping</a>
      </p>
    </section>
  );
}
