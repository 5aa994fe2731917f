import type { RequestOptions } from '../../client';
import { APIResource } from '../../resource';
import type { Brand as BrandObject } from '../../schemas/platform/agency';

/** `/v1/platform/brand`: the white-label brand the dashboards show. */
export class Brand extends APIResource {
  /** The brand of the tenant's agency, else the server's default brand. */
  retrieve(options?: RequestOptions): Promise<BrandObject> {
    return this.client.request('GET', '/v1/platform/brand', {}, options);
  }
}
