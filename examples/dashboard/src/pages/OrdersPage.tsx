import { OrderWorkflowBoard } from '@agentstack/react';
import { PageHead } from '../PageHead';
import { href } from '../useHashRoute';

/**
 * The store's orders as a board, by status: owners and admins move them as the server allows
 * (drag a card, or its "Move to…" menu), shipping with a carrier and tracking number, refunding
 * an amount. Enterprise custom steps show inside the fulfilling column. An order's number opens
 * its page. The shell's realtime stream keeps the board live.
 */
export function OrdersPage() {
  return (
    <>
      <PageHead title="Orders" lede="Every order by where it is: paid, being fulfilled, on its way, back." />
      <OrderWorkflowBoard
        live={false}
        onOpenOrder={(id) => {
          window.location.hash = href('order', id);
        }}
      />
    </>
  );
}
