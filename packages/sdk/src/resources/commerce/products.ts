import type { RequestOptions } from '../../client';
import type { Page, PagePromise } from '../../pagination';
import { APIResource, path } from '../../resource';
import type {
  Product,
  ProductBulkArchive,
  ProductCreate,
  ProductListParams,
  ProductUpdate,
} from '../../schemas/commerce/product';

/** `/v1/commerce/products`: the tenant's catalogue. */
export class Products extends APIResource {
  /** Lists products, newest first, filtered by `status` and `query` (title or SKU). Publishable keys see active products only. */
  list(params?: ProductListParams, options?: RequestOptions): PagePromise<Product, ProductListParams> {
    return this.client.list('/v1/commerce/products', params, options);
  }

  /** Creates a product (`draft` unless `status` says otherwise). `402 tier_limit_reached` over the plan's product limit; `409 duplicate_sku`. */
  create(body: ProductCreate, options?: RequestOptions): Promise<Product> {
    return this.client.request('POST', '/v1/commerce/products', { body }, options);
  }

  /** Retrieves a product by id. */
  retrieve(id: string, options?: RequestOptions): Promise<Product> {
    return this.client.request('GET', path`/v1/commerce/products/${id}`, {}, options);
  }

  /** Updates the given fields. An archived product answers `409 invalid_state`. */
  update(id: string, body: ProductUpdate, options?: RequestOptions): Promise<Product> {
    return this.client.request('PATCH', path`/v1/commerce/products/${id}`, { body }, options);
  }

  /** Archives a product, freeing its plan slot. Archiving an archived product answers it unchanged. */
  archive(id: string, options?: RequestOptions): Promise<Product> {
    return this.client.request('POST', path`/v1/commerce/products/${id}/archive`, {}, options);
  }

  /** Brings an archived product back as `draft`; it counts against the plan's limit again. */
  unarchive(id: string, options?: RequestOptions): Promise<Product> {
    return this.client.request('POST', path`/v1/commerce/products/${id}/unarchive`, {}, options);
  }

  /** Archives up to 100 products at once. Needs plan feature `commerce.bulkOperations` (`403 feature_not_in_plan`). */
  bulkArchive(body: ProductBulkArchive, options?: RequestOptions): Promise<Page<Product>> {
    return this.client.request('POST', '/v1/commerce/products/bulk-archive', { body }, options);
  }
}
