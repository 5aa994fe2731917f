import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import type { z } from 'zod/mini';
import { computeEntitlements, upgradeForFeature, upgradeForLimit } from '../catalog/entitlements';
import {
  OPERATOR_PERMISSIONS,
  type Permission,
  PUBLISHABLE_PERMISSIONS,
  ROLE_PERMISSIONS,
} from '../catalog/permissions';
import { ADDONS, type FeatureKey, LIMIT_KEYS, planResources } from '../catalog/plans';
import { API_VERSION } from '../defaults';
import {
  type Product,
  ProductBulkArchive,
  ProductCreate,
  ProductListParams,
  ProductUpdate,
} from '../schemas/commerce/product';
import { ListParams } from '../schemas/common';
import { newId } from '../schemas/ids';
import { type Agency, AgencyCreate, AgencyUpdate } from '../schemas/platform/agency';
import { ApiKeyCreate, type ApiKeyWithSecret } from '../schemas/platform/apiKey';
import type { Entitlements, Plan, Principal } from '../schemas/platform/entitlements';
import { type Tenant, TenantCreate, TenantUpdate } from '../schemas/platform/tenant';
import {
  type Role,
  type Session,
  SessionCreate,
  type User,
  UserCreate,
  UserListParams,
  UserUpdate,
} from '../schemas/platform/user';
import { brandOf, type MockDb, toProduct } from './db';
import { MockProblem, randomToken, validate } from './problems';

/** API versions the mock accepts in `AgentStack-Version`. */
export const KNOWN_VERSIONS: readonly string[] = [API_VERSION];

interface Caller {
  kind: Principal['kind'];
  role: Role | null;
  userId: string | null;
  token: string;
  permissions: readonly Permission[];
}

interface Ctx {
  db: MockDb;
  /** `null` only on public routes called without a credential. */
  caller: Caller | null;
  params: Record<string, string>;
  query: unknown;
  body: unknown;
}

/** One route of docs/api.md: what it requires and how it answers, over the in-memory model. */
interface RouteSpec {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  /** The permission required, or `public` (a credential is optional). */
  auth: Permission | 'public';
  /** Validates the query string (`400 validation_failed`). */
  query?: z.ZodMiniType;
  /** Validates the JSON body; routes without one refuse a non-empty body, as the server does. */
  body?: z.ZodMiniType;
  /** Defaults to 200. */
  status?: number;
  handler: (ctx: Ctx) => unknown;
}

const now = () => new Date().toISOString();

function authenticate(db: MockDb, header: string | null): Caller {
  if (!header) throw new MockProblem(401, 'unauthenticated', 'Send `Authorization: Bearer <token>`.');
  const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token)
    throw new MockProblem(401, 'unauthenticated', 'The Authorization header must be `Bearer <token>`.');
  const keyId = db.keySecrets.get(token);
  if (keyId !== undefined) {
    const key = db.apiKeys.find((k) => k.id === keyId);
    if (!key || key.revokedAt)
      throw new MockProblem(401, 'invalid_api_key', 'The API key is not valid: unknown or revoked.');
  }
  const caller = (
    kind: Caller['kind'],
    role: Role | null,
    permissions: readonly Permission[],
    userId: string | null = null,
  ) => ({
    kind,
    role,
    userId,
    token,
    permissions,
  });
  if (token.startsWith('op_')) return caller('operator', null, OPERATOR_PERMISSIONS);
  if (token.startsWith('pk_')) return caller('publishable_key', null, PUBLISHABLE_PERMISSIONS);
  if (token.startsWith('sess_')) {
    const session = db.sessions.get(token);
    const user = session && db.users.find((u) => u.id === session.userId);
    if (!session || !user) {
      throw new MockProblem(
        401,
        'session_expired',
        'This session is not valid (signed out or unknown); sign in again.',
      );
    }
    if (Date.parse(session.expiresAt) <= Date.now()) {
      throw new MockProblem(401, 'session_expired', 'This session has expired; sign in again.');
    }
    return caller('session', user.role, ROLE_PERMISSIONS[user.role], user.id);
  }
  if (db.actingUserId) {
    // The `role` option: plain tokens act as that user's session (as if signed in).
    const user = db.users.find((u) => u.id === db.actingUserId);
    if (!user) throw new MockProblem(401, 'session_expired', 'This session is not valid; sign in again.');
    return caller('session', user.role, ROLE_PERMISSIONS[user.role], user.id);
  }
  // Any other token acts as the tenant's secret key, so stories and tests need no setup.
  return caller('secret_key', 'owner', ROLE_PERMISSIONS.owner);
}

/** The caller of a non-public route (always authenticated by then). */
function who(ctx: Ctx): Caller {
  if (!ctx.caller) throw new MockProblem(401, 'unauthenticated', 'Send `Authorization: Bearer <token>`.');
  return ctx.caller;
}

/** Routes that act on a tenant refuse operator keys, like the server. */
function tenantOf(ctx: Ctx): Caller {
  const caller = who(ctx);
  if (caller.kind === 'operator') {
    throw new MockProblem(403, 'forbidden', 'This operation acts on a tenant: use a tenant key or session.');
  }
  return caller;
}

function entitlementsOf(db: MockDb): Entitlements {
  const { features, limits } = computeEntitlements(
    db.tenant.subscription,
    db.tenant.addons,
    db.tenant.limitOverrides,
  );
  const used: Record<string, number> = {
    'commerce.products': activeProductCount(db),
    'platform.dashboardUsers': db.users.length,
  };
  return {
    object: 'entitlements',
    tenantId: db.tenant.id,
    subscription: db.tenant.subscription,
    addons: db.tenant.addons,
    features,
    limits: Object.fromEntries(LIMIT_KEYS.map((key) => [key, { limit: limits[key], used: used[key] ?? 0 }])),
  };
}

const activeProductCount = (db: MockDb) => db.products.filter((p) => p.status !== 'archived').length;

function requireFeature(db: MockDb, feature: FeatureKey): void {
  if (entitlementsOf(db).features.includes(feature)) return;
  const upgrade = upgradeForFeature(feature);
  throw new MockProblem(
    403,
    'feature_not_in_plan',
    `Your plan does not include ${feature}.${upgrade ? ` It comes with the ${upgrade.name} ${upgrade.kind}.` : ''}`,
    { feature, ...(upgrade ? { upgrade } : {}) },
  );
}

function requireProductSlot(db: MockDb): void {
  const { limit, used } = entitlementsOf(db).limits['commerce.products'] ?? { limit: 0, used: 0 };
  if (limit === null || used + 1 <= limit) return;
  const upgrade = upgradeForLimit('commerce.products', used + 1, db.tenant.subscription.commerce);
  throw new MockProblem(
    402,
    'tier_limit_reached',
    `Your plan allows ${limit} products and you have ${used}.${upgrade ? ` The ${upgrade.name} plan allows more.` : ''}`,
    { limit: { key: 'commerce.products', limit, used }, ...(upgrade ? { upgrade } : {}) },
  );
}

/** Like the server: a new dashboard user needs a free seat of `platform.dashboardUsers`. */
function requireSeat(db: MockDb): void {
  const { limit, used } = entitlementsOf(db).limits['platform.dashboardUsers'] ?? { limit: 0, used: 0 };
  if (limit === null || used + 1 <= limit) return;
  const upgrade = upgradeForLimit('platform.dashboardUsers', used + 1, db.tenant.subscription.platform);
  throw new MockProblem(
    402,
    'tier_limit_reached',
    `Your plan allows ${limit} dashboard users and you have ${used}.${upgrade ? ` The ${upgrade.name} plan allows more.` : ''}`,
    { limit: { key: 'platform.dashboardUsers', limit, used }, ...(upgrade ? { upgrade } : {}) },
  );
}

const newestFirst = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

function paginate<T extends { id: string }>(
  items: readonly T[],
  params: { limit?: number; startingAfter?: string },
  compare: (a: T, b: T) => number = newestFirst,
) {
  const limit = params.limit ?? 20;
  const sorted = [...items].sort(compare);
  const after = params.startingAfter;
  let rest = sorted;
  if (after !== undefined) {
    const at = sorted.findIndex((item) => item.id === after);
    // An unknown cursor in the default order still pages by id, as the server does.
    rest =
      at >= 0
        ? sorted.slice(at + 1)
        : compare === newestFirst
          ? sorted.filter((item) => item.id < after)
          : [];
  }
  const data = rest.slice(0, limit);
  const hasMore = rest.length > limit;
  return { data, hasMore, nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null };
}

/**
 * The server's sort orders: a field (one of `values`), descending with a leading `-`, ties broken
 * by id; none (or `-createdAt`) is newest first.
 */
function byOrder<T extends { id: string }>(
  order: string | undefined,
  values: Record<string, (item: T) => string | number>,
): (a: T, b: T) => number {
  if (!order || order === '-createdAt') return newestFirst;
  const value = values[order.replace('-', '')] ?? ((item: T) => item.id);
  const sign = order.startsWith('-') ? -1 : 1;
  return (a, b) => {
    const [x, y] = [value(a), value(b)];
    const byValue =
      typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
    return sign * (byValue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
}

const productOrder = (order: ProductListParams['order']) =>
  byOrder<Product>(order, {
    title: (p) => p.title,
    price: (p) => p.price.amount,
    inventoryQuantity: (p) => p.inventoryQuantity,
    updatedAt: (p) => p.updatedAt,
  });

const userOrder = (order: UserListParams['order']) =>
  byOrder<User>(order, { name: (u) => u.name, email: (u) => u.email, role: (u) => u.role });

function find<T extends { id: string }>(items: readonly T[], id: string | undefined, kind: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw new MockProblem(404, 'not_found', `No ${kind} with id '${id}'.`, { param: 'id' });
  return item;
}

function assertUniqueSku(db: MockDb, sku: string | null | undefined, exceptId?: string): void {
  if (!sku) return;
  if (db.products.some((p) => p.sku === sku && p.id !== exceptId)) {
    throw new MockProblem(409, 'duplicate_sku', `Another product already has SKU '${sku}'.`, {
      param: 'sku',
    });
  }
}

/** Publishable keys see active products only; everything else is "not found" to them. */
function visibleProducts(ctx: Ctx): Product[] {
  const caller = tenantOf(ctx);
  return caller.kind === 'publishable_key'
    ? ctx.db.products.filter((p) => p.status === 'active')
    : ctx.db.products;
}

function requireOwner(caller: Caller, what: string, param: string): void {
  if (caller.role !== 'owner')
    throw new MockProblem(403, 'forbidden', `Only an owner may ${what}.`, { param });
}

function checkTenantInput(
  db: MockDb,
  input: { agencyId?: string | null; addons?: string[] },
  subscription: Tenant['subscription'],
) {
  if (input.agencyId && !db.agencies.some((a) => a.id === input.agencyId)) {
    throw new MockProblem(400, 'validation_failed', `No agency with id '${input.agencyId}'.`, {
      param: 'agencyId',
    });
  }
  input.addons?.forEach((id, i) => {
    const addon = ADDONS.find((a) => a.id === id);
    if (!addon)
      throw new MockProblem(400, 'validation_failed', `Unknown add-on '${id}'.`, { param: `addons.${i}` });
    if (!subscription[addon.domain]) {
      throw new MockProblem(400, 'validation_failed', `Add-on '${id}' needs a ${addon.domain} plan.`, {
        param: `addons.${i}`,
      });
    }
  });
}

function archive(product: Product): Product {
  if (product.status === 'archived') return product;
  const at = now();
  return Object.assign(product, { status: 'archived', archivedAt: at, updatedAt: at });
}

const PLAN_LIST: Plan[] = planResources();

const secret = randomToken;

/** The routes of docs/api.md. */
const routes: RouteSpec[] = [
  // ---- platform: the caller's own views
  {
    method: 'get',
    path: '/v1/platform/me',
    auth: 'platform:plans:read',
    handler: (ctx): Principal => {
      const caller = who(ctx);
      const tenant = caller.kind === 'operator' ? null : ctx.db.tenant;
      return {
        object: 'principal',
        kind: caller.kind,
        tenantId: tenant?.id ?? null,
        tenantName: tenant?.name ?? null,
        role: caller.role,
        userId: caller.userId,
        permissions: [...caller.permissions].sort(),
      };
    },
  },
  {
    method: 'get',
    path: '/v1/platform/entitlements',
    auth: 'platform:read',
    handler: (ctx) => {
      tenantOf(ctx);
      return entitlementsOf(ctx.db);
    },
  },
  {
    method: 'get',
    path: '/v1/platform/brand',
    auth: 'platform:brand:read',
    handler: (ctx) => {
      tenantOf(ctx);
      return brandOf(ctx.db);
    },
  },
  {
    method: 'get',
    path: '/v1/platform/plans',
    auth: 'platform:plans:read',
    handler: () => ({ data: PLAN_LIST, hasMore: false, nextCursor: null }),
  },

  // ---- platform: tenants and agencies (operator keys)
  {
    method: 'get',
    path: '/v1/platform/tenants',
    auth: 'operator',
    query: ListParams,
    handler: ({ db, query }) => paginate(db.tenants, query as ListParams),
  },
  {
    method: 'post',
    path: '/v1/platform/tenants',
    auth: 'operator',
    body: TenantCreate,
    status: 201,
    handler: ({ db, body }) => {
      const input = body as TenantCreate;
      checkTenantInput(db, input, input.subscription);
      const at = now();
      const tenant: Tenant = {
        id: newId('ten'),
        object: 'tenant',
        name: input.name,
        agencyId: input.agencyId ?? null,
        subscription: input.subscription,
        addons: input.addons ?? [],
        limitOverrides: input.limitOverrides ?? {},
        metadata: input.metadata ?? {},
        createdAt: at,
        updatedAt: at,
      };
      db.tenants.push(tenant);
      return tenant;
    },
  },
  {
    method: 'get',
    path: '/v1/platform/tenants/:id',
    auth: 'operator',
    handler: ({ db, params }) => find(db.tenants, params.id, 'tenant'),
  },
  {
    method: 'patch',
    path: '/v1/platform/tenants/:id',
    auth: 'operator',
    body: TenantUpdate,
    handler: ({ db, params, body }) => {
      const tenant = find(db.tenants, params.id, 'tenant');
      const { subscription, ...rest } = body as TenantUpdate;
      const merged = { ...tenant.subscription, ...subscription };
      checkTenantInput(db, { ...rest, addons: rest.addons ?? tenant.addons }, merged);
      // Mutated in place: `db.tenant` is this same object when an operator edits the caller's tenant.
      return Object.assign(tenant, rest, { subscription: merged, updatedAt: now() });
    },
  },
  {
    method: 'get',
    path: '/v1/platform/agencies',
    auth: 'operator',
    query: ListParams,
    handler: ({ db, query }) => paginate(db.agencies, query as ListParams),
  },
  {
    method: 'post',
    path: '/v1/platform/agencies',
    auth: 'operator',
    body: AgencyCreate,
    status: 201,
    handler: ({ db, body }) => {
      const at = now();
      const agency: Agency = {
        id: newId('agy'),
        object: 'agency',
        ...(body as AgencyCreate),
        createdAt: at,
        updatedAt: at,
      };
      db.agencies.push(agency);
      return agency;
    },
  },
  {
    method: 'get',
    path: '/v1/platform/agencies/:id',
    auth: 'operator',
    handler: ({ db, params }) => find(db.agencies, params.id, 'agency'),
  },
  {
    method: 'patch',
    path: '/v1/platform/agencies/:id',
    auth: 'operator',
    body: AgencyUpdate,
    handler: ({ db, params, body }) => {
      const agency = find(db.agencies, params.id, 'agency');
      const input = body as AgencyUpdate;
      return Object.assign(agency, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        brand: { ...agency.brand, ...input.brand },
        updatedAt: now(),
      });
    },
  },

  // ---- platform: API keys
  {
    method: 'get',
    path: '/v1/platform/api-keys',
    auth: 'platform:keys:read',
    query: ListParams,
    handler: (ctx) => {
      tenantOf(ctx);
      return paginate(ctx.db.apiKeys, ctx.query as ListParams);
    },
  },
  {
    method: 'post',
    path: '/v1/platform/api-keys',
    auth: 'platform:keys:write',
    body: ApiKeyCreate,
    status: 201,
    handler: (ctx) => {
      tenantOf(ctx);
      const input = ctx.body as ApiKeyCreate;
      const value = secret(input.type === 'secret' ? 'sk_' : 'pk_');
      const key: ApiKeyWithSecret = {
        id: newId('key'),
        object: 'api_key',
        type: input.type,
        name: input.name,
        // As the server shows it: the type prefix and six characters (`sk_4f9aB2…`).
        prefix: `${value.slice(0, value.indexOf('_') + 7)}…`,
        role: input.type === 'secret' ? (input.role ?? 'owner') : null,
        createdBy: null,
        createdAt: now(),
        lastUsedAt: null,
        revokedAt: null,
        secret: value,
      };
      const { secret: _shownOnce, ...stored } = key;
      ctx.db.apiKeys.push(stored);
      ctx.db.keySecrets.set(value, key.id);
      return key;
    },
  },
  {
    method: 'post',
    path: '/v1/platform/api-keys/:id/revoke',
    auth: 'platform:keys:write',
    handler: (ctx) => {
      tenantOf(ctx);
      const key = find(ctx.db.apiKeys, ctx.params.id, 'API key');
      key.revokedAt ??= now();
      return key;
    },
  },

  // ---- platform: dashboard users
  {
    method: 'get',
    path: '/v1/platform/users',
    auth: 'platform:users:read',
    query: UserListParams,
    handler: (ctx) => {
      tenantOf(ctx);
      const params = ctx.query as UserListParams;
      return paginate(ctx.db.users, params, userOrder(params.order));
    },
  },
  {
    method: 'post',
    path: '/v1/platform/users',
    auth: 'platform:users:write',
    body: UserCreate,
    status: 201,
    handler: (ctx) => {
      const caller = tenantOf(ctx);
      const { db } = ctx;
      const input = ctx.body as UserCreate;
      if (input.role === 'owner') requireOwner(caller, 'create an owner', 'role');
      requireSeat(db);
      if (db.users.some((u) => u.email.toLowerCase() === input.email.toLowerCase())) {
        throw new MockProblem(
          409,
          'conflict',
          `A user with email '${input.email}' already exists in this tenant.`,
          {
            param: 'email',
          },
        );
      }
      const at = now();
      const user: User = {
        id: newId('usr'),
        object: 'user',
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        createdAt: at,
        updatedAt: at,
        lastLoginAt: null,
      };
      db.users.push(user);
      db.passwords.set(user.id, input.password);
      return user;
    },
  },
  {
    method: 'get',
    path: '/v1/platform/users/:id',
    auth: 'platform:users:read',
    handler: (ctx) => {
      tenantOf(ctx);
      return find(ctx.db.users, ctx.params.id, 'user');
    },
  },
  {
    method: 'patch',
    path: '/v1/platform/users/:id',
    auth: 'platform:users:write',
    body: UserUpdate,
    handler: (ctx) => {
      const caller = tenantOf(ctx);
      const user = find(ctx.db.users, ctx.params.id, 'user');
      const { password, ...input } = ctx.body as UserUpdate;
      if (input.role === 'owner' && user.role !== 'owner')
        requireOwner(caller, 'promote a user to owner', 'role');
      if (user.role === 'owner' && input.role !== undefined && input.role !== 'owner') {
        requireOwner(caller, "change an owner's role", 'role');
      }
      if (password !== undefined) ctx.db.passwords.set(user.id, password);
      return Object.assign(user, input, { updatedAt: now() });
    },
  },
  {
    method: 'delete',
    path: '/v1/platform/users/:id',
    auth: 'platform:users:write',
    handler: (ctx) => {
      const caller = tenantOf(ctx);
      const { db } = ctx;
      const user = find(db.users, ctx.params.id, 'user');
      if (user.id === caller.userId) {
        throw new MockProblem(
          403,
          'forbidden',
          'You cannot delete your own user; ask another owner or admin.',
          {
            param: 'id',
          },
        );
      }
      if (user.role === 'owner') requireOwner(caller, 'delete an owner', 'id');
      db.users.splice(db.users.indexOf(user), 1);
      db.passwords.delete(user.id);
      for (const [token, session] of db.sessions) if (session.userId === user.id) db.sessions.delete(token);
      return { id: user.id, object: 'user', deleted: true };
    },
  },

  // ---- platform: sessions
  {
    method: 'post',
    path: '/v1/platform/sessions',
    auth: 'public',
    body: SessionCreate,
    status: 201,
    handler: ({ db, body }): Session => {
      const input = body as SessionCreate;
      const user = db.users.find((u) => u.email.toLowerCase() === input.email.toLowerCase());
      if (!user || db.passwords.get(user.id) !== input.password) {
        throw new MockProblem(401, 'invalid_credentials', 'The email or password is not correct.');
      }
      user.lastLoginAt = now();
      const token = secret('sess_');
      const expiresAt = new Date(Date.now() + 12 * 3_600_000).toISOString();
      db.sessions.set(token, { userId: user.id, expiresAt });
      return { object: 'session', token, expiresAt, user, tenantId: db.tenant.id };
    },
  },
  {
    method: 'delete',
    path: '/v1/platform/sessions/current',
    auth: 'public',
    handler: ({ db, caller }) => {
      if (!caller)
        throw new MockProblem(
          401,
          'unauthenticated',
          'Send the session token as `Authorization: Bearer <token>`.',
        );
      if (caller.kind !== 'session') {
        throw new MockProblem(
          400,
          'bad_request',
          'Only a session token can be signed out; API keys are revoked through /v1/platform/api-keys.',
        );
      }
      db.sessions.delete(caller.token);
      return { object: 'session', revoked: true };
    },
  },

  // ---- commerce: products
  {
    method: 'get',
    path: '/v1/commerce/products',
    auth: 'commerce:products:read',
    query: ProductListParams,
    handler: (ctx) => {
      const params = ctx.query as ProductListParams & { limit?: number };
      const needle = params.query?.toLowerCase();
      const items = visibleProducts(ctx).filter(
        (p) =>
          (params.status === undefined || p.status === params.status) &&
          (needle === undefined ||
            p.title.toLowerCase().includes(needle) ||
            (p.sku?.toLowerCase().includes(needle) ?? false)),
      );
      return paginate(items, params, productOrder(params.order));
    },
  },
  {
    method: 'post',
    path: '/v1/commerce/products',
    auth: 'commerce:products:write',
    body: ProductCreate,
    status: 201,
    handler: (ctx) => {
      tenantOf(ctx);
      const input = ctx.body as ProductCreate;
      assertUniqueSku(ctx.db, input.sku);
      requireProductSlot(ctx.db);
      const product = toProduct(input, newId('prod'), now());
      ctx.db.products.push(product);
      return product;
    },
  },
  {
    method: 'post',
    path: '/v1/commerce/products/bulk-archive',
    auth: 'commerce:products:write',
    body: ProductBulkArchive,
    handler: (ctx) => {
      tenantOf(ctx);
      const { db } = ctx;
      requireFeature(db, 'commerce.bulkOperations');
      const { ids } = ctx.body as ProductBulkArchive;
      const missing = ids.find((id) => !db.products.some((p) => p.id === id));
      if (missing)
        throw new MockProblem(404, 'not_found', `No product with id '${missing}'.`, { param: 'ids' });
      return {
        data: ids.map((id) => archive(find(db.products, id, 'product'))),
        hasMore: false,
        nextCursor: null,
      };
    },
  },
  {
    method: 'get',
    path: '/v1/commerce/products/:id',
    auth: 'commerce:products:read',
    handler: (ctx) => find(visibleProducts(ctx), ctx.params.id, 'product'),
  },
  {
    method: 'patch',
    path: '/v1/commerce/products/:id',
    auth: 'commerce:products:write',
    body: ProductUpdate,
    handler: (ctx) => {
      tenantOf(ctx);
      const product = find(ctx.db.products, ctx.params.id, 'product');
      if (product.status === 'archived') {
        throw new MockProblem(
          409,
          'invalid_state',
          'Archived products cannot be edited; unarchive it first.',
          {
            param: 'id',
          },
        );
      }
      const input = ctx.body as ProductUpdate;
      assertUniqueSku(ctx.db, input.sku, product.id);
      return Object.assign(product, input, { updatedAt: now() });
    },
  },
  {
    method: 'post',
    path: '/v1/commerce/products/:id/archive',
    auth: 'commerce:products:write',
    handler: (ctx) => {
      tenantOf(ctx);
      return archive(find(ctx.db.products, ctx.params.id, 'product'));
    },
  },
  {
    method: 'post',
    path: '/v1/commerce/products/:id/unarchive',
    auth: 'commerce:products:write',
    handler: (ctx) => {
      tenantOf(ctx);
      const product = find(ctx.db.products, ctx.params.id, 'product');
      if (product.status !== 'archived') return product;
      requireProductSlot(ctx.db);
      return Object.assign(product, { status: 'draft', archivedAt: null, updatedAt: now() });
    },
  },
];

/** Options of the request pipeline around the routes. */
export interface HandlerOptions {
  baseUrl: string;
  latencyMs: number;
  db: () => MockDb;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** JSON with object keys sorted, so equal requests fingerprint equally whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** The server's pipeline: request id, version, auth, validation, idempotency, then the route. */
async function handle(
  options: HandlerOptions,
  spec: RouteSpec | null,
  request: Request,
  params: Record<string, string>,
) {
  const incoming = request.headers.get('request-id') ?? request.headers.get('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomToken('req_');
  const version = request.headers.get('agentstack-version');
  const headers: Record<string, string> = {
    'Request-Id': requestId,
    'AgentStack-Version': version ?? API_VERSION,
  };
  const db = options.db();
  const url = new URL(request.url);
  let claimed: string | undefined;
  let fingerprint = '';

  const reply = (status: number, body: unknown, extra: Record<string, string> = {}) =>
    HttpResponse.json(body as Record<string, unknown>, {
      status,
      headers: {
        ...headers,
        ...(status >= 400 ? { 'Content-Type': 'application/problem+json' } : {}),
        ...extra,
      },
    });

  try {
    if (version && !KNOWN_VERSIONS.includes(version)) {
      throw new MockProblem(
        400,
        'bad_request',
        `Unknown AgentStack-Version '${version}'. Supported: ${KNOWN_VERSIONS.join(', ')}.`,
        { param: 'AgentStack-Version' },
      );
    }
    if (options.latencyMs > 0) await delay(options.latencyMs);
    if (!spec) throw new MockProblem(404, 'route_not_found', `No route ${request.method} ${url.pathname}.`);

    const header = request.headers.get('authorization');
    const caller = spec.auth === 'public' && !header ? null : authenticate(db, header);
    if (spec.auth !== 'public' && !caller?.permissions.includes(spec.auth)) {
      throw new MockProblem(
        403,
        'forbidden',
        `This credential (${caller?.kind}) lacks the ${spec.auth} permission.`,
      );
    }

    const query = spec.query
      ? validate(spec.query, Object.fromEntries(url.searchParams), 'query')
      : undefined;
    let body: unknown;
    let raw = '';
    if (spec.method === 'post' || spec.method === 'patch') {
      raw = await request.text();
      let json: unknown;
      if (raw.trim() !== '') {
        try {
          json = JSON.parse(raw);
        } catch (error) {
          throw new MockProblem(
            400,
            'invalid_json',
            `The request body is not valid JSON: ${(error as Error).message}`,
          );
        }
      }
      if (spec.body) body = validate(spec.body, json ?? {}, 'body');
      else if (json !== undefined && !(typeof json === 'object' && json && Object.keys(json).length === 0)) {
        throw new MockProblem(400, 'validation_failed', 'This operation takes no request body.', {
          param: 'body',
        });
      }
      fingerprint = `${spec.method.toUpperCase()} ${url.pathname}\n${canonicalJson(json ?? null)}`;
    }

    const key = spec.method === 'post' ? request.headers.get('idempotency-key') : null;
    if (key !== null) {
      if (key.length > 255) {
        throw new MockProblem(400, 'validation_failed', 'Idempotency-Key must be at most 255 characters.', {
          param: 'Idempotency-Key',
        });
      }
      const scoped = `${caller?.kind === 'operator' ? 'operator' : db.tenant.id}:${key}`;
      const stored = db.idempotency.get(scoped);
      if (stored && stored.fingerprint !== fingerprint) {
        throw new MockProblem(
          409,
          'idempotency_conflict',
          'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
          { param: 'Idempotency-Key' },
        );
      }
      if (stored?.pending) {
        throw new MockProblem(
          409,
          'idempotency_in_progress',
          'A request with this Idempotency-Key is still being processed. Retry after it completes.',
          { param: 'Idempotency-Key' },
        );
      }
      if (stored) return reply(stored.status, stored.body, { 'Idempotent-Replayed': 'true' });
      db.idempotency.set(scoped, { fingerprint, pending: true, status: 0, body: null });
      claimed = scoped;
      // Hold the claim across the simulated work, so a concurrent retry sees it in flight.
      if (options.latencyMs > 0) await delay(options.latencyMs);
    }

    const status = spec.status ?? 200;
    // Answers leave the model as copies, so later mutations do not reach a caller's objects.
    const payload = structuredClone(spec.handler({ db, caller, params, query, body }));
    if (claimed) db.idempotency.set(claimed, { fingerprint, pending: false, status, body: payload });
    return reply(status, payload);
  } catch (error) {
    const problem =
      error instanceof MockProblem
        ? error
        : new MockProblem(500, 'internal_error', error instanceof Error ? error.message : String(error));
    const body = problem.toBody(requestId);
    if (claimed) {
      // Like the server: 5xx answers are not stored, so a retry runs again.
      if (problem.status >= 500) db.idempotency.delete(claimed);
      else db.idempotency.set(claimed, { fingerprint, pending: false, status: problem.status, body });
    }
    return reply(problem.status, body);
  }
}

/** msw handlers for every route of the API, over the model `options.db()` returns. */
export function createHandlers(options: HandlerOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/$/, '');
  return [
    ...routes.map((spec) =>
      http[spec.method](`${base}${spec.path}`, ({ request, params }) =>
        handle(options, spec, request, params as Record<string, string>),
      ),
    ),
    http.all(`${base}/v1/*`, ({ request }) => handle(options, null, request, {})),
  ];
}
