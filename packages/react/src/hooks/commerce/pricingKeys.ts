import type { DiscountCodeListParams, RegionListParams, ShippingOptionListParams } from '@agentstack/sdk';
import { defineResource } from '../shared/defineResource';

const ROOT = ['agentstack', 'commerce', 'pricing'] as const;

const regions = defineResource([...ROOT, 'regions'], {
  list: (client, params: RegionListParams | undefined, options) =>
    client.commerce.regions.list(params, options),
  retrieve: (client, id, options) => client.commerce.regions.retrieve(id, options),
});
const shippingOptions = defineResource([...ROOT, 'shippingOptions'], {
  list: (client, params: ShippingOptionListParams | undefined, options) =>
    client.commerce.shippingOptions.list(params, options),
  retrieve: (client, id, options) => client.commerce.shippingOptions.retrieve(id, options),
});
const discountCodes = defineResource([...ROOT, 'discountCodes'], {
  list: (client, params: DiscountCodeListParams | undefined, options) =>
    client.commerce.discountCodes.list(params, options),
  retrieve: (client, id, options) => client.commerce.discountCodes.retrieve(id, options),
});

/**
 * Typed query keys of what prices carts besides the catalogue, under one root (`all`): regions,
 * shipping options and discount codes, each nesting `all` ⊃ `lists()` ⊃ `list(params)` and
 * `all` ⊃ `details()` ⊃ `detail(id)`. `queryClient.getQueryData(pricingKeys.regions.detail(id))`
 * is a `Region | undefined`.
 */
export const pricingKeys = {
  /** Every pricing query: regions, shipping options and discount codes. */
  all: ROOT,
  /** Regions (currency, countries, tax rate). */
  regions: regions.keys,
  /** Shipping options (lists keyed by their params, `regionId` among them). */
  shippingOptions: shippingOptions.keys,
  /** Discount codes. */
  discountCodes: discountCodes.keys,
};

/** Query options (key + fetcher) of regions, shipping options and discount codes, for `useQuery`, `prefetchQuery` or `ensureQueryData`. */
export const pricingQueries = {
  /** Regions: `list(client, params)`, `detail(client, id)`. */
  regions: regions.queries,
  /** Shipping options: `list(client, params)`, `detail(client, id)`. */
  shippingOptions: shippingOptions.queries,
  /** Discount codes: `list(client, params)`, `detail(client, id)`. */
  discountCodes: discountCodes.queries,
};
