import type { ProductListParams } from '@agentstack/sdk';
import { defineResource } from '../shared/defineResource';

const products = defineResource(['agentstack', 'commerce', 'products'], {
  list: (client, params: ProductListParams | undefined, options) =>
    client.commerce.products.list(params, options),
  retrieve: (client, id, options) => client.commerce.products.retrieve(id, options),
});

/**
 * Query keys of commerce products. Keys carry their data type, so
 * `queryClient.getQueryData(productKeys.detail(id))` is a `Product | undefined`.
 * `all` ⊃ `lists()` ⊃ `list(params)`; `all` ⊃ `details()` ⊃ `detail(id)`.
 */
export const productKeys = products.keys;

/** Query options (key + fetcher) for products, for `useQuery`, `prefetchQuery` or `ensureQueryData`. */
export const productQueries = products.queries;
