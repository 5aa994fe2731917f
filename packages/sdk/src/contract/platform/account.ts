import { operation } from '../operation';

/** `GET /v1/platform/me`: who is calling. */
export const meOperations = {
  /** The calling credential: its kind, tenant, role and permissions. */
  retrieve: operation({
    method: 'get',
    path: '/v1/platform/me',
    tag: 'platform',
    summary: 'Retrieve the caller',
    permission: 'platform:me:read',
    response: 'Principal',
  }),
} as const;

/** `GET /v1/platform/entitlements`: what the caller's plan allows. */
export const entitlementOperations = {
  /** The tenant's subscription, add-ons, features and limits with current usage. */
  retrieve: operation({
    method: 'get',
    path: '/v1/platform/entitlements',
    tag: 'platform',
    summary: 'Retrieve entitlements and usage',
    permission: 'platform:read',
    response: 'Entitlements',
  }),
} as const;

/** `GET /v1/platform/brand`: the white-label brand. */
export const brandOperations = {
  /** The brand of the tenant's agency, else the server's default brand. */
  retrieve: operation({
    method: 'get',
    path: '/v1/platform/brand',
    tag: 'platform',
    summary: 'Retrieve the white-label brand',
    permission: 'platform:brand:read',
    response: 'Brand',
  }),
} as const;

/** `GET /v1/platform/plans`: the plan catalogue. */
export const planOperations = {
  /** Every plan, then every add-on, in one page (`hasMore` is always false). */
  list: operation({
    method: 'get',
    path: '/v1/platform/plans',
    tag: 'platform',
    summary: 'List plans and add-ons',
    permission: 'platform:plans:read',
    response: 'PlanList',
    list: true,
  }),
} as const;
