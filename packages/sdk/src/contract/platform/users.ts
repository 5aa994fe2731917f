import { operation } from '../operation';

const BASE = '/v1/platform/users';

/** `/v1/platform/users`: the tenant's dashboard users. */
export const userOperations = {
  /** Lists dashboard users, newest first unless `order` says otherwise. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'platform',
    summary: 'List dashboard users',
    permission: 'platform:users:read',
    query: 'UserListParams',
    response: 'UserList',
    list: true,
  }),
  /**
   * Creates a dashboard user. Only an owner may create an owner. `vendorId` makes a vendor's user
   * (plan feature `commerce.multiVendor`).
   */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'platform',
    summary: 'Create a dashboard user',
    permission: 'platform:users:write',
    body: 'UserCreate',
    response: 'User',
    status: 201,
    errors: ['conflict', 'tier_limit_reached', 'feature_not_in_plan'],
  }),
  /** Retrieves a user by id. */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Retrieve a dashboard user',
    permission: 'platform:users:read',
    response: 'User',
  }),
  /**
   * Updates a user's name, role, password or vendor. Only an owner may promote to owner; nobody
   * changes their own vendor binding.
   */
  update: operation({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Update a dashboard user',
    permission: 'platform:users:write',
    body: 'UserUpdate',
    response: 'User',
    errors: ['feature_not_in_plan'],
  }),
  /** Deletes a user. A user cannot delete themself. */
  del: operation({
    method: 'delete',
    path: `${BASE}/:id`,
    tag: 'platform',
    summary: 'Delete a dashboard user',
    permission: 'platform:users:write',
    response: 'DeletedUser',
  }),
} as const;
