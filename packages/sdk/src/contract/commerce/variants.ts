import { operation } from '../operation';

const BASE = '/v1/commerce/products/:id/variants';

/**
 * `/v1/commerce/products/:id/variants`: what a shopper buys — a SKU, option values and prices.
 * Each write also changes the product's embedded `variants`, in the same transaction.
 */
export const variantOperations = {
  /** Lists a product's variants in creation order. Publishable keys see those of active products only. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'commerce',
    summary: 'List variants of a product',
    permission: 'commerce:products:read',
    query: 'ListParams',
    response: 'ProductVariantList',
    list: true,
  }),
  /**
   * Adds a variant. Its options name one value of each of the product's axes (`422
   * invalid_variant_options`), no other variant has the same (`409 duplicate_variant`), its SKU
   * is unique in the catalogue (`409 duplicate_sku`), at most 100 a product (`409
   * too_many_variants`); an archived product answers `409 invalid_state`.
   */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'commerce',
    summary: 'Create a variant',
    permission: 'commerce:products:write',
    body: 'ProductVariantCreate',
    response: 'ProductVariant',
    status: 201,
    errors: [
      'duplicate_sku',
      'duplicate_variant',
      'invalid_variant_options',
      'too_many_variants',
      'invalid_state',
    ],
  }),
  /** Retrieves a variant of a product. */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:variantId`,
    tag: 'commerce',
    summary: 'Retrieve a variant',
    permission: 'commerce:products:read',
    response: 'ProductVariant',
  }),
  /** Updates the given fields, under the rules of `create`. */
  update: operation({
    method: 'patch',
    path: `${BASE}/:variantId`,
    tag: 'commerce',
    summary: 'Update a variant',
    permission: 'commerce:products:write',
    body: 'ProductVariantUpdate',
    response: 'ProductVariant',
    errors: ['duplicate_sku', 'duplicate_variant', 'invalid_variant_options', 'invalid_state'],
  }),
  /** Deletes a variant. An archived product answers `409 invalid_state`. */
  del: operation({
    method: 'delete',
    path: `${BASE}/:variantId`,
    tag: 'commerce',
    summary: 'Delete a variant',
    permission: 'commerce:products:write',
    response: 'DeletedProductVariant',
    errors: ['invalid_state'],
  }),
} as const;
