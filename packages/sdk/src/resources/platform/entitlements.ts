import type { RequestOptions } from '../../client';
import { APIResource } from '../../resource';
import type { Entitlements as EntitlementsObject } from '../../schemas/platform/entitlements';

/** `/v1/platform/entitlements`: what the caller's plan allows. */
export class Entitlements extends APIResource {
  /** The tenant's subscription, add-ons, features and limits with current usage. */
  retrieve(options?: RequestOptions): Promise<EntitlementsObject> {
    return this.client.request('GET', '/v1/platform/entitlements', {}, options);
  }
}
