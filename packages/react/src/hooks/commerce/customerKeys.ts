import type {
  AgentStack,
  AgentStackError,
  Customer,
  CustomerAddress,
  CustomerAddressListParams,
  CustomerListParams,
  CustomerOrderListParams,
  ListResponse,
} from '@agentstack/sdk';
import type { Order } from '@agentstack/sdk/schemas';
import { queryOptions } from '@tanstack/react-query';
import { dataKey } from '../shared/dataKey';
import { defineResource } from '../shared/defineResource';

const ROOT = ['agentstack', 'commerce', 'customers'] as const;

const customers = defineResource(ROOT, {
  list: (client, params: CustomerListParams | undefined, options) =>
    client.commerce.customers.list(params, options),
  retrieve: (client, id, options) => client.commerce.customers.retrieve(id, options),
});

/**
 * Typed query keys of customers: the staff's (`all` ⊃ `lists()` ⊃ `list(params)`, `all` ⊃
 * `details()` ⊃ `detail(id)`) and the signed-in shopper's own (`me()` ⊃ `addresses(params)`).
 * The shopper's keys name no customer: they hold whoever the client's customer token is, so the
 * sign-in, verify and sign-out hooks drop them when the shopper changes.
 */
export const customerKeys = {
  ...customers.keys,
  /** The signed-in shopper and everything of theirs. */
  me: () => dataKey<Customer>()([...ROOT, 'me']),
  /** Every page of the signed-in shopper's addresses. */
  addressLists: () => [...ROOT, 'me', 'addresses'] as const,
  /** One page of the signed-in shopper's addresses. */
  addresses: (params?: CustomerAddressListParams) =>
    dataKey<ListResponse<CustomerAddress>>()([...ROOT, 'me', 'addresses', params ?? {}]),
  /** One page of the signed-in shopper's orders. */
  orders: (params?: CustomerOrderListParams) =>
    dataKey<ListResponse<Order>>()([...ROOT, 'me', 'orders', params ?? {}]),
  /** One of the signed-in shopper's orders. */
  order: (id: string) => dataKey<Order>()([...ROOT, 'me', 'order', id]),
};

/** Query options (key + fetcher) of customers, for `useQuery`, `prefetchQuery` or `ensureQueryData`. */
export const customerQueries = {
  /** One page of the tenant's customers (staff: `commerce:customers:read`). */
  list: customers.queries.list,
  /** One customer (staff). */
  detail: customers.queries.detail,
  /** The signed-in shopper (a customer token). */
  me: (client: AgentStack) =>
    queryOptions<Customer, AgentStackError, Customer, ReturnType<typeof customerKeys.me>>({
      queryKey: customerKeys.me(),
      queryFn: async ({ signal }) => await client.commerce.customers.me({ signal }),
    }),
  /** One page of the signed-in shopper's orders (their order history). */
  orders: (client: AgentStack, params?: CustomerOrderListParams) =>
    queryOptions<
      ListResponse<Order>,
      AgentStackError,
      ListResponse<Order>,
      ReturnType<typeof customerKeys.orders>
    >({
      queryKey: customerKeys.orders(params),
      queryFn: async ({ signal }) => await client.commerce.customers.listOrders(params, { signal }),
    }),
  /** One of the signed-in shopper's orders. */
  order: (client: AgentStack, id: string) =>
    queryOptions<Order, AgentStackError, Order, ReturnType<typeof customerKeys.order>>({
      queryKey: customerKeys.order(id),
      queryFn: async ({ signal }) => await client.commerce.customers.retrieveOrder(id, { signal }),
    }),
  /** One page of the signed-in shopper's addresses. */
  addresses: (client: AgentStack, params?: CustomerAddressListParams) =>
    queryOptions<
      ListResponse<CustomerAddress>,
      AgentStackError,
      ListResponse<CustomerAddress>,
      ReturnType<typeof customerKeys.addresses>
    >({
      queryKey: customerKeys.addresses(params),
      queryFn: async ({ signal }) => await client.commerce.customers.listAddresses(params, { signal }),
    }),
};
