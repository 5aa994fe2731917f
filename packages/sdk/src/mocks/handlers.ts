import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import { computeEntitlements, upgradeForFeature, upgradeForLimit } from '../catalog/entitlements';
import { ADDONS, type FeatureKey, LIMIT_KEYS, PLANS } from '../catalog/plans';
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
  UserUpdate,
} from '../schemas/platform/user';
import { brandOf, type MockDb, toProduct } from './db';
import { MockProblem, validate } from './problems';

/** API versions the mock accepts in `AgentStack-Version`. */
export const KNOWN_VERSIONS: readonly string[] = [API_VERSION];

type Permission =
  | 'platform:read'
  | 'platform:users:write'
  | 'platform:keys:read'
  | 'platform:keys:write'
  | 'commerce:products:read'
  | 'commerce:products:write'
  | 'operator';

const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  owner: [
    'platform:read',
    'platform:users:write',
    'platform:keys:read',
    'platform:keys:write',
    'commerce:products:read',
    'commerce:products:write',
  ],
  admin: [
    'platform:read',
    'platform:users:write',
    'platform:keys:read',
    'platform:keys:write',
    'commerce:products:read',
    'commerce:products:write',
  ],
  support: ['platform:read', 'commerce:products:read'],
  compliance: ['platform:read', 'commerce:products:read'],
  moderator: ['platform:read'],
  viewer: ['platform:read', 'commerce:products:read'],
};

interface Caller {
  kind: Principal['kind'];
  role: Role | null;
  userId: string | null;
  token: string;
  permissions: Permission[];
}

interface Ctx {
  db: MockDb;
  caller: Caller;
  params: Record<string, string>;
  url: URL;
  body: unknown;
}

/** What a route answers: a status and a JSON body. */
interface Reply {
  status: number;
  body: unknown;
}

type Route = (ctx: Ctx) => Reply | unknown;

const now = () => new Date().toISOString();
const created = (body: unknown): Reply => ({ status: 201, body });
const isReply = (value: unknown): value is Reply =>
  typeof value === 'object' &&
  value !== null &&
  'status' in value &&
  'body' in value &&
  Object.keys(value).length === 2;

function authenticate(db: MockDb, request: Request): Caller {
  const header = request.headers.get('authorization');
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new MockProblem(401, 'unauthenticated', 'Send `Authorization: Bearer <key>`.');
  const keyId = db.keySecrets.get(token);
  if (keyId !== undefined) {
    const key = db.apiKeys.find((k) => k.id === keyId);
    if (!key || key.revokedAt) throw new MockProblem(401, 'invalid_api_key', 'This API key was revoked.');
  }
  if (token.startsWith('op_'))
    return { kind: 'operator', role: null, userId: null, token, permissions: ['operator'] };
  if (token.startsWith('pk_'))
    return { kind: 'publishable_key', role: null, userId: null, token, permissions: [] };
  if (token.startsWith('sess_')) {
    const session = db.sessions.get(token);
    if (!session) throw new MockProblem(401, 'invalid_api_key', 'Unknown session token.');
    if (Date.parse(session.expiresAt) <= Date.now()) {
      throw new MockProblem(401, 'session_expired', 'Sign in again.');
    }
    const user = db.users.find((u) => u.id === session.userId);
    if (!user) throw new MockProblem(401, 'invalid_api_key', 'Unknown session token.');
    return {
      kind: 'session',
      role: user.role,
      userId: user.id,
      token,
      permissions: ROLE_PERMISSIONS[user.role],
    };
  }
  // Any other token acts as the tenant's secret key, so stories and tests need no setup.
  return { kind: 'secret_key', role: 'owner', userId: null, token, permissions: ROLE_PERMISSIONS.owner };
}

function requirePermission(caller: Caller, permission: Permission): void {
  if (!caller.permissions.includes(permission)) {
    throw new MockProblem(403, 'forbidden', `This credential lacks the \`${permission}\` permission.`);
  }
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
  throw new MockProblem(403, 'feature_not_in_plan', `Your plan does not include \`${feature}\`.`, {
    feature,
    upgrade: upgradeForFeature(feature) ?? undefined,
  });
}

function requireProductSlot(db: MockDb): void {
  const { limit, used } = entitlementsOf(db).limits['commerce.products'] ?? { limit: 0, used: 0 };
  if (limit === null || used + 1 <= limit) return;
  throw new MockProblem(
    402,
    'tier_limit_reached',
    `Your plan allows ${limit} products; ${used} are in use.`,
    {
      limit: { key: 'commerce.products', limit, used },
      upgrade: upgradeForLimit('commerce.products', used + 1) ?? undefined,
    },
  );
}

function paginate<T extends { id: string }>(
  items: readonly T[],
  params: { limit?: number; startingAfter?: string },
) {
  const limit = params.limit ?? 20;
  const sorted = [...items].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const after = params.startingAfter;
  const rest = after === undefined ? sorted : sorted.filter((item) => item.id < after);
  const data = rest.slice(0, limit);
  const hasMore = rest.length > limit;
  return { data, hasMore, nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null };
}

function find<T extends { id: string }>(items: readonly T[], id: string | undefined, what: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw new MockProblem(404, 'not_found', `No such ${what}: ${id}`, { param: 'id' });
  return item;
}

function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

function assertUniqueSku(db: MockDb, sku: string | null | undefined, exceptId?: string): void {
  if (!sku) return;
  if (db.products.some((p) => p.sku === sku && p.id !== exceptId)) {
    throw new MockProblem(409, 'duplicate_sku', `A product with SKU ${sku} already exists.`, {
      param: 'sku',
    });
  }
}

function readableProducts(ctx: Ctx): Product[] {
  if (ctx.caller.kind === 'publishable_key') return ctx.db.products.filter((p) => p.status === 'active');
  requirePermission(ctx.caller, 'commerce:products:read');
  return ctx.db.products;
}

function requireTenantCaller(caller: Caller): void {
  if (caller.kind === 'operator') throw new MockProblem(403, 'forbidden', 'Operator keys have no tenant.');
}

function toPlan(): Plan[] {
  return [
    ...PLANS.map(
      (p): Plan => ({
        id: p.id,
        object: 'plan',
        kind: 'plan',
        domain: p.domain,
        name: p.name,
        rank: p.rank,
        price: p.price,
        description: p.description,
        limits: { ...p.limits },
        features: [...p.features],
      }),
    ),
    ...ADDONS.map(
      (a): Plan => ({
        id: a.id,
        object: 'plan',
        kind: 'addon',
        domain: a.domain,
        name: a.name,
        rank: null,
        price: a.price,
        description: a.description,
        limits: {},
        features: [...a.features],
      }),
    ),
  ];
}

const secret = (prefix: string) => `${prefix}${crypto.randomUUID().replaceAll('-', '')}`;

/** The routes of docs/api.md, as functions of the in-memory model. */
const routes: [method: 'get' | 'post' | 'patch' | 'delete', path: string, route: Route][] = [
  // ---- platform
  [
    'get',
    '/v1/platform/me',
    ({ db, caller }): Principal => {
      const user = caller.userId ? db.users.find((u) => u.id === caller.userId) : undefined;
      const tenant = caller.kind === 'operator' ? null : db.tenant;
      return {
        object: 'principal',
        kind: caller.kind,
        tenantId: tenant?.id ?? null,
        tenantName: tenant?.name ?? null,
        role: user?.role ?? caller.role,
        userId: caller.userId,
        permissions: caller.permissions,
      };
    },
  ],
  [
    'get',
    '/v1/platform/entitlements',
    ({ db, caller }) => {
      requireTenantCaller(caller);
      requirePermission(caller, 'platform:read');
      return entitlementsOf(db);
    },
  ],
  ['get', '/v1/platform/brand', ({ db }) => brandOf(db)],
  ['get', '/v1/platform/plans', () => ({ data: toPlan(), hasMore: false, nextCursor: null })],

  [
    'get',
    '/v1/platform/tenants',
    ({ db, caller, url }) => operator(caller, () => paginate(db.tenants, list(url))),
  ],
  [
    'post',
    '/v1/platform/tenants',
    ({ db, caller, body }) =>
      operator(caller, () => {
        const input = validate(TenantCreate, body);
        if (input.agencyId) find(db.agencies, input.agencyId, 'agency');
        assertKnownAddons(input.addons);
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
        return created(tenant);
      }),
  ],
  [
    'get',
    '/v1/platform/tenants/:id',
    ({ db, caller, params }) => operator(caller, () => find(db.tenants, params.id, 'tenant')),
  ],
  [
    'patch',
    '/v1/platform/tenants/:id',
    ({ db, caller, params, body }) =>
      operator(caller, () => {
        const tenant = find(db.tenants, params.id, 'tenant');
        const input = validate(TenantUpdate, body);
        if (input.agencyId) find(db.agencies, input.agencyId, 'agency');
        assertKnownAddons(input.addons);
        const { subscription, ...rest } = input;
        // Mutated in place: `db.tenant` is the same object when the operator edits the caller's tenant.
        Object.assign(tenant, rest, {
          subscription: { ...tenant.subscription, ...subscription },
          updatedAt: now(),
        });
        return tenant;
      }),
  ],

  [
    'get',
    '/v1/platform/agencies',
    ({ db, caller, url }) => operator(caller, () => paginate(db.agencies, list(url))),
  ],
  [
    'post',
    '/v1/platform/agencies',
    ({ db, caller, body }) =>
      operator(caller, () => {
        const input = validate(AgencyCreate, body);
        const at = now();
        const agency: Agency = { id: newId('agy'), object: 'agency', ...input, createdAt: at, updatedAt: at };
        db.agencies.push(agency);
        return created(agency);
      }),
  ],
  [
    'get',
    '/v1/platform/agencies/:id',
    ({ db, caller, params }) => operator(caller, () => find(db.agencies, params.id, 'agency')),
  ],
  [
    'patch',
    '/v1/platform/agencies/:id',
    ({ db, caller, params, body }) =>
      operator(caller, () => {
        const agency = find(db.agencies, params.id, 'agency');
        const input = validate(AgencyUpdate, body);
        Object.assign(agency, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          brand: { ...agency.brand, ...input.brand },
          updatedAt: now(),
        });
        return agency;
      }),
  ],

  [
    'get',
    '/v1/platform/api-keys',
    ({ db, caller, url }) => {
      requirePermission(caller, 'platform:keys:read');
      return paginate(db.apiKeys, list(url));
    },
  ],
  [
    'post',
    '/v1/platform/api-keys',
    ({ db, caller, body }) => {
      requirePermission(caller, 'platform:keys:write');
      const input = validate(ApiKeyCreate, body);
      const value = secret(input.type === 'secret' ? 'sk_' : 'pk_');
      const key: ApiKeyWithSecret = {
        id: newId('key'),
        object: 'api_key',
        type: input.type,
        name: input.name,
        prefix: value.slice(0, 7),
        createdAt: now(),
        lastUsedAt: null,
        revokedAt: null,
        secret: value,
      };
      const { secret: _shownOnce, ...stored } = key;
      db.apiKeys.push(stored);
      db.keySecrets.set(value, key.id);
      return created(key);
    },
  ],
  [
    'post',
    '/v1/platform/api-keys/:id/revoke',
    ({ db, caller, params }) => {
      requirePermission(caller, 'platform:keys:write');
      const key = find(db.apiKeys, params.id, 'API key');
      key.revokedAt ??= now();
      return key;
    },
  ],

  [
    'get',
    '/v1/platform/users',
    ({ db, caller, url }) => {
      requireTenantCaller(caller);
      requirePermission(caller, 'platform:read');
      return paginate(db.users, list(url));
    },
  ],
  [
    'post',
    '/v1/platform/users',
    ({ db, caller, body }) => {
      requirePermission(caller, 'platform:users:write');
      const input = validate(UserCreate, body);
      if (input.role === 'owner') requireOwner(caller);
      if (db.users.some((u) => u.email.toLowerCase() === input.email.toLowerCase())) {
        throw new MockProblem(409, 'conflict', `A user with email ${input.email} already exists.`, {
          param: 'email',
        });
      }
      const at = now();
      const user: User = {
        id: newId('usr'),
        object: 'user',
        email: input.email,
        name: input.name,
        role: input.role,
        createdAt: at,
        updatedAt: at,
        lastLoginAt: null,
      };
      db.users.push(user);
      db.passwords.set(user.id, input.password);
      return created(user);
    },
  ],
  [
    'get',
    '/v1/platform/users/:id',
    ({ db, caller, params }) => {
      requireTenantCaller(caller);
      requirePermission(caller, 'platform:read');
      return find(db.users, params.id, 'user');
    },
  ],
  [
    'patch',
    '/v1/platform/users/:id',
    ({ db, caller, params, body }) => {
      requirePermission(caller, 'platform:users:write');
      const user = find(db.users, params.id, 'user');
      const { password, ...input } = validate(UserUpdate, body);
      if (input.role === 'owner' || (user.role === 'owner' && input.role !== undefined)) requireOwner(caller);
      if (password !== undefined) db.passwords.set(user.id, password);
      Object.assign(user, input, { updatedAt: now() });
      return user;
    },
  ],
  [
    'delete',
    '/v1/platform/users/:id',
    ({ db, caller, params }) => {
      requirePermission(caller, 'platform:users:write');
      const user = find(db.users, params.id, 'user');
      if (user.id === caller.userId) throw new MockProblem(403, 'forbidden', 'You cannot delete yourself.');
      if (user.role === 'owner') requireOwner(caller);
      db.users.splice(db.users.indexOf(user), 1);
      db.passwords.delete(user.id);
      for (const [token, session] of db.sessions) if (session.userId === user.id) db.sessions.delete(token);
      return { id: user.id, object: 'user', deleted: true };
    },
  ],

  [
    'post',
    '/v1/platform/sessions',
    ({ db, body }) => {
      const input = validate(SessionCreate, body);
      const user = db.users.find((u) => u.email.toLowerCase() === input.email.toLowerCase());
      if (!user || db.passwords.get(user.id) !== input.password) {
        throw new MockProblem(401, 'invalid_credentials', 'The email or password is wrong.');
      }
      const at = now();
      user.lastLoginAt = at;
      const token = secret('sess_');
      const expiresAt = new Date(Date.now() + 12 * 3_600_000).toISOString();
      db.sessions.set(token, { userId: user.id, expiresAt });
      const session: Session = { object: 'session', token, expiresAt, user, tenantId: db.tenant.id };
      return created(session);
    },
  ],
  [
    'delete',
    '/v1/platform/sessions/current',
    ({ db, caller }) => {
      if (caller.kind !== 'session') {
        throw new MockProblem(400, 'bad_request', 'Only a session token can be signed out.');
      }
      db.sessions.delete(caller.token);
      return { object: 'session', revoked: true };
    },
  ],

  // ---- commerce
  [
    'get',
    '/v1/commerce/products',
    (ctx) => {
      const params = validate(ProductListParams, queryOf(ctx.url));
      const needle = params.query?.toLowerCase();
      const items = readableProducts(ctx).filter(
        (p) =>
          (params.status === undefined || p.status === params.status) &&
          (needle === undefined ||
            p.title.toLowerCase().includes(needle) ||
            (p.sku?.toLowerCase().includes(needle) ?? false)),
      );
      return paginate(items, params);
    },
  ],
  [
    'post',
    '/v1/commerce/products',
    ({ db, caller, body }) => {
      requirePermission(caller, 'commerce:products:write');
      const input = validate(ProductCreate, body);
      assertUniqueSku(db, input.sku);
      requireProductSlot(db);
      const product = toProduct(input, newId('prod'), now());
      db.products.push(product);
      return created(product);
    },
  ],
  [
    'post',
    '/v1/commerce/products/bulk-archive',
    ({ db, caller, body }) => {
      requirePermission(caller, 'commerce:products:write');
      requireFeature(db, 'commerce.bulkOperations');
      const { ids } = validate(ProductBulkArchive, body);
      const missing = ids.find((id) => !db.products.some((p) => p.id === id));
      if (missing) throw new MockProblem(404, 'not_found', `No such product: ${missing}`, { param: 'ids' });
      const data = ids.map((id) => archive(find(db.products, id, 'product')));
      return { data, hasMore: false, nextCursor: null };
    },
  ],
  ['get', '/v1/commerce/products/:id', (ctx) => find(readableProducts(ctx), ctx.params.id, 'product')],
  [
    'patch',
    '/v1/commerce/products/:id',
    ({ db, caller, params, body }) => {
      requirePermission(caller, 'commerce:products:write');
      const product = find(db.products, params.id, 'product');
      const input = validate(ProductUpdate, body);
      if (product.status === 'archived') {
        throw new MockProblem(
          409,
          'invalid_state',
          'An archived product cannot be edited; unarchive it first.',
        );
      }
      assertUniqueSku(db, input.sku, product.id);
      Object.assign(product, input, { updatedAt: now() });
      return product;
    },
  ],
  [
    'post',
    '/v1/commerce/products/:id/archive',
    ({ db, caller, params }) => {
      requirePermission(caller, 'commerce:products:write');
      return archive(find(db.products, params.id, 'product'));
    },
  ],
  [
    'post',
    '/v1/commerce/products/:id/unarchive',
    ({ db, caller, params }) => {
      requirePermission(caller, 'commerce:products:write');
      const product = find(db.products, params.id, 'product');
      if (product.status !== 'archived') return product;
      requireProductSlot(db);
      Object.assign(product, { status: 'draft', archivedAt: null, updatedAt: now() });
      return product;
    },
  ],
];

function archive(product: Product): Product {
  if (product.status === 'archived') return product;
  const at = now();
  return Object.assign(product, { status: 'archived', archivedAt: at, updatedAt: at });
}

function operator<T>(caller: Caller, fn: () => T): T {
  requirePermission(caller, 'operator');
  return fn();
}

function requireOwner(caller: Caller): void {
  if (caller.role !== 'owner')
    throw new MockProblem(403, 'forbidden', 'Only an owner may grant or change the owner role.');
}

function assertKnownAddons(addons: readonly string[] | undefined): void {
  const unknown = addons?.find((id) => !ADDONS.some((a) => a.id === id));
  if (unknown) {
    throw new MockProblem(400, 'validation_failed', `Unknown add-on: ${unknown}`, {
      param: 'addons',
      errors: [{ param: 'addons', code: 'invalid_value', message: `Unknown add-on: ${unknown}` }],
    });
  }
}

function list(url: URL) {
  return validate(ListParams, queryOf(url));
}

/** Options of the request pipeline around the routes. */
export interface HandlerOptions {
  baseUrl: string;
  latencyMs: number;
  db: () => MockDb;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,200}$/;

async function handle(
  options: HandlerOptions,
  method: string,
  route: Route,
  request: Request,
  params: Record<string, string>,
): Promise<Response> {
  const incoming = request.headers.get('request-id') ?? request.headers.get('x-request-id');
  const requestId =
    incoming && REQUEST_ID.test(incoming) ? incoming : `req_${crypto.randomUUID().replaceAll('-', '')}`;
  const version = request.headers.get('agentstack-version');
  const headers: Record<string, string> = { 'Request-Id': requestId };
  if (version) headers['AgentStack-Version'] = version;
  const db = options.db();
  const url = new URL(request.url);
  let idempotency: { key: string; fingerprint: string } | undefined;

  const reply = (status: number, body: unknown, extra: Record<string, string> = {}) =>
    HttpResponse.json(body as Record<string, unknown>, { status, headers: { ...headers, ...extra } });
  const problem = (p: MockProblem) =>
    reply(p.status, p.toBody(requestId), { 'Content-Type': 'application/problem+json' });

  try {
    if (version && !KNOWN_VERSIONS.includes(version)) {
      throw new MockProblem(400, 'bad_request', `Unknown API version ${version}.`, {
        param: 'AgentStack-Version',
      });
    }
    const caller = authenticate(db, request);
    const text = method === 'post' || method === 'patch' ? await request.text() : '';

    const key = method === 'post' ? request.headers.get('idempotency-key') : null;
    if (key !== null) {
      if (key.length < 1 || key.length > 255) {
        throw new MockProblem(400, 'bad_request', 'Idempotency-Key must be 1..255 characters.', {
          param: 'Idempotency-Key',
        });
      }
      const scoped = `${caller.kind === 'operator' ? 'operator' : db.tenant.id}:${key}`;
      const fingerprint = `${method} ${url.pathname} ${text}`;
      const stored = db.idempotency.get(scoped);
      if (stored?.pending) {
        throw new MockProblem(409, 'idempotency_in_progress', 'A request with this key is still running.');
      }
      if (stored && stored.fingerprint !== fingerprint) {
        throw new MockProblem(409, 'idempotency_conflict', 'This key was used with a different request.');
      }
      if (stored) {
        return reply(stored.status, stored.body, {
          'Idempotent-Replayed': 'true',
          ...(stored.status >= 400 ? { 'Content-Type': 'application/problem+json' } : {}),
        });
      }
      db.idempotency.set(scoped, { fingerprint, pending: true, status: 0, body: null });
      idempotency = { key: scoped, fingerprint };
    }

    if (options.latencyMs > 0) await delay(options.latencyMs);

    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new MockProblem(400, 'invalid_json', 'The request body is not valid JSON.');
      }
    }
    const result = route({ db, caller, params, url, body });
    const { status, body: payload } = isReply(result) ? result : { status: 200, body: result };
    // Answers leave the model as copies, so later mutations do not reach a caller's objects.
    const snapshot = structuredClone(payload);
    if (idempotency)
      db.idempotency.set(idempotency.key, { ...idempotency, pending: false, status, body: snapshot });
    return reply(status, snapshot);
  } catch (error) {
    const p =
      error instanceof MockProblem
        ? error
        : new MockProblem(500, 'internal_error', error instanceof Error ? error.message : String(error));
    if (idempotency) {
      // Like the server: 5xx and 400 answers are not stored, so a retry runs again.
      if (p.status >= 500 || p.status === 400) db.idempotency.delete(idempotency.key);
      else
        db.idempotency.set(idempotency.key, {
          ...idempotency,
          pending: false,
          status: p.status,
          body: p.toBody(requestId),
        });
    }
    return problem(p);
  }
}

/** msw handlers for every route of the API, over the model `options.db()` returns. */
export function createHandlers(options: HandlerOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/$/, '');
  const handlers = routes.map(([method, path, route]) =>
    http[method](`${base}${path}`, ({ request, params }) =>
      handle(options, method, route, request, params as Record<string, string>),
    ),
  );
  handlers.push(
    http.all(`${base}/v1/*`, ({ request }) =>
      handle(
        options,
        request.method.toLowerCase(),
        ({ url }) => {
          throw new MockProblem(404, 'route_not_found', `No route ${request.method} ${url.pathname}.`);
        },
        request,
        {},
      ),
    ),
  );
  return handlers;
}
