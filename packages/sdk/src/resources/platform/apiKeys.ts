import type { RequestOptions } from '../../client';
import type { PageParams, PagePromise } from '../../pagination';
import { APIResource, path } from '../../resource';
import type { ApiKey, ApiKeyCreate, ApiKeyWithSecret } from '../../schemas/platform/apiKey';

/** `/v1/platform/api-keys`: the tenant's secret and publishable keys. */
export class ApiKeys extends APIResource {
  /** Lists keys, newest first. Secrets are never listed. */
  list(params?: PageParams, options?: RequestOptions): PagePromise<ApiKey> {
    return this.client.list('/v1/platform/api-keys', params, options);
  }

  /** Creates a key. The response's `secret` is shown this once: store it. */
  create(body: ApiKeyCreate, options?: RequestOptions): Promise<ApiKeyWithSecret> {
    return this.client.request('POST', '/v1/platform/api-keys', { body }, options);
  }

  /** Revokes a key; requests made with it then answer `401 invalid_api_key`. */
  revoke(id: string, options?: RequestOptions): Promise<ApiKey> {
    return this.client.request('POST', path`/v1/platform/api-keys/${id}/revoke`, {}, options);
  }
}
