import { OrderDetail, useOrder } from '@agentstack/react';
import { PageHead } from '../PageHead';
import { href } from '../useHashRoute';

/**
 * One order (`#/orders/:id`): `OrderDetail` — its lines per vendor with their fulfilment, the
 * payments and refunds, the actions its state allows now, and its timeline. The page's heading
 * reads the same cached order.
 */
export function OrderPage({ id }: { id: string }) {
  const order = useOrder(id);
  return (
    <>
      <a className="page-back" href={href('orders')}>
        ← All orders
      </a>
      <PageHead
        title={order.data ? `Order #${order.data.number}` : 'Order'}
        lede="What was bought, from which vendor, how it was paid, and everything that happened to it."
      />
      <OrderDetail orderId={id} />
    </>
  );
}
