import { operation } from '../operation';

const BASE = '/v1/commerce/products';

/** `/v1/commerce/products`: the tenant's catalogue. */
export const productOperations = {
  /** Lists products, newest first unless `order` says otherwise, filtered by `status` and `query` (title or SKU). Publishable keys see active products only. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'commerce',
    summary: 'List products',
    permission: 'commerce:products:read',
    query: 'ProductListParams',
    response: 'ProductList',
    list: true,
  }),
  /** Creates a product (`draft` unless `status` says otherwise). `402 tier_limit_reached` over the plan's product limit; `409 duplicate_sku`. */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'commerce',
    summary: 'Create a product',
    permission: 'commerce:products:write',
    body: 'ProductCreate',
    response: 'Product',
    status: 201,
    errors: ['duplicate_sku', 'tier_limit_reached'],
  }),
  /** Archives up to 100 products at once. Needs plan feature `commerce.bulkOperations` (`403 feature_not_in_plan`). */
  bulkArchive: operation({
    method: 'post',
    path: `${BASE}/bulk-archive`,
    tag: 'commerce',
    summary: 'Archive products in bulk',
    permission: 'commerce:products:write',
    body: 'ProductBulkArchive',
    response: 'ProductList',
    errors: ['feature_not_in_plan'],
  }),
  /** Retrieves a product by id. */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Retrieve a product',
    permission: 'commerce:products:read',
    response: 'Product',
  }),
  /** Updates the given fields. An archived product answers `409 invalid_state`. */
  update: operation({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Update a product',
    permission: 'commerce:products:write',
    body: 'ProductUpdate',
    response: 'Product',
    errors: ['duplicate_sku', 'invalid_state'],
  }),
  /** Archives a product, freeing its plan slot. Archiving an archived product answers it unchanged. */
  archive: operation({
    method: 'post',
    path: `${BASE}/:id/archive`,
    tag: 'commerce',
    summary: 'Archive a product',
    permission: 'commerce:products:write',
    response: 'Product',
  }),
  /** Brings an archived product back as `draft`; it counts against the plan's limit again. */
  unarchive: operation({
    method: 'post',
    path: `${BASE}/:id/unarchive`,
    tag: 'commerce',
    summary: 'Unarchive a product',
    permission: 'commerce:products:write',
    response: 'Product',
    errors: ['tier_limit_reached'],
  }),
} as const;
