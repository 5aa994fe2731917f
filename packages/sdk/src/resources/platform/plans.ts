import type { RequestOptions } from '../../client';
import type { PageParams, PagePromise } from '../../pagination';
import { APIResource } from '../../resource';
import type { Plan } from '../../schemas/platform/entitlements';

/** `/v1/platform/plans`: the plan catalogue. */
export class Plans extends APIResource {
  /** Every plan, then every add-on, in one page (`hasMore` is always false). */
  list(params?: PageParams, options?: RequestOptions): PagePromise<Plan> {
    return this.client.list('/v1/platform/plans', params, options);
  }
}
