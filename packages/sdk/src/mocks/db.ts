import {
  DEFAULT_BRAND,
  DEMO_BRANDS,
  DEMO_PRODUCTS,
  DEMO_TENANTS,
  type DemoTenantSlug,
} from '../catalog/demo';
import { computeEntitlements } from '../catalog/entitlements';
import type { LimitKey } from '../catalog/plans';
import type { CartLineState, CartState } from '../contract/commerce/pricing';
import type { ProductCategory } from '../schemas/commerce/category';
import type { ProductCollection } from '../schemas/commerce/collection';
import type { Customer, CustomerAddress } from '../schemas/commerce/customer';
import type {
  InventoryLevel,
  InventoryMovement,
  Reservation,
  StockLocation,
} from '../schemas/commerce/inventory';
import type { OrderWorkflow, OrderWorkflowStep } from '../schemas/commerce/orderWorkflow';
import type { DiscountCode, Region, ShippingOption } from '../schemas/commerce/pricing';
import type { Product, ProductCreate } from '../schemas/commerce/product';
import type { Vendor } from '../schemas/commerce/vendor';
import type { Money } from '../schemas/common';
import type { Agency, AgencyKey, Brand } from '../schemas/platform/agency';
import type { ApiKey } from '../schemas/platform/apiKey';
import type { EmailStatus, Invitation } from '../schemas/platform/invitation';
import type { Tenant } from '../schemas/platform/tenant';
import type { Role, User } from '../schemas/platform/user';
import type { WebhookDelivery, WebhookEndpoint } from '../schemas/platform/webhookEndpoint';
import type { RealtimeEvent } from '../schemas/realtime/event';
import { type MockOrder, ordersAtWorkflowSteps, ordersFor } from './commerce/orders';

/** Options of the in-memory model: which tenant the caller belongs to and what it holds. */
export interface MockDbOptions {
  /** The caller's tenant: one of the demo tenants. Defaults to `growth`. */
  tenant?: DemoTenantSlug;
  /** The white-label brand of the tenant's agency: a sample brand or your own. Defaults to none (the default brand). */
  brand?: keyof typeof DEMO_BRANDS | Brand;
  /**
   * The tenant's products: a count (taken from the demo catalogue, repeated with suffixed SKUs
   * past its end) or your own list. Defaults to the demo tenant's `productCount`.
   */
  products?: number | readonly ProductCreate[];
  /** API calls the entitlements report (today, this month). Defaults to the demo tenant's figures. */
  apiCalls?: { today: number; month: number };
  /** Negotiated limits replacing the plan's, e.g. `{ 'commerce.products': 20 }` to show a tenant at its limit. */
  limitOverrides?: Partial<Record<LimitKey, number | null>>;
  /**
   * Makes plain bearer tokens (not `pk_`/`op_`/`sess_`) act as a signed-in dashboard user with
   * this role instead of the secret key (which acts as `owner` without a user). The first seeded
   * user with the role is used; a user is added for a role none has. Defaults to none.
   */
  role?: Role;
  /** What new invitations answer for their email (`delivery.status`). Defaults to `not_configured`. */
  invitationEmail?: EmailStatus;
  /**
   * Custom order workflow steps (as an Enterprise tenant defines them with
   * `commerce.customWorkflows`): the fixture's fulfilling order is joined by one fulfilling order
   * at each step, so a board shows every stage. Defaults to none (every tier's default).
   */
  orderWorkflow?: readonly OrderWorkflowStep[];
}

/** A user session created by `POST /v1/platform/sessions`. */
export interface MockSession {
  userId: string;
  expiresAt: string;
}

/** A customer as the model stores it: with its password (plain text: this is a mock). */
export interface MockCustomer extends Customer {
  password: string;
}

/** A customer's saved address as the model stores it: with its customer. */
export interface MockCustomerAddress extends CustomerAddress {
  customerId: string;
}

/** A sign-up waiting for its code. */
export interface MockCustomerSignUp {
  email: string;
  name: string | null;
  password: string;
  expiresAt: string;
}

/** An invitation as the model stores it: with its token and what became of it. */
export interface MockInvitation extends Invitation {
  /** The one-time token (plain text: this is a mock). */
  token: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

/** An agency key as the model stores it: with its secret (plain text: this is a mock). */
export interface MockAgencyKey extends AgencyKey {
  secret: string;
}

/** A webhook endpoint as the model stores it: with its secrets (plain text: this is a mock). */
export interface MockWebhookEndpoint extends WebhookEndpoint {
  secret: string;
  /** The secret replaced by the last rotation, while it still signs. */
  previousSecret: string | null;
}

/** A stored idempotent response (or one still running). */
export interface IdempotencyRecord {
  fingerprint: string;
  pending: boolean;
  status: number;
  body: unknown;
}

/** A cart as the model keeps it: the server's cart state and its token. */
export interface MockCart extends CartState {
  token: string;
  lines: CartLineState[];
}

/**
 * The in-memory model behind the mock handlers. Mutate it in a test to set up a case; `reset()`
 * restores the fixtures in place, so references stay valid.
 */
export interface MockDb {
  /** The caller's tenant (what secret keys, publishable keys and sessions act on). */
  tenant: Tenant;
  /** Every tenant, for operator keys; includes `tenant`. */
  tenants: Tenant[];
  /** Every agency, for operator keys: one per sample brand (plus a custom brand's). */
  agencies: Agency[];
  /** The caller tenant's products, in any order (lists sort by id, newest first). */
  products: Product[];
  /** The caller tenant's category tree. */
  categories: ProductCategory[];
  /** The caller tenant's collections. */
  collections: ProductCollection[];
  /** The caller tenant's vendors. */
  vendors: Vendor[];
  /** The caller tenant's stock locations (one fixture: `Main warehouse`). */
  stockLocations: StockLocation[];
  /** The caller tenant's inventory levels (fixtures: the first products, one of them low). */
  inventoryLevels: InventoryLevel[];
  /** The caller tenant's stock movements, in any order. */
  inventoryMovements: InventoryMovement[];
  /** The caller tenant's open reservations. */
  reservations: Reservation[];
  /** The caller tenant's custom order steps (none unless an Enterprise tenant sets them). */
  orderWorkflow: OrderWorkflow;
  /** The caller tenant's carts, each with its token (kept in clear by the model only). */
  carts: MockCart[];
  /** The caller tenant's orders (fixtures: one or more in every state). */
  orders: MockOrder[];
  /**
   * The caller tenant's regions. Fixtures: Europe (EUR, 21 %) and United Kingdom (GBP, 20 %), see
   * {@link pricingFor}.
   */
  regions: Region[];
  /** The caller tenant's shipping options. */
  shippingOptions: ShippingOption[];
  /** The caller tenant's discount codes. */
  discountCodes: DiscountCode[];
  /** Redemptions per code and customer key (`codeId customerKey` → count), for per-customer limits. */
  discountUses: Record<string, number>;
  /** The caller tenant's dashboard users. */
  users: User[];
  /**
   * The caller tenant's customers (shoppers). Fixtures: three, each with the password
   * {@link DEMO_CUSTOMER_PASSWORD}; the first (`ada@example.com`) has two addresses.
   */
  customers: MockCustomer[];
  /** Saved addresses of the customers. */
  customerAddresses: MockCustomerAddress[];
  /**
   * Sign-ups waiting for their code, by code: the model sends no email, so a test or a story
   * reads the code here (`[...db.customerSignUps.keys()]`) to redeem it.
   */
  customerSignUps: Map<string, MockCustomerSignUp>;
  /** Customer sessions by token (`cst_…`). */
  customerSessions: Map<string, { customerId: string; expiresAt: string }>;
  /**
   * The tenant's Stripe settings (none by default), with the webhook signing secret in plain text
   * (this is a mock): the webhook mock verifies `Stripe-Signature` with it.
   */
  stripe: { secretKeyHint: string; livemode: boolean; webhookSecret: string; updatedAt: string } | null;
  /** Ids of the Stripe events the webhook mock applied (a replay answers `applied: false`). */
  stripeEvents: Set<string>;
  /** The caller tenant's webhook endpoints. */
  webhookEndpoints: MockWebhookEndpoint[];
  /** Deliveries to the caller tenant's webhook endpoints, with their attempts. */
  webhookDeliveries: WebhookDelivery[];
  /** The caller tenant's invitations, whatever became of them. */
  invitations: MockInvitation[];
  /**
   * What the model answers for a new invitation's email (`delivery.status`). Defaults to
   * `not_configured`, the server's default: set `sent` or `failed` to show the other outcomes.
   */
  invitationEmail: EmailStatus;
  /** Passwords by user id (plain text: this is a mock). */
  passwords: Map<string, string>;
  /** The caller tenant's API keys. */
  apiKeys: ApiKey[];
  /**
   * API keys of the other tenants, by tenant id, as operator and agency keys list and mint them.
   * They are records only: the model acts for the caller's tenant, so their secrets answer `401`.
   */
  tenantKeys: Map<string, ApiKey[]>;
  /**
   * Agency keys (`ag_…`). The fixtures hold one per agency, whose secret is `ag_demo_<brand>`
   * (`ag_demo_aurora`, `ag_demo_nocturne`…; `ag_demo_custom` for a custom brand's agency).
   */
  agencyKeys: MockAgencyKey[];
  /** Key ids by the secret created for them, so a revoked key's secret answers 401. */
  keySecrets: Map<string, string>;
  /** Sessions by token. */
  sessions: Map<string, MockSession>;
  /** Stored idempotent responses by scope and key. */
  idempotency: Map<string, IdempotencyRecord>;
  /** With the `role` option: the user plain bearer tokens act as (a session of). */
  actingUserId?: string | null;
  /** The tenant's events since the model was made (or reset), in sequence order: what realtime streams carry. */
  events: RealtimeEvent[];
  /** Open realtime streams, told of each new event. */
  eventListeners: Set<(event: RealtimeEvent) => void>;
  /** Realtime tokens (`rt_…`) and the bearer token each stands for. */
  realtimeTokens: Map<string, string>;
  /**
   * API calls the entitlements report for the tenant. Fixed (the demo tenant's figures) so that
   * stories stay stable: the model does not count its own calls.
   */
  apiCalls: { today: number; month: number };
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Fixtures are dated before any real "now", so objects created at run time sort first. */
/** The fixtures' reference time: every fixture is dated relative to it. */
export const FIXTURE_EPOCH = Date.UTC(2026, 0, 15, 9, 0, 0);
/** One hour in milliseconds. */
export const HOUR = 3_600_000;

function base32(value: number, width: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < width; i++) {
    out = ALPHABET[v % 32] + out;
    v = Math.floor(v / 32);
  }
  return out;
}

/** A deterministic, time-ordered id, so fixtures (and stories built on them) are stable. */
export function fixtureId(prefix: string, time: number, n: number): string {
  return `${prefix}_${base32(time, 10)}${base32(n, 16)}`;
}

/** A fixture time as an ISO timestamp. */
export const iso = (time: number) => new Date(time).toISOString();

function productsFor(spec: number | readonly ProductCreate[]): ProductCreate[] {
  if (typeof spec !== 'number') return [...spec];
  return Array.from({ length: Math.max(0, spec) }, (_, i) => {
    const base = DEMO_PRODUCTS[i % DEMO_PRODUCTS.length] as ProductCreate;
    const round = Math.floor(i / DEMO_PRODUCTS.length);
    if (round === 0) return base;
    return {
      ...base,
      title: `${base.title} #${round + 1}`,
      sku: base.sku ? `${base.sku}-${round + 1}` : null,
    };
  });
}

/** Builds a product as the server would store it from a create body. */
export function toProduct(input: ProductCreate, id: string, now: string): Product {
  return {
    id,
    object: 'product',
    title: input.title.trim(),
    description: input.description ?? '',
    sku: input.sku ?? null,
    status: input.status ?? 'draft',
    price: { ...input.price },
    prices: (input.prices ?? []).map((m) => ({ ...m })),
    options: (input.options ?? []).map((o) => ({
      name: o.name.trim(),
      values: o.values.map((v) => v.trim()),
    })),
    variants: [],
    inventoryQuantity: input.inventoryQuantity ?? 0,
    imageUrl: input.imageUrl ?? null,
    media: (input.media ?? []).map((m) => ({ url: m.url, alt: m.alt ?? '' })),
    categoryIds: [...(input.categoryIds ?? [])],
    collectionIds: [...(input.collectionIds ?? [])],
    vendorId: input.vendorId ?? null,
    metadata: { ...input.metadata },
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
  };
}

const STAFF: { name: string; role: Role; local: string }[] = [
  { name: 'Mara Lindqvist', role: 'admin', local: 'mara' },
  { name: 'Tomás Ferreira', role: 'support', local: 'tomas' },
  { name: 'Aiko Tanaka', role: 'viewer', local: 'aiko' },
];

/** Builds the fixtures: deterministic ids and timestamps, valid against the schemas. */
export function createFixtures(options: MockDbOptions = {}): MockDb {
  const slug = options.tenant ?? 'growth';
  const agencies: Agency[] = Object.entries(DEMO_BRANDS).map(([, brand], i) => ({
    id: fixtureId('agy', FIXTURE_EPOCH - (30 - i) * 24 * HOUR, i + 1),
    object: 'agency',
    name: brand.name,
    brand: { ...brand },
    createdAt: iso(FIXTURE_EPOCH - (30 - i) * 24 * HOUR),
    updatedAt: iso(FIXTURE_EPOCH - (30 - i) * 24 * HOUR),
  }));
  let agency: Agency | null = null;
  if (typeof options.brand === 'string') {
    agency = agencies[Object.keys(DEMO_BRANDS).indexOf(options.brand)] ?? null;
  } else if (options.brand) {
    const time = FIXTURE_EPOCH - 20 * 24 * HOUR;
    agency = {
      id: fixtureId('agy', time, 9),
      object: 'agency',
      name: options.brand.name,
      brand: { ...options.brand },
      createdAt: iso(time),
      updatedAt: iso(time),
    };
    agencies.push(agency);
  }

  const tenants: Tenant[] = DEMO_TENANTS.map((demo, i) => {
    const time = FIXTURE_EPOCH - (10 - i) * 24 * HOUR;
    const current = demo.slug === slug;
    return {
      id: fixtureId('ten', time, i + 1),
      object: 'tenant',
      name: demo.name,
      agencyId: current && agency ? agency.id : null,
      subscription: { ...demo.subscription },
      addons: [...demo.addons],
      limitOverrides: current ? { ...options.limitOverrides } : {},
      metadata: { demo: demo.slug },
      createdAt: iso(time),
      updatedAt: iso(time),
    };
  });
  const demo = DEMO_TENANTS.find((t) => t.slug === slug) ?? DEMO_TENANTS[1]!;
  const tenant = tenants[DEMO_TENANTS.indexOf(demo)]!;

  // Created in catalogue order, like the server's seed: newest first lists the last ones first.
  const inputs = productsFor(options.products ?? demo.productCount);
  const products = inputs.map((input, i) => {
    const time = FIXTURE_EPOCH - (inputs.length - 1 - i) * HOUR;
    return toProduct(input, fixtureId('prod', time, i + 1), iso(time));
  });

  // A small catalogue tree, collections and vendors (vendor operations still need multi-vendor).
  const groupTime = FIXTURE_EPOCH - 40 * 24 * HOUR;
  const stamp = { metadata: {}, createdAt: iso(groupTime), updatedAt: iso(groupTime) };
  const category = (n: number, name: string, parentId: string | null): ProductCategory => ({
    id: fixtureId('cat', groupTime, n),
    object: 'product_category',
    name,
    description: '',
    parentId,
    ...stamp,
  });
  const kitchen = category(1, 'Kitchen', null);
  const categories = [
    kitchen,
    category(2, 'Textiles', kitchen.id),
    category(3, 'Tableware', kitchen.id),
    category(4, 'Pantry', null),
  ];
  const collections: ProductCollection[] = ['Bestsellers', 'Gift ideas'].map((title, i) => ({
    id: fixtureId('coll', groupTime, i + 1),
    object: 'product_collection',
    title,
    description: '',
    ...stamp,
  }));
  const vendors: Vendor[] = ['Nordic Linen Co.', 'Oak & Iron'].map((name, i) => ({
    id: fixtureId('ven', groupTime, i + 1),
    object: 'vendor',
    name,
    ...stamp,
  }));

  const passwords = new Map<string, string>();
  const domain = demo.user.email.split('@')[1];
  const people = [
    {
      name: demo.user.name,
      role: demo.user.role as Role,
      email: demo.user.email,
      password: demo.user.password,
    },
    ...STAFF.map((s) => ({
      name: s.name,
      role: s.role,
      email: `${s.local}@${domain}`,
      password: 'demo-password-123',
    })),
  ];
  const users: User[] = people.map((p, i) => {
    const time = FIXTURE_EPOCH - (9 - i) * 24 * HOUR;
    const user: User = {
      id: fixtureId('usr', time, i + 1),
      object: 'user',
      email: p.email,
      name: p.name,
      role: p.role,
      vendorId: null,
      createdAt: iso(time),
      updatedAt: iso(time),
      lastLoginAt: i === 0 ? iso(FIXTURE_EPOCH - HOUR) : null,
    };
    passwords.set(user.id, p.password);
    return user;
  });

  let actingUserId: string | null = null;
  if (options.role) {
    let acting = users.find((u) => u.role === options.role);
    if (!acting) {
      const time = FIXTURE_EPOCH - 5 * 24 * HOUR;
      const role = options.role;
      acting = {
        id: fixtureId('usr', time, users.length + 1),
        object: 'user',
        email: `${role}@${domain}`,
        name: `Demo ${role.charAt(0).toUpperCase()}${role.slice(1)}`,
        role,
        vendorId: null,
        createdAt: iso(time),
        updatedAt: iso(time),
        lastLoginAt: null,
      };
      users.push(acting);
      passwords.set(acting.id, 'demo-password-123');
    }
    actingUserId = acting.id;
  }

  const apiKeys: ApiKey[] = [
    { type: 'secret' as const, name: 'Backend', prefix: 'sk_9f3a' },
    { type: 'publishable' as const, name: 'Storefront', prefix: 'pk_41cd' },
  ].map((k, i) => {
    const time = FIXTURE_EPOCH - (8 - i) * 24 * HOUR;
    return {
      id: fixtureId('key', time, i + 1),
      object: 'api_key',
      ...k,
      role: k.type === 'secret' ? 'owner' : null,
      createdBy: null,
      createdAt: iso(time),
      lastUsedAt: iso(FIXTURE_EPOCH - (i + 1) * HOUR),
      revokedAt: null,
    };
  });

  return {
    tenant,
    tenants,
    agencies,
    products,
    categories,
    collections,
    vendors,
    ...inventoryFor(products),
    orderWorkflow: {
      object: 'order_workflow',
      steps: (options.orderWorkflow ?? []).map(({ key, name }) => ({ key, name })),
      updatedAt: options.orderWorkflow?.length ? iso(FIXTURE_EPOCH - 7 * 24 * HOUR) : null,
    },
    carts: [],
    orders: ordersAtWorkflowSteps(
      ordersFor(
        products,
        vendors,
        computeEntitlements(tenant.subscription, tenant.addons, tenant.limitOverrides).features.includes(
          'commerce.multiVendor',
        ),
      ),
      options.orderWorkflow ?? [],
    ),
    ...pricingFor(),
    discountUses: {},
    users,
    ...customersFor(),
    customerSignUps: new Map(),
    customerSessions: new Map(),
    stripe: null,
    stripeEvents: new Set(),
    invitations: [],
    invitationEmail: options.invitationEmail ?? 'not_configured',
    ...webhooksFor(),
    passwords,
    apiKeys,
    tenantKeys: new Map(),
    agencyKeys: agencyKeysFor(agencies),
    keySecrets: new Map(),
    sessions: new Map(),
    idempotency: new Map(),
    actingUserId,
    events: [],
    eventListeners: new Set(),
    realtimeTokens: new Map(),
    apiCalls: { ...(options.apiCalls ?? demo.apiCalls) },
  };
}

/**
 * What prices carts besides the catalogue, the same for every tier (the server gates none of it):
 * two regions, their shipping options (one inactive) and two discount codes — `WELCOME10`, 10 %
 * off once per customer, and `SPRING5`, 5 EUR off from 40 EUR, at most 200 redemptions.
 */
function pricingFor(): Pick<MockDb, 'regions' | 'shippingOptions' | 'discountCodes'> {
  const time = FIXTURE_EPOCH - 30 * 24 * HOUR;
  const stamp = { metadata: {}, createdAt: iso(time), updatedAt: iso(time) };
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const gbp = (amount: number) => ({ amount, currency: 'GBP' });
  const europe: Region = {
    id: fixtureId('reg', time, 1),
    object: 'region',
    name: 'Europe',
    currency: 'EUR',
    countries: ['AT', 'BE', 'DE', 'ES', 'FR', 'IE', 'IT', 'NL', 'PT'],
    taxRateBps: 2100,
    ...stamp,
  };
  const uk: Region = {
    id: fixtureId('reg', time, 2),
    object: 'region',
    name: 'United Kingdom',
    currency: 'GBP',
    countries: ['GB'],
    taxRateBps: 2000,
    ...stamp,
  };
  const options: Array<[Region, string, Money, Money | null, boolean]> = [
    [europe, 'Standard (3–5 days)', eur(490), eur(6000), true],
    [europe, 'Express (1–2 days)', eur(1290), null, true],
    [uk, 'Royal Mail Tracked 48', gbp(395), gbp(5000), true],
    [uk, 'Next-day courier', gbp(950), null, false],
  ];
  const shippingOptions: ShippingOption[] = options.map(([region, name, amount, freeOver, active], i) => ({
    id: fixtureId('ship', time, i + 1),
    object: 'shipping_option',
    regionId: region.id,
    name,
    amount,
    freeOver,
    active,
    ...stamp,
  }));
  const code = {
    amountOff: null,
    minimumSpend: null,
    usageLimit: null,
    usageLimitPerCustomer: null,
    startsAt: null,
    endsAt: null,
    active: true,
  };
  const discountCodes: DiscountCode[] = [
    {
      ...code,
      id: fixtureId('disc', time, 1),
      object: 'discount_code',
      code: 'WELCOME10',
      type: 'percentage',
      percentOff: 10,
      usageLimitPerCustomer: 1,
      usedCount: 37,
      ...stamp,
    },
    {
      ...code,
      id: fixtureId('disc', time, 2),
      object: 'discount_code',
      code: 'SPRING5',
      type: 'fixed',
      percentOff: null,
      amountOff: eur(500),
      minimumSpend: eur(4000),
      usageLimit: 200,
      usedCount: 12,
      ...stamp,
    },
  ];
  return { regions: [europe, uk], shippingOptions, discountCodes };
}

/** The password of every fixture customer of the mocks. */
export const DEMO_CUSTOMER_PASSWORD = 'demo shopper password';

// Three shoppers; the first with a home and a work address (home the default).
function customersFor(): Pick<MockDb, 'customers' | 'customerAddresses'> {
  const people = [
    ['ada@example.com', 'Ada Lovelace', '+44 20 7946 0001'],
    ['grace@example.com', 'Grace Hopper', null],
    ['alan@example.com', 'Alan Turing', null],
  ] as const;
  const customers: MockCustomer[] = people.map(([email, name, phone], i) => {
    const time = FIXTURE_EPOCH - (10 - i) * 24 * HOUR;
    return {
      id: fixtureId('cus', time, i + 1),
      object: 'customer',
      email,
      name,
      phone,
      metadata: {},
      createdAt: iso(time),
      updatedAt: iso(time),
      lastLoginAt: iso(FIXTURE_EPOCH - (i + 1) * HOUR),
      password: DEMO_CUSTOMER_PASSWORD,
    };
  });
  const ada = customers[0] as MockCustomer;
  const address = (n: number, line1: string, isDefault: boolean): MockCustomerAddress => {
    const time = FIXTURE_EPOCH - (9 - n) * 24 * HOUR;
    return {
      id: fixtureId('cad', time, n),
      object: 'customer_address',
      customerId: ada.id,
      address: { name: 'Ada Lovelace', line1, city: 'London', postalCode: 'W1J 7NT', countryCode: 'GB' },
      isDefault,
      createdAt: iso(time),
      updatedAt: iso(time),
    };
  };
  return {
    customers,
    customerAddresses: [address(1, '12 St James Square', true), address(2, '1 Babbage Row', false)],
  };
}

// Two endpoints: one receiving product events, with a delivered, a retrying and a failed
// delivery; one disabled after repeated failure. Secrets are fixed (this is a mock).
function webhooksFor(): Pick<MockDb, 'webhookEndpoints' | 'webhookDeliveries'> {
  const at = (hours: number) => iso(FIXTURE_EPOCH - hours * HOUR);
  const endpoint = (
    n: number,
    fields: Pick<WebhookEndpoint, 'url' | 'description' | 'enabledEvents' | 'status' | 'disabledReason'>,
  ): MockWebhookEndpoint => {
    const secret = `whsec_demo${n}${'0123456789abcdef'.repeat(2)}`;
    return {
      id: fixtureId('we', FIXTURE_EPOCH - (100 - n) * HOUR, n),
      object: 'webhook_endpoint',
      ...fields,
      secretPrefix: `${secret.slice(0, 12)}…`,
      previousSecretExpiresAt: null,
      createdAt: at(100 - n),
      updatedAt: at(10 - n),
      secret,
      previousSecret: null,
    };
  };
  const orders = endpoint(1, {
    url: 'https://hooks.example.com/agentstack',
    description: 'Order pipeline',
    enabledEvents: ['product.*'],
    status: 'enabled',
    disabledReason: null,
  });
  const legacy = endpoint(2, {
    url: 'https://legacy.example.net/webhooks',
    description: 'Legacy ERP bridge',
    enabledEvents: ['*'],
    status: 'disabled',
    disabledReason:
      'Disabled automatically: every delivery attempt failed for 3 days (20 attempts in a row; last: HTTP 503).',
  });
  const attempt = (hours: number, statusCode: number | null, error: string | null = null) => ({
    attemptedAt: at(hours),
    statusCode,
    durationMs: statusCode === null ? 10_000 : 120 + Math.round(hours * 7),
    responseExcerpt:
      statusCode === null ? null : statusCode < 300 ? '{"received":true}' : 'Service Unavailable',
    error,
    succeeded: statusCode !== null && statusCode < 300,
  });
  const delivery = (
    n: number,
    hours: number,
    type: string,
    status: WebhookDelivery['status'],
    attempts: WebhookDelivery['attempts'],
  ): WebhookDelivery => ({
    id: fixtureId('whd', FIXTURE_EPOCH - hours * HOUR, n),
    object: 'webhook_delivery',
    endpointId: orders.id,
    eventId: fixtureId('evt', FIXTURE_EPOCH - hours * HOUR, n),
    eventType: type,
    status,
    attemptCount: attempts.length,
    nextAttemptAt: status === 'pending' ? at(hours - 1) : null,
    attempts,
    createdAt: at(hours),
    updatedAt: attempts[0]?.attemptedAt ?? at(hours),
  });
  return {
    webhookEndpoints: [orders, legacy],
    webhookDeliveries: [
      delivery(1, 3, 'product.created', 'succeeded', [attempt(3, 200)]),
      delivery(2, 2, 'product.updated', 'pending', [
        attempt(1.5, null, 'timeout after 10000 ms'),
        attempt(2, 500),
      ]),
      delivery(3, 80, 'product.archived', 'failed', [attempt(8, 503), attempt(30, 503), attempt(80, 503)]),
    ],
  };
}

/**
 * As the server's seed: one warehouse receiving each product's opening stock (low at 5 or fewer),
 * receipts as history, and one reservation of 2 on the first product. The products' stock figures
 * are derived from these levels, as the server derives them.
 */
function inventoryFor(products: readonly Product[]) {
  const time = FIXTURE_EPOCH - 20 * 24 * HOUR;
  const location: StockLocation = {
    id: fixtureId('sloc', time, 1),
    object: 'stock_location',
    name: 'Main warehouse',
    active: true,
    metadata: {},
    createdAt: iso(time),
    updatedAt: iso(time),
  };
  const levels: InventoryLevel[] = [];
  const movements: InventoryMovement[] = [];
  products.forEach((product, i) => {
    const at = iso(time + (i + 1) * 60_000);
    const onHand = product.inventoryQuantity;
    const reserved = i === 0 ? Math.min(2, onHand) : 0;
    const lowStockThreshold = 5;
    levels.push({
      id: fixtureId('ilvl', time + (i + 1) * 60_000, i + 1),
      object: 'inventory_level',
      itemId: product.id,
      locationId: location.id,
      onHand,
      reserved,
      available: onHand - reserved,
      lowStockThreshold,
      lowStock: onHand - reserved <= lowStockThreshold,
      createdAt: at,
      updatedAt: at,
    });
    product.inventoryQuantity = onHand - reserved;
    if (onHand > 0) {
      movements.push({
        id: fixtureId('imov', time + (i + 1) * 60_000, i + 1),
        object: 'inventory_movement',
        itemId: product.id,
        locationId: location.id,
        delta: onHand,
        reason: 'receipt',
        note: 'Opening stock',
        onHandAfter: onHand,
        createdAt: at,
      });
    }
  });
  const first = levels[0];
  const reservations: Reservation[] =
    first && first.reserved > 0
      ? [
          {
            id: fixtureId('res', time + 10 * HOUR, 1),
            object: 'reservation',
            itemId: first.itemId,
            locationId: location.id,
            quantity: 2,
            reference: 'cart_demo',
            expiresAt: null,
            createdAt: iso(time + 10 * HOUR),
          },
        ]
      : [];
  return {
    stockLocations: [location],
    inventoryLevels: levels,
    inventoryMovements: movements,
    reservations,
  };
}

// One key per agency, made by the operator the day after the agency.
function agencyKeysFor(agencies: Agency[]): MockAgencyKey[] {
  const brands = Object.keys(DEMO_BRANDS);
  return agencies.map((agency, i) => {
    const time = Date.parse(agency.createdAt) + 24 * HOUR;
    const secret = `ag_demo_${brands[i] ?? 'custom'}`;
    return {
      id: fixtureId('agk', time, i + 1),
      object: 'agency_key',
      agencyId: agency.id,
      name: 'Agency console',
      prefix: `${secret.slice(0, 9)}…`,
      createdBy: { type: 'operator', id: 'opk_mock', label: 'operator: demo (op_demo…)' },
      createdAt: iso(time),
      revokedAt: null,
      secret,
    };
  });
}

/** The API keys of `tenantId`: the caller's own list for its tenant, else the other tenants' records. */
export function keysOf(db: MockDb, tenantId: string): ApiKey[] {
  if (tenantId === db.tenant.id) return db.apiKeys;
  const keys = db.tenantKeys.get(tenantId) ?? [];
  db.tenantKeys.set(tenantId, keys);
  return keys;
}

/** The brand `GET /v1/platform/brand` answers for the caller's tenant. */
export function brandOf(db: MockDb): Brand {
  const agency = db.tenant.agencyId ? db.agencies.find((a) => a.id === db.tenant.agencyId) : undefined;
  return agency ? agency.brand : DEFAULT_BRAND;
}
