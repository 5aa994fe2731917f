import type {
  AgentStackError,
  ListResponse,
  Order,
  OrderActionNote,
  OrderListParams,
  OrderRefund,
  OrderReturn,
  OrderShip,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { inventoryLevelKeys, reservationKeys } from './inventoryKeys';
import { orderKeys, orderQueries } from './orderKeys';

/** One page of orders, newest first (`GET /v1/commerce/orders`): by status, payment status, customer or vendor. */
export function useOrders(
  params: OrderListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<Order>, AgentStackError> {
  return useListQuery((client) => orderQueries.list(client, params), options);
}

/** One order with its items, payments, refunds, fulfilments and timeline; disabled while `id` is empty. */
export function useOrder(id: string | null | undefined): UseQueryResult<Order, AgentStackError> {
  return useDetailQuery((client, orderId) => orderQueries.detail(client, orderId), id);
}

// An action answers the order: cache it, refetch the lists it may move between and the stock it
// may have released, sold or taken back.
async function afterOrderWrite(queryClient: QueryClient, order: Order): Promise<void> {
  queryClient.setQueryData(orderKeys.detail(order.id), order);
  await invalidateAll(queryClient, orderKeys.lists(), inventoryLevelKeys.lists(), reservationKeys.lists());
}

/**
 * The body each order action takes, by its wire name — the `action` of the order's
 * `allowedTransitions`, plus `advance_step` (Enterprise custom workflow steps, no body).
 */
export interface OrderActionBodies {
  mark_paid: OrderActionNote;
  start_fulfillment: OrderActionNote;
  ship: OrderShip;
  deliver: OrderActionNote;
  request_return: OrderReturn;
  receive_return: OrderReturn;
  cancel: OrderActionNote;
  refund: OrderRefund;
  advance_step: undefined;
}

/** An order action's wire name: an {@link OrderAction} or `advance_step`. */
export type OrderActionName = keyof OrderActionBodies;

/** Variables of {@link useOrderAction}. */
export type OrderActionVariables = {
  [A in OrderActionName]: { id: string; action: A; body?: OrderActionBodies[A] };
}[OrderActionName];

/**
 * Takes an action on an order (`POST /v1/commerce/orders/:id/<action>`): one hook for every state
 * change, so a board or a detail view offers exactly the order's `allowedTransitions` by their
 * `action`. One the order cannot take now fails with `409 invalid_transition`.
 * @example
 * const act = useOrderAction();
 * act.mutate({ id: order.id, action: 'ship', body: { carrier: 'UPS', trackingNumber: '1Z…' } });
 */
export function useOrderAction(): UseMutationResult<Order, AgentStackError, OrderActionVariables> {
  return useWriteMutation((client, v: OrderActionVariables) => {
    const orders = client.commerce.orders;
    switch (v.action) {
      case 'advance_step':
        return client.commerce.orderWorkflow.advance(v.id);
      case 'mark_paid':
        return orders.markPaid(v.id, v.body ?? {});
      case 'start_fulfillment':
        return orders.startFulfillment(v.id, v.body ?? {});
      case 'ship':
        return orders.ship(v.id, v.body ?? {});
      case 'deliver':
        return orders.deliver(v.id, v.body ?? {});
      case 'request_return':
        return orders.requestReturn(v.id, v.body ?? {});
      case 'receive_return':
        return orders.receiveReturn(v.id, v.body ?? {});
      case 'cancel':
        return orders.cancel(v.id, v.body ?? {});
      case 'refund':
        return orders.refund(v.id, v.body ?? {});
    }
  }, afterOrderWrite);
}
