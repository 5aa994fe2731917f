import type { RequestOptions } from '../../client';
import type { PageParams, PagePromise } from '../../pagination';
import { APIResource, path } from '../../resource';
import type { DeletedUser, User, UserCreate, UserUpdate } from '../../schemas/platform/user';

export type { DeletedUser };

/** `/v1/platform/users`: the tenant's dashboard users. */
export class Users extends APIResource {
  /** Lists dashboard users, newest first. */
  list(params?: PageParams, options?: RequestOptions): PagePromise<User> {
    return this.client.list('/v1/platform/users', params, options);
  }

  /** Creates a dashboard user. Only an owner may create an owner. */
  create(body: UserCreate, options?: RequestOptions): Promise<User> {
    return this.client.request('POST', '/v1/platform/users', { body }, options);
  }

  /** Retrieves a user by id. */
  retrieve(id: string, options?: RequestOptions): Promise<User> {
    return this.client.request('GET', path`/v1/platform/users/${id}`, {}, options);
  }

  /** Updates a user's name, role or password. Only an owner may promote to owner. */
  update(id: string, body: UserUpdate, options?: RequestOptions): Promise<User> {
    return this.client.request('PATCH', path`/v1/platform/users/${id}`, { body }, options);
  }

  /** Deletes a user. A user cannot delete themself. */
  del(id: string, options?: RequestOptions): Promise<DeletedUser> {
    return this.client.request('DELETE', path`/v1/platform/users/${id}`, {}, options);
  }
}
