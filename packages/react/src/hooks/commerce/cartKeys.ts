import type { AgentStack, AgentStackError, Cart, CartListParams } from '@agentstack/sdk';
import { queryOptions } from '@tanstack/react-query';
import { defineResource } from '../shared/defineResource';

const carts = defineResource(['agentstack', 'commerce', 'carts'], {
  list: (client, params: CartListParams | undefined, options) => client.commerce.carts.list(params, options),
  retrieve: (client, id, options) => client.commerce.carts.retrieve(id, options),
});

/**
 * Typed query keys of carts (`all` ⊃ `lists()` ⊃ `list(params)`, `all` ⊃ `details()` ⊃
 * `detail(id)`). A cart's token is never part of a key: keys show up in devtools and logs.
 */
export const cartKeys = carts.keys;

/** Query options (key + fetcher) of carts; `detail` takes the cart's token for publishable keys. */
export const cartQueries = {
  /** One page of the tenant's carts (staff). */
  list: carts.queries.list,
  /** One cart; `cartToken` is sent as `AgentStack-Cart-Token` (a publishable key needs it). */
  detail: (client: AgentStack, id: string, cartToken?: string) =>
    queryOptions<Cart, AgentStackError, Cart, ReturnType<typeof carts.keys.detail>>({
      queryKey: carts.keys.detail(id),
      queryFn: async ({ signal }) =>
        await client.commerce.carts.retrieve(id, { signal, ...(cartToken ? { cartToken } : {}) }),
    }),
};
