import { operation } from '../operation';

const BASE = '/v1/commerce/categories';

/** `/v1/commerce/categories`: the catalogue's category tree (at most 5 deep). */
export const categoryOperations = {
  /** Lists categories by name; build the tree from `parentId`. */
  list: operation({
    method: 'get',
    path: BASE,
    tag: 'commerce',
    summary: 'List categories',
    permission: 'commerce:products:read',
    query: 'ProductCategoryListParams',
    response: 'ProductCategoryList',
    list: true,
  }),
  /** Creates a category, under `parentId` when given (`422 category_too_deep` past 5 levels). */
  create: operation({
    method: 'post',
    path: BASE,
    tag: 'commerce',
    summary: 'Create a category',
    permission: 'commerce:products:write',
    body: 'ProductCategoryCreate',
    response: 'ProductCategory',
    status: 201,
    errors: ['category_too_deep'],
  }),
  /** Retrieves a category. */
  retrieve: operation({
    method: 'get',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Retrieve a category',
    permission: 'commerce:products:read',
    response: 'ProductCategory',
  }),
  /** Renames or moves a category with its subtree: under itself or a descendant is `409 category_cycle`, past 5 levels `422 category_too_deep`. */
  update: operation({
    method: 'patch',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Update a category',
    permission: 'commerce:products:write',
    body: 'ProductCategoryUpdate',
    response: 'ProductCategory',
    errors: ['category_cycle', 'category_too_deep'],
  }),
  /** Deletes a category without children (`409 invalid_state` otherwise); its products leave it. */
  del: operation({
    method: 'delete',
    path: `${BASE}/:id`,
    tag: 'commerce',
    summary: 'Delete a category',
    permission: 'commerce:products:write',
    response: 'DeletedProductCategory',
    errors: ['invalid_state'],
  }),
} as const;
