import { operation } from '../operation';

const BASE = '/v1/commerce/collections';

/** `/v1/commerce/collections`: hand-picked groups of products (a product lists its `collectionIds`). */
export const collectionOperations = {
  /** Lists collections by title. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'commerce',
    summary: 'List collections',
    permission: 'commerce:products:read',
    query: 'ProductCollectionListParams',
    response: 'ProductCollectionList',
    list: true,
  }),
  /** Creates a collection. */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'commerce',
    summary: 'Create a collection',
    permission: 'commerce:products:write',
    body: 'ProductCollectionCreate',
    response: 'ProductCollection',
    status: 201,
  }),
  /** Retrieves a collection. */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Retrieve a collection',
    permission: 'commerce:products:read',
    response: 'ProductCollection',
  }),
  /** Updates the given fields. */
  update: operation({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Update a collection',
    permission: 'commerce:products:write',
    body: 'ProductCollectionUpdate',
    response: 'ProductCollection',
  }),
  /** Deletes a collection; its products leave it. */
  del: operation({
    method: 'delete',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Delete a collection',
    permission: 'commerce:products:write',
    response: 'DeletedProductCollection',
  }),
} as const;
