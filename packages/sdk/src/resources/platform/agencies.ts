import type { RequestOptions } from '../../client';
import type { PageParams, PagePromise } from '../../pagination';
import { APIResource, path } from '../../resource';
import type { Agency, AgencyCreate, AgencyUpdate } from '../../schemas/platform/agency';

/** `/v1/platform/agencies`: resellers and their white-label brands (operator keys only). */
export class Agencies extends APIResource {
  /** Lists agencies, newest first. */
  list(params?: PageParams, options?: RequestOptions): PagePromise<Agency> {
    return this.client.list('/v1/platform/agencies', params, options);
  }

  /** Creates an agency with its brand. */
  create(body: AgencyCreate, options?: RequestOptions): Promise<Agency> {
    return this.client.request('POST', '/v1/platform/agencies', { body }, options);
  }

  /** Retrieves an agency by id. */
  retrieve(id: string, options?: RequestOptions): Promise<Agency> {
    return this.client.request('GET', path`/v1/platform/agencies/${id}`, {}, options);
  }

  /** Updates an agency's name or brand (brand fields merge). */
  update(id: string, body: AgencyUpdate, options?: RequestOptions): Promise<Agency> {
    return this.client.request('PATCH', path`/v1/platform/agencies/${id}`, { body }, options);
  }
}
