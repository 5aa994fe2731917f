import type { RequestOptions } from '../../client';
import type { PageParams, PagePromise } from '../../pagination';
import { APIResource, path } from '../../resource';
import type { Tenant, TenantCreate, TenantUpdate } from '../../schemas/platform/tenant';

/** `/v1/platform/tenants`: customers of the installation (operator keys only). */
export class Tenants extends APIResource {
  /** Lists tenants, newest first. */
  list(params?: PageParams, options?: RequestOptions): PagePromise<Tenant> {
    return this.client.list('/v1/platform/tenants', params, options);
  }

  /** Creates a tenant with its subscription. */
  create(body: TenantCreate, options?: RequestOptions): Promise<Tenant> {
    return this.client.request('POST', '/v1/platform/tenants', { body }, options);
  }

  /** Retrieves a tenant by id. */
  retrieve(id: string, options?: RequestOptions): Promise<Tenant> {
    return this.client.request('GET', path`/v1/platform/tenants/${id}`, {}, options);
  }

  /** Updates a tenant: name, agency, subscription, add-ons, limit overrides, metadata. */
  update(id: string, body: TenantUpdate, options?: RequestOptions): Promise<Tenant> {
    return this.client.request('PATCH', path`/v1/platform/tenants/${id}`, { body }, options);
  }
}
