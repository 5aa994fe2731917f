import type {
  Agency,
  AgentStack,
  AgentStackError,
  ApiKey,
  Brand,
  Entitlements,
  ListResponse,
  PageParams,
  Plan,
  Principal,
  Tenant,
  User,
} from '@agentstack/sdk';
import { type DataTag, queryOptions } from '@tanstack/react-query';

type PlatformRoot = readonly ['agentstack', 'platform'];
type UserListKey = readonly [...PlatformRoot, 'users', 'list', PageParams];
type UserDetailKey = readonly [...PlatformRoot, 'users', 'detail', string];
type ApiKeyListKey = readonly [...PlatformRoot, 'apiKeys', 'list', PageParams];

/** Typed query keys of platform resources (`getQueryData(platformKeys.entitlements())` is typed). */
export const platformKeys = {
  all: ['agentstack', 'platform'] as PlatformRoot,
  me: () =>
    [...platformKeys.all, 'me'] as unknown as DataTag<
      readonly [...PlatformRoot, 'me'],
      Principal,
      AgentStackError
    >,
  entitlements: () =>
    [...platformKeys.all, 'entitlements'] as unknown as DataTag<
      readonly [...PlatformRoot, 'entitlements'],
      Entitlements,
      AgentStackError
    >,
  brand: () =>
    [...platformKeys.all, 'brand'] as unknown as DataTag<
      readonly [...PlatformRoot, 'brand'],
      Brand,
      AgentStackError
    >,
  // --- plans, tenants, agencies
  /** The plan catalogue (`GET /v1/platform/plans`): plans, then add-ons. */
  plans: () =>
    [...platformKeys.all, 'plans'] as unknown as DataTag<
      readonly [...PlatformRoot, 'plans'],
      Plan[],
      AgentStackError
    >,
  /** Every tenant query: invalidate this after a tenant write. */
  tenants: () => [...platformKeys.all, 'tenants'] as const,
  /** Every tenant list page. */
  tenantLists: () => [...platformKeys.all, 'tenants', 'list'] as const,
  /** One page of tenants. */
  tenantList: (params: PageParams = {}) =>
    [...platformKeys.tenantLists(), params] as unknown as DataTag<
      readonly [...PlatformRoot, 'tenants', 'list', PageParams],
      ListResponse<Tenant>,
      AgentStackError
    >,
  /** One tenant. */
  tenant: (id: string) =>
    [...platformKeys.tenants(), 'detail', id] as unknown as DataTag<
      readonly [...PlatformRoot, 'tenants', 'detail', string],
      Tenant,
      AgentStackError
    >,
  /** Every agency query: invalidate this after an agency write. */
  agencies: () => [...platformKeys.all, 'agencies'] as const,
  /** Every agency list page. */
  agencyLists: () => [...platformKeys.all, 'agencies', 'list'] as const,
  /** One page of agencies. */
  agencyList: (params: PageParams = {}) =>
    [...platformKeys.agencyLists(), params] as unknown as DataTag<
      readonly [...PlatformRoot, 'agencies', 'list', PageParams],
      ListResponse<Agency>,
      AgentStackError
    >,
  /** One agency. */
  agency: (id: string) =>
    [...platformKeys.agencies(), 'detail', id] as unknown as DataTag<
      readonly [...PlatformRoot, 'agencies', 'detail', string],
      Agency,
      AgentStackError
    >,
  /** Every dashboard-user query (lists and details): invalidate this after a user write. */
  users: () => [...platformKeys.all, 'users'] as const,
  /** Every page of the dashboard-user list. */
  userLists: () => [...platformKeys.users(), 'list'] as const,
  /** One page of dashboard users. */
  userList: (params: PageParams = {}) =>
    [...platformKeys.userLists(), params] as unknown as DataTag<
      UserListKey,
      ListResponse<User>,
      AgentStackError
    >,
  /** One dashboard user. */
  user: (id: string) =>
    [...platformKeys.users(), 'detail', id] as unknown as DataTag<UserDetailKey, User, AgentStackError>,
  /** Every API-key query: invalidate this after a key write. */
  apiKeys: () => [...platformKeys.all, 'apiKeys'] as const,
  /** One page of API keys. */
  apiKeyList: (params: PageParams = {}) =>
    [...platformKeys.apiKeys(), 'list', params] as unknown as DataTag<
      ApiKeyListKey,
      ListResponse<ApiKey>,
      AgentStackError
    >,
};

/** Query options of platform resources. */
export const platformQueries = {
  me: (client: AgentStack) =>
    queryOptions<Principal, AgentStackError, Principal, readonly [...PlatformRoot, 'me']>({
      queryKey: platformKeys.me(),
      queryFn: ({ signal }) => client.platform.me.retrieve({ signal }),
    }),
  entitlements: (client: AgentStack) =>
    queryOptions<Entitlements, AgentStackError, Entitlements, readonly [...PlatformRoot, 'entitlements']>({
      queryKey: platformKeys.entitlements(),
      queryFn: ({ signal }) => client.platform.entitlements.retrieve({ signal }),
    }),
  brand: (client: AgentStack) =>
    queryOptions<Brand, AgentStackError, Brand, readonly [...PlatformRoot, 'brand']>({
      queryKey: platformKeys.brand(),
      queryFn: ({ signal }) => client.platform.brand.retrieve({ signal }),
      staleTime: 5 * 60_000,
    }),
  // --- plans, tenants, agencies
  /** The plan catalogue; it changes with deployments only, so it stays fresh for an hour. */
  plans: (client: AgentStack) =>
    queryOptions<Plan[], AgentStackError, Plan[], readonly [...PlatformRoot, 'plans']>({
      queryKey: platformKeys.plans(),
      queryFn: async ({ signal }) => (await client.platform.plans.list({}, { signal })).data,
      staleTime: 60 * 60_000,
    }),
  /** One page of tenants (operator keys). */
  tenantList: (client: AgentStack, params: PageParams = {}) =>
    queryOptions<
      ListResponse<Tenant>,
      AgentStackError,
      ListResponse<Tenant>,
      readonly [...PlatformRoot, 'tenants', 'list', PageParams]
    >({
      queryKey: platformKeys.tenantList(params),
      queryFn: async ({ signal }): Promise<ListResponse<Tenant>> =>
        await client.platform.tenants.list(params, { signal }),
    }),
  /** One tenant by id (operator keys). */
  tenant: (client: AgentStack, id: string) =>
    queryOptions<Tenant, AgentStackError, Tenant, readonly [...PlatformRoot, 'tenants', 'detail', string]>({
      queryKey: platformKeys.tenant(id),
      queryFn: ({ signal }) => client.platform.tenants.retrieve(id, { signal }),
    }),
  /** One page of agencies (operator keys). */
  agencyList: (client: AgentStack, params: PageParams = {}) =>
    queryOptions<
      ListResponse<Agency>,
      AgentStackError,
      ListResponse<Agency>,
      readonly [...PlatformRoot, 'agencies', 'list', PageParams]
    >({
      queryKey: platformKeys.agencyList(params),
      queryFn: async ({ signal }): Promise<ListResponse<Agency>> =>
        await client.platform.agencies.list(params, { signal }),
    }),
  /** One agency by id. */
  agency: (client: AgentStack, id: string) =>
    queryOptions<Agency, AgentStackError, Agency, readonly [...PlatformRoot, 'agencies', 'detail', string]>({
      queryKey: platformKeys.agency(id),
      queryFn: ({ signal }) => client.platform.agencies.retrieve(id, { signal }),
    }),
  /** One page of dashboard users (`GET /v1/platform/users`). */
  userList: (client: AgentStack, params: PageParams = {}) =>
    queryOptions<ListResponse<User>, AgentStackError, ListResponse<User>, UserListKey>({
      queryKey: platformKeys.userList(params),
      // `list()` answers a thenable PagePromise; await it so the cache holds the plain page.
      queryFn: async ({ signal }): Promise<ListResponse<User>> =>
        await client.platform.users.list(params, { signal }),
    }),
  /** One dashboard user (`GET /v1/platform/users/:id`). */
  user: (client: AgentStack, id: string) =>
    queryOptions<User, AgentStackError, User, UserDetailKey>({
      queryKey: platformKeys.user(id),
      queryFn: ({ signal }) => client.platform.users.retrieve(id, { signal }),
    }),
  /** One page of API keys (`GET /v1/platform/api-keys`); secrets are never listed. */
  apiKeyList: (client: AgentStack, params: PageParams = {}) =>
    queryOptions<ListResponse<ApiKey>, AgentStackError, ListResponse<ApiKey>, ApiKeyListKey>({
      queryKey: platformKeys.apiKeyList(params),
      queryFn: async ({ signal }): Promise<ListResponse<ApiKey>> =>
        await client.platform.apiKeys.list(params, { signal }),
    }),
};
