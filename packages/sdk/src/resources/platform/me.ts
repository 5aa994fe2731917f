import type { RequestOptions } from '../../client';
import { APIResource } from '../../resource';
import type { Principal } from '../../schemas/platform/entitlements';

/** `/v1/platform/me`: who is calling. */
export class Me extends APIResource {
  /** The calling credential: its kind, tenant, role and permissions. */
  retrieve(options?: RequestOptions): Promise<Principal> {
    return this.client.request('GET', '/v1/platform/me', {}, options);
  }
}
