import type { RequestOptions } from '../../client';
import { APIResource } from '../../resource';
import type { RevokedSession, Session, SessionCreate } from '../../schemas/platform/user';

export type { RevokedSession };

/** `/v1/platform/sessions`: dashboard sign-in and sign-out. */
export class Sessions extends APIResource {
  /**
   * Signs a dashboard user in (`401 invalid_credentials` on a bad email or password). Use the
   * returned `token` as the `apiKey` of a new client, e.g. with `client.withOptions({ apiKey: token })`.
   */
  create(body: SessionCreate, options?: RequestOptions): Promise<Session> {
    return this.client.request('POST', '/v1/platform/sessions', { body }, options);
  }

  /** Signs out: revokes the session whose token this client uses. */
  revoke(options?: RequestOptions): Promise<RevokedSession> {
    return this.client.request('DELETE', '/v1/platform/sessions/current', {}, options);
  }
}
