import type { PageParams } from '@agentstack/sdk';
import type { UserListParams } from '@agentstack/sdk/schemas';
import { defineResource } from '../shared/defineResource';
import { defineSingleton } from '../shared/defineSingleton';

export type { UserListParams };

const ROOT = ['agentstack', 'platform'] as const;

const me = defineSingleton([...ROOT, 'me'], (client, options) => client.platform.me.retrieve(options));
const entitlements = defineSingleton([...ROOT, 'entitlements'], (client, options) =>
  client.platform.entitlements.retrieve(options),
);
// The brand changes rarely: 5 minutes. The plan catalogue changes with deployments only: an hour.
const brand = defineSingleton(
  [...ROOT, 'brand'],
  (client, options) => client.platform.brand.retrieve(options),
  5 * 60_000,
);
const plans = defineSingleton(
  [...ROOT, 'plans'],
  async (client, options) => (await client.platform.plans.list(options)).data,
  60 * 60_000,
);
const tenants = defineResource([...ROOT, 'tenants'], {
  list: (client, params: PageParams | undefined, options) => client.platform.tenants.list(params, options),
  retrieve: (client, id, options) => client.platform.tenants.retrieve(id, options),
});
const agencies = defineResource([...ROOT, 'agencies'], {
  list: (client, params: PageParams | undefined, options) => client.platform.agencies.list(params, options),
  retrieve: (client, id, options) => client.platform.agencies.retrieve(id, options),
});
const users = defineResource([...ROOT, 'users'], {
  list: (client, params: UserListParams | undefined, options) => client.platform.users.list(params, options),
  retrieve: (client, id, options) => client.platform.users.retrieve(id, options),
});
const invitations = defineResource([...ROOT, 'invitations'], {
  list: (client, params: PageParams | undefined, options) =>
    client.platform.invitations.list(params, options),
});
const apiKeys = defineResource([...ROOT, 'apiKeys'], {
  list: (client, params: PageParams | undefined, options) => client.platform.apiKeys.list(params, options),
});

/** Paging of one tenant's API keys, as an operator or agency console lists them. */
export type TenantApiKeyListParams = PageParams & { tenantId: string };
/** Paging of one agency's keys. */
export type AgencyKeyListParams = PageParams & { agencyId: string };

const tenantApiKeys = defineResource([...ROOT, 'tenantApiKeys'], {
  list: (client, params: TenantApiKeyListParams | undefined, options) => {
    const { tenantId = '', ...page } = params ?? {};
    return client.platform.tenants.listApiKeys(tenantId, page, options);
  },
});
const agencyKeys = defineResource([...ROOT, 'agencyKeys'], {
  list: (client, params: AgencyKeyListParams | undefined, options) => {
    const { agencyId = '', ...page } = params ?? {};
    return client.platform.agencies.listKeys(agencyId, page, options);
  },
});

/**
 * Typed query keys of platform resources: `getQueryData(platformKeys.entitlements())` is an
 * `Entitlements | undefined`, `getQueryData(platformKeys.user(id))` a `User | undefined`. The
 * invalidation prefixes (`users()`, `userLists()`, `tenants()`…) hold every key under them.
 */
export const platformKeys = {
  all: ROOT,
  /** The caller (`GET /v1/platform/me`). */
  me: me.key,
  /** The tenant's entitlements with usage. */
  entitlements: entitlements.key,
  /** The white-label brand the dashboards read. */
  brand: brand.key,
  /** The plan catalogue (`GET /v1/platform/plans`): plans, then add-ons. */
  plans: plans.key,
  /** Every tenant query: invalidate this after a tenant write. */
  tenants: () => tenants.keys.all,
  /** Every tenant list page. */
  tenantLists: tenants.keys.lists,
  /** One page of tenants. */
  tenantList: tenants.keys.list,
  /** One tenant. */
  tenant: tenants.keys.detail,
  /** Every agency query: invalidate this after an agency write. */
  agencies: () => agencies.keys.all,
  /** Every agency list page. */
  agencyLists: agencies.keys.lists,
  /** One page of agencies. */
  agencyList: agencies.keys.list,
  /** One agency. */
  agency: agencies.keys.detail,
  /** Every dashboard-user query (lists and details): invalidate this after a user write. */
  users: () => users.keys.all,
  /** Every page of the dashboard-user list. */
  userLists: users.keys.lists,
  /** One page of dashboard users. */
  userList: users.keys.list,
  /** One dashboard user. */
  user: users.keys.detail,
  /** Every invitation query: invalidate this after an invitation write. */
  invitations: () => invitations.keys.all,
  /** One page of pending invitations. */
  invitationList: invitations.keys.list,
  /** Every API-key query: invalidate this after a key write. */
  apiKeys: () => apiKeys.keys.all,
  /** One page of API keys. */
  apiKeyList: apiKeys.keys.list,
  /** Every query of other tenants' keys (operator and agency consoles): invalidate after such a write. */
  tenantApiKeys: () => tenantApiKeys.keys.all,
  /** One page of one tenant's keys (`{ tenantId, limit, startingAfter }`). */
  tenantApiKeyList: tenantApiKeys.keys.list,
  /** Every agency-key query: invalidate this after an agency-key write. */
  agencyKeys: () => agencyKeys.keys.all,
  /** One page of one agency's keys (`{ agencyId, limit, startingAfter }`). */
  agencyKeyList: agencyKeys.keys.list,
};

/** Query options (key + fetcher) of platform resources, for `useQuery`, `prefetchQuery` or `ensureQueryData`. */
export const platformQueries = {
  me: me.query,
  entitlements: entitlements.query,
  brand: brand.query,
  /** The plan catalogue; it changes with deployments only, so it stays fresh for an hour. */
  plans: plans.query,
  /** One page of tenants (operator keys). */
  tenantList: tenants.queries.list,
  /** One tenant by id (operator keys). */
  tenant: tenants.queries.detail,
  /** One page of agencies (operator keys). */
  agencyList: agencies.queries.list,
  /** One agency by id. */
  agency: agencies.queries.detail,
  /** One page of dashboard users (`GET /v1/platform/users`). */
  userList: users.queries.list,
  /** One dashboard user (`GET /v1/platform/users/:id`). */
  user: users.queries.detail,
  /** One page of pending invitations (`GET /v1/platform/invitations`); tokens are never listed. */
  invitationList: invitations.queries.list,
  /** One page of API keys (`GET /v1/platform/api-keys`); secrets are never listed. */
  apiKeyList: apiKeys.queries.list,
  /** One page of a tenant's keys (`GET /v1/platform/tenants/:id/api-keys`; operator or agency keys). */
  tenantApiKeyList: tenantApiKeys.queries.list,
  /** One page of an agency's keys (`GET /v1/platform/agencies/:id/api-keys`; operator or its agency's keys). */
  agencyKeyList: agencyKeys.queries.list,
};
