import {
  listOf,
  Product,
  ProductBulkArchive,
  ProductCreate,
  ProductListParams,
  ProductUpdate,
} from '@agentstack/sdk/schemas';
import type { ApiRouter } from '../../../http/route';
import { productService } from './service';

const BASE = '/v1/commerce/products';

/** Registers `/v1/commerce/products`. */
export function productRoutes(router: ApiRouter): void {
  router.add({
    method: 'get',
    path: BASE,
    tag: 'commerce',
    summary: 'List products',
    auth: 'commerce:products:read',
    query: ProductListParams,
    response: listOf(Product),
    handler: ({ app, tenant, query }) => productService.listCached(app, tenant(), query),
  });
  router.add({
    method: 'post',
    path: BASE,
    tag: 'commerce',
    summary: 'Create a product',
    status: 201,
    auth: 'commerce:products:write',
    body: ProductCreate,
    response: Product,
    errors: ['duplicate_sku', 'tier_limit_reached', 'idempotency_conflict', 'idempotency_in_progress'],
    handler: ({ db, tenant, body }) => productService.create(db, tenant(), body),
  });
  router.add({
    method: 'post',
    path: `${BASE}/bulk-archive`,
    tag: 'commerce',
    summary: 'Archive products in bulk',
    auth: 'commerce:products:write',
    body: ProductBulkArchive,
    response: listOf(Product),
    errors: ['feature_not_in_plan'],
    handler: ({ db, tenant, body }) => productService.bulkArchive(db, tenant(), body.ids),
  });
  router.add({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Retrieve a product',
    auth: 'commerce:products:read',
    response: Product,
    handler: ({ db, tenant, params }) => productService.retrieve(db, tenant(), params.id!),
  });
  router.add({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Update a product',
    auth: 'commerce:products:write',
    body: ProductUpdate,
    response: Product,
    errors: ['duplicate_sku', 'invalid_state'],
    handler: ({ db, tenant, params, body }) => productService.update(db, tenant(), params.id!, body),
  });
  router.add({
    method: 'post',
    path: `${BASE}/:id/archive`,
    tag: 'commerce',
    summary: 'Archive a product',
    auth: 'commerce:products:write',
    response: Product,
    handler: ({ db, tenant, params }) => productService.archive(db, tenant(), params.id!),
  });
  router.add({
    method: 'post',
    path: `${BASE}/:id/unarchive`,
    tag: 'commerce',
    summary: 'Unarchive a product',
    auth: 'commerce:products:write',
    response: Product,
    errors: ['tier_limit_reached'],
    handler: ({ db, tenant, params }) => productService.unarchive(db, tenant(), params.id!),
  });
}
