import { operation } from '../operation';

const BASE = '/v1/commerce/vendors';

/**
 * `/v1/commerce/vendors`: the sellers of a multi-vendor catalogue. Every operation needs plan
 * feature `commerce.multiVendor` (Growth and up): `403 feature_not_in_plan` naming the plan below it.
 */
export const vendorOperations = {
  /** Lists vendors by name. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'commerce',
    summary: 'List vendors',
    permission: 'commerce:products:read',
    query: 'VendorListParams',
    response: 'VendorList',
    list: true,
    errors: ['feature_not_in_plan'],
  }),
  /** Creates a vendor. */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'commerce',
    summary: 'Create a vendor',
    permission: 'commerce:products:write',
    body: 'VendorCreate',
    response: 'Vendor',
    status: 201,
    errors: ['feature_not_in_plan'],
  }),
  /** Retrieves a vendor. */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Retrieve a vendor',
    permission: 'commerce:products:read',
    response: 'Vendor',
    errors: ['feature_not_in_plan'],
  }),
  /** Updates the given fields. */
  update: operation({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Update a vendor',
    permission: 'commerce:products:write',
    body: 'VendorUpdate',
    response: 'Vendor',
    errors: ['feature_not_in_plan'],
  }),
  /**
   * Deletes a vendor; its products keep no vendor and its pending invitations are revoked. A
   * vendor with dashboard users answers `409 conflict`: unbind or delete them first.
   */
  del: operation({
    method: 'delete',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Delete a vendor',
    permission: 'commerce:products:write',
    response: 'DeletedVendor',
    errors: ['feature_not_in_plan', 'conflict'],
  }),
} as const;
