import type { OrderListParams } from '@agentstack/sdk';
import { defineResource } from '../shared/defineResource';

const orders = defineResource(['agentstack', 'commerce', 'orders'], {
  list: (client, params: OrderListParams | undefined, options) =>
    client.commerce.orders.list(params, options),
  retrieve: (client, id, options) => client.commerce.orders.retrieve(id, options),
});

/**
 * Typed query keys of orders (`all` ⊃ `lists()` ⊃ `list(params)`, `all` ⊃ `details()` ⊃
 * `detail(id)`): `queryClient.getQueryData(orderKeys.detail(id))` is an `Order | undefined`.
 */
export const orderKeys = orders.keys;

/** Query options (key + fetcher) of orders, for `useQuery`, `prefetchQuery` or `ensureQueryData`. */
export const orderQueries = orders.queries;
