import { ErrorNotice, formatMoney, useAgentStack, useOrder } from '@agentstack/react';
import { isNotFoundError } from '@agentstack/sdk';
import { href } from '../useHashRoute';

/**
 * One order (`#/orders/:id`).
 *
 * TODO(lead): render `<OrderDetail id={id} />` here once it lands on main; until then a minimal
 * summary stands in.
 */
export function OrderPage({ id }: { id: string }) {
  const order = useOrder(id);
  const { locale } = useAgentStack();
  return (
    <>
      <a className="page-back" href={href('orders')}>
        ← All orders
      </a>
      {order.data ? (
        <section className="as-card page-section">
          <h1 className="page-head__title">Order #{order.data.number}</h1>
          <p>
            {order.data.email ?? 'No e-mail'} · {formatMoney(order.data.total, locale)} ·{' '}
            {order.data.status.replace(/_/g, ' ')}
          </p>
        </section>
      ) : order.isError ? (
        isNotFoundError(order.error) ? (
          <section className="as-card page-section">
            <h1 className="page-head__title">Order not found</h1>
            <p>
              The link may be wrong. <a href={href('orders')}>Back to orders</a>
            </p>
          </section>
        ) : (
          <ErrorNotice error={order.error} onRetry={() => order.refetch()} />
        )
      ) : (
        <section className="as-card page-section" aria-busy="true">
          <span className="as-skeleton" />
        </section>
      )}
    </>
  );
}
