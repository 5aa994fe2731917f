import type {
  ListParams,
  ProductCategoryListParams,
  ProductCollectionListParams,
  VendorListParams,
} from '@agentstack/sdk';
import { defineResource } from '../shared/defineResource';

const categories = defineResource(['agentstack', 'commerce', 'categories'], {
  list: (client, params: ProductCategoryListParams | undefined, options) =>
    client.commerce.categories.list(params, options),
  retrieve: (client, id, options) => client.commerce.categories.retrieve(id, options),
});
const collections = defineResource(['agentstack', 'commerce', 'collections'], {
  list: (client, params: ProductCollectionListParams | undefined, options) =>
    client.commerce.collections.list(params, options),
  retrieve: (client, id, options) => client.commerce.collections.retrieve(id, options),
});
const vendors = defineResource(['agentstack', 'commerce', 'vendors'], {
  list: (client, params: VendorListParams | undefined, options) =>
    client.commerce.vendors.list(params, options),
  retrieve: (client, id, options) => client.commerce.vendors.retrieve(id, options),
});
/** Variants are listed per product: the params carry the product's id. */
const variants = defineResource(['agentstack', 'commerce', 'variants'], {
  list: (client, params: (ListParams & { productId: string }) | undefined, options) => {
    const { productId = '', ...rest } = params ?? {};
    return client.commerce.variants.list(productId, rest, options);
  },
});

/** Typed query keys of the category tree (`all` ⊃ `lists()` ⊃ `list(params)`, `all` ⊃ `details()`). */
export const categoryKeys = categories.keys;
/** Query options (key + fetcher) of categories. */
export const categoryQueries = categories.queries;
/** Typed query keys of collections. */
export const collectionKeys = collections.keys;
/** Query options (key + fetcher) of collections. */
export const collectionQueries = collections.queries;
/** Typed query keys of vendors. */
export const vendorKeys = vendors.keys;
/** Query options (key + fetcher) of vendors. */
export const vendorQueries = vendors.queries;
/** Typed query keys of product variants (lists keyed by `{ productId, …params }`). */
export const variantKeys = variants.keys;
/** Query options (key + fetcher) of product variants. */
export const variantQueries = variants.queries;
