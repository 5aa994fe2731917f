import type { CartLineState, CartPricingState } from '@agentstack/sdk/contract';
import type {
  Address,
  ApiKeyCreator,
  ApiKeyType,
  Brand,
  FulfillmentStatus,
  Metadata,
  Money,
  MovementReason,
  OrderPaymentStatus,
  OrderStatus,
  OrderWorkflowStep,
  Payment,
  PaymentNextAction,
  ProductMedia,
  ProductOption,
  ProductStatus,
  ProductVariant,
  Refund,
  Role,
  Tenant,
  WebhookDeliveryStatus,
  WebhookEndpointStatus,
} from '@agentstack/sdk/schemas';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();
const updatedAt = () => ts('updated_at').notNull().defaultNow();

/** Agencies (resellers): own many tenants and a white-label brand. */
export const agencies = pgTable('agencies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  brand: jsonb('brand').$type<Brand>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Tenants: every other row belongs to one. */
export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  agencyId: text('agency_id').references(() => agencies.id),
  subscription: jsonb('subscription').$type<Tenant['subscription']>().notNull(),
  addons: jsonb('addons').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  limitOverrides: jsonb('limit_overrides')
    .$type<Tenant['limitOverrides']>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
  /** Bumped by every catalogue write; cached catalogue pages carry the version they were read at. */
  catalogVersion: bigint('catalog_version', { mode: 'number' }).notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Operator keys: the self-hoster's credential for tenants, agencies and plans. */
export const operatorKeys = pgTable('operator_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  secretHash: text('secret_hash').notNull().unique('operator_keys_secret_hash_key'),
  createdAt: createdAt(),
  revokedAt: ts('revoked_at'),
});

/** Tenant API keys (secret and publishable), stored hashed. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    type: text('type').$type<ApiKeyType>().notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull().unique('api_keys_secret_hash_key'),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    /** The role a secret key acts with; `null` for publishable keys. */
    role: text('role').$type<Role>(),
    /** Who created the key (`null` before creators were recorded). */
    createdBy: jsonb('created_by').$type<ApiKeyCreator>(),
  },
  (t) => [
    index('api_keys_tenant_idx').on(t.tenantId, t.id),
    check('api_keys_type_check', sql`type in ('secret', 'publishable')`),
    check(
      'api_keys_role_check',
      sql`role in ('owner', 'admin', 'support', 'compliance', 'moderator', 'viewer')`,
    ),
    check('api_keys_role_type_check', sql`(type = 'secret') = (role is not null)`),
  ],
);

/** Agency keys (`ag_…`): act on their agency's tenants only. Stored as hashes. */
export const agencyKeys = pgTable(
  'agency_keys',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull().unique('agency_keys_secret_hash_key'),
    /** Who created the key (an operator key), as labelled then. */
    createdBy: jsonb('created_by').$type<ApiKeyCreator>(),
    createdAt: createdAt(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('agency_keys_agency_idx').on(t.agencyId, t.id)],
);

/** Dashboard users of a tenant. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastLoginAt: ts('last_login_at'),
    /** A vendor's user: sees and acts on only that vendor's part of orders. */
    vendorId: text('vendor_id').references((): AnyPgColumn => vendors.id),
  },
  (t) => [
    uniqueIndex('users_tenant_email_idx').on(t.tenantId, t.email),
    index('users_email_idx').on(t.email),
    index('users_tenant_vendor_idx').on(t.tenantId, t.vendorId),
    check(
      'users_role_check',
      sql`role in ('owner', 'admin', 'support', 'compliance', 'moderator', 'viewer')`,
    ),
    // An owner holds the tenant's keys: never narrowed to one vendor.
    check('users_vendor_owner_check', sql`vendor_id is null or role <> 'owner'`),
  ],
);

/** Dashboard sessions, stored as token hashes. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  tenantId: text('tenant_id')
    .notNull()
    .references(() => tenants.id),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique('sessions_token_hash_key'),
  createdAt: createdAt(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
});

/** Invitations to become a dashboard user, redeemed once by their token (stored as its hash). */
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    tokenHash: text('token_hash').notNull().unique('invitations_token_hash_key'),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    revokedAt: ts('revoked_at'),
    /**
     * The vendor the invitee will work for. No foreign key: deleting a vendor revokes its pending
     * invitations, and accepting checks the vendor still exists.
     */
    vendorId: text('vendor_id'),
  },
  (t) => [
    index('invitations_tenant_idx').on(t.tenantId, t.id),
    check(
      'invitations_role_check',
      sql`role in ('owner', 'admin', 'support', 'compliance', 'moderator', 'viewer')`,
    ),
    check('invitations_vendor_owner_check', sql`vendor_id is null or role <> 'owner'`),
  ],
);

/** Sign-in attempts per hashed email, client address and pair of both (see the sessions limiter). */
export const signInLimits = pgTable(
  'sign_in_limits',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    windowEndsAt: ts('window_ends_at').notNull(),
    nextAttemptAt: ts('next_attempt_at'),
  },
  (t) => [index('sign_in_limits_window_idx').on(t.windowEndsAt)],
);

/** Stored responses of POSTs carrying an Idempotency-Key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state').notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    lockedUntil: ts('locked_until').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.scope, t.key] }),
    check('idempotency_keys_state_check', sql`state in ('in_progress', 'done')`),
  ],
);

/**
 * The outbox: state changes others must hear about, written in the same transaction. `seq` is
 * the tenant's gapless sequence, in commit order (see `events/outbox.ts`).
 */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    objectId: text('object_id').notNull(),
    data: jsonb('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('events_tenant_seq_idx').on(t.tenantId, t.seq),
    index('events_created_idx').on(t.createdAt),
  ],
);

/** Each tenant's last allocated event sequence; its row lock orders the tenant's event writers. */
export const eventHeads = pgTable('event_heads', {
  tenantId: text('tenant_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});

/** How far each event consumer has come through each tenant's events, and its retry state. */
export const eventCursors = pgTable(
  'event_cursors',
  {
    consumer: text('consumer').notNull(),
    tenantId: text('tenant_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ name: 'event_cursors_pkey', columns: [t.consumer, t.tenantId] })],
);

/** Commerce products. */
export const products = pgTable(
  'products',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sku: text('sku'),
    status: text('status').$type<ProductStatus>().notNull(),
    priceAmount: bigint('price_amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** Units available, derived from the inventory levels of the product and its variants (see `refreshStockFigures`). */
    inventoryQuantity: bigint('inventory_quantity', { mode: 'number' }).notNull().default(0),
    imageUrl: text('image_url'),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: ts('archived_at'),
    prices: jsonb('prices').$type<Money[]>().notNull().default(sql`'[]'::jsonb`),
    options: jsonb('options').$type<ProductOption[]>().notNull().default(sql`'[]'::jsonb`),
    /** The wire form of the product's variants, rewritten by every variant write (`product_variants` holds them). */
    variants: jsonb('variants').$type<ProductVariant[]>().notNull().default(sql`'[]'::jsonb`),
    media: jsonb('media').$type<ProductMedia[]>().notNull().default(sql`'[]'::jsonb`),
    categoryIds: jsonb('category_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    collectionIds: jsonb('collection_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    vendorId: text('vendor_id').references(() => vendors.id),
  },
  (t) => [
    index('products_tenant_id_idx').on(t.tenantId, t.id),
    index('products_tenant_status_idx').on(t.tenantId, t.status, t.id),
    uniqueIndex('products_tenant_sku_idx').on(t.tenantId, t.sku).where(sql`sku is not null`),
    // Keyset pages for every sort order of the list: (tenant, sort value, id).
    index('products_tenant_title_idx').on(t.tenantId, t.title, t.id),
    index('products_tenant_price_idx').on(t.tenantId, t.priceAmount, t.id),
    index('products_tenant_inventory_idx').on(t.tenantId, t.inventoryQuantity, t.id),
    index('products_tenant_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    check('products_status_check', sql`status in ('draft', 'active', 'archived')`),
    check('products_price_amount_check', sql`price_amount >= 0`),
    check('products_inventory_quantity_check', sql`inventory_quantity >= 0`),
  ],
);

/** Variants of commerce products: what stock, cart lines and order lines refer to. */
export const productVariants = pgTable(
  'product_variants',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    title: text('title').notNull(),
    sku: text('sku').notNull(),
    options: jsonb('options').$type<Record<string, string>>().notNull(),
    priceAmount: bigint('price_amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    prices: jsonb('prices').$type<Money[]>().notNull().default(sql`'[]'::jsonb`),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Units available, derived from the variant's inventory levels (see `refreshStockFigures`). */
    inventoryQuantity: bigint('inventory_quantity', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('product_variants_product_idx').on(t.tenantId, t.productId, t.id),
    uniqueIndex('product_variants_tenant_sku_idx').on(t.tenantId, t.sku),
    check('product_variants_price_amount_check', sql`price_amount >= 0`),
    check('product_variants_inventory_quantity_check', sql`inventory_quantity >= 0`),
  ],
);

/** The catalogue's category tree. */
export const productCategories = pgTable(
  'product_categories',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    parentId: text('parent_id'),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('product_categories_tenant_name_idx').on(t.tenantId, t.name, t.id),
    index('product_categories_parent_idx').on(t.tenantId, t.parentId),
  ],
);

/** Hand-picked groups of products. */
export const productCollections = pgTable(
  'product_collections',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('product_collections_tenant_title_idx').on(t.tenantId, t.title, t.id)],
);

/** Vendors of a multi-vendor catalogue. */
export const vendors = pgTable(
  'vendors',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('vendors_tenant_name_idx').on(t.tenantId, t.name, t.id)],
);

/** API calls per tenant per UTC day (`metering/apiCalls.ts` adds to it in batches). */
export const apiCalls = pgTable(
  'api_calls',
  {
    tenantId: text('tenant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    calls: bigint('calls', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'api_calls_pkey', columns: [t.tenantId, t.day] })],
);

/** Outgoing webhook endpoints; secrets sealed with the server key (`webhooks/secretBox.ts`). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    enabledEvents: jsonb('enabled_events').$type<string[]>().notNull(),
    status: text('status').$type<WebhookEndpointStatus>().notNull().default('enabled'),
    disabledReason: text('disabled_reason'),
    /** The signing secret, AES-256-GCM sealed (never in clear). */
    secretSealed: text('secret_sealed').notNull(),
    secretPrefix: text('secret_prefix').notNull(),
    /** The secret the last rotation replaced, sealed, while it still signs. */
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretExpiresAt: ts('previous_secret_expires_at'),
    /** Failed attempts in a row (any success resets it) and since when: the auto-disable rule. */
    failureStreak: integer('failure_streak').notNull().default(0),
    failingSince: ts('failing_since'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('webhook_endpoints_tenant_idx').on(t.tenantId, t.id),
    check('webhook_endpoints_status_check', sql`status in ('enabled', 'disabled')`),
  ],
);

/** One event to one endpoint: its signed body and where its sending stands. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The JSON body exactly as signed and sent, every attempt alike. */
    payload: text('payload').notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attemptCount: integer('attempt_count').notNull().default(0),
    /** When a pending delivery is due (while an attempt runs: when its lease ends). */
    nextAttemptAt: ts('next_attempt_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_event_idx').on(t.endpointId, t.eventId),
    index('webhook_deliveries_list_idx').on(t.tenantId, t.endpointId, t.id),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    check('webhook_deliveries_status_check', sql`status in ('pending', 'succeeded', 'failed')`),
  ],
);

/** Every attempt to send a delivery. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptedAt: ts('attempted_at').notNull().defaultNow(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.id)],
);

/** Where stock is kept (`/v1/commerce/stock-locations`). */
export const stockLocations = pgTable(
  'stock_locations',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('stock_locations_tenant_name_idx').on(t.tenantId, t.name, t.id)],
);

/** Stock of one item (variant or variant-less product) at one location: 0 <= reserved <= onHand. */
export const inventoryLevels = pgTable(
  'inventory_levels',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    locationId: text('location_id')
      .notNull()
      .references(() => stockLocations.id),
    itemId: text('item_id').notNull(),
    onHand: bigint('on_hand', { mode: 'number' }).notNull().default(0),
    reserved: bigint('reserved', { mode: 'number' }).notNull().default(0),
    lowStockThreshold: bigint('low_stock_threshold', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('inventory_levels_item_location_idx').on(t.tenantId, t.itemId, t.locationId),
    index('inventory_levels_tenant_location_idx').on(t.tenantId, t.locationId, t.id),
    check('inventory_levels_stock_check', sql`reserved >= 0 and reserved <= on_hand`),
  ],
);

/** Every change of stock, with its reason (history). */
export const inventoryMovements = pgTable(
  'inventory_movements',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    levelId: text('level_id')
      .notNull()
      .references(() => inventoryLevels.id),
    itemId: text('item_id').notNull(),
    locationId: text('location_id').notNull(),
    delta: bigint('delta', { mode: 'number' }).notNull(),
    reason: text('reason').$type<MovementReason>().notNull(),
    note: text('note'),
    onHandAfter: bigint('on_hand_after', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('inventory_movements_tenant_item_idx').on(t.tenantId, t.itemId, t.id),
    index('inventory_movements_tenant_location_idx').on(t.tenantId, t.locationId, t.id),
  ],
);

/** Stock held for a checkout until released, completed or expired. */
export const inventoryReservations = pgTable(
  'inventory_reservations',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    levelId: text('level_id')
      .notNull()
      .references(() => inventoryLevels.id),
    itemId: text('item_id').notNull(),
    locationId: text('location_id').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    reference: text('reference'),
    expiresAt: ts('expires_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('inventory_reservations_tenant_item_idx').on(t.tenantId, t.itemId, t.id),
    index('inventory_reservations_expires_idx').on(t.expiresAt).where(sql`expires_at is not null`),
    check('inventory_reservations_quantity_check', sql`quantity > 0`),
  ],
);

/** A tenant's custom order steps (`/v1/commerce/order-workflow`); no row means none. */
export const orderWorkflows = pgTable('order_workflows', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  steps: jsonb('steps').$type<OrderWorkflowStep[]>().notNull().default(sql`'[]'::jsonb`),
  updatedAt: updatedAt(),
});

/** A tenant's regions: a currency, the countries served, a tax rate. */
export const regions = pgTable(
  'regions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    countries: jsonb('countries').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    taxRateBps: integer('tax_rate_bps').notNull().default(0),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('regions_tenant_name_idx').on(t.tenantId, t.name, t.id),
    check('regions_tax_rate_check', sql`tax_rate_bps >= 0 and tax_rate_bps <= 10000`),
  ],
);

/** Shipping options of a region: a flat amount, free over a threshold. */
export const shippingOptions = pgTable(
  'shipping_options',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    freeOverAmount: bigint('free_over_amount', { mode: 'number' }),
    active: boolean('active').notNull().default(true),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('shipping_options_tenant_region_idx').on(t.tenantId, t.regionId, t.id),
    check(
      'shipping_options_amount_check',
      sql`amount >= 0 and (free_over_amount is null or free_over_amount >= 0)`,
    ),
  ],
);

/** Discount codes; `used_count` never passes `usage_limit`. */
export const discountCodes = pgTable(
  'discount_codes',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    type: text('type').$type<'percentage' | 'fixed'>().notNull(),
    percentOff: integer('percent_off'),
    amountOff: bigint('amount_off', { mode: 'number' }),
    currency: text('currency'),
    minimumSpend: bigint('minimum_spend', { mode: 'number' }),
    usageLimit: integer('usage_limit'),
    usageLimitPerCustomer: integer('usage_limit_per_customer'),
    usedCount: integer('used_count').notNull().default(0),
    startsAt: ts('starts_at'),
    endsAt: ts('ends_at'),
    active: boolean('active').notNull().default(true),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('discount_codes_tenant_code_idx').on(t.tenantId, t.code),
    check('discount_codes_type_check', sql`type in ('percentage', 'fixed')`),
    check(
      'discount_codes_usage_check',
      sql`used_count >= 0 and (usage_limit is null or used_count <= usage_limit)`,
    ),
  ],
);

/** Each redemption of a code (at checkout); a cart redeems a code at most once. */
export const discountRedemptions = pgTable(
  'discount_redemptions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    discountCodeId: text('discount_code_id')
      .notNull()
      .references(() => discountCodes.id),
    cartId: text('cart_id').notNull(),
    orderId: text('order_id'),
    customerKey: text('customer_key'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('discount_redemptions_code_cart_idx').on(t.discountCodeId, t.cartId)],
);

/** Redemptions of a code per customer (customer id, else e-mail), for per-customer limits. */
export const discountCustomerUsage = pgTable(
  'discount_customer_usage',
  {
    discountCodeId: text('discount_code_id')
      .notNull()
      .references(() => discountCodes.id),
    customerKey: text('customer_key').notNull(),
    usedCount: integer('used_count').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'discount_customer_usage_pkey', columns: [t.discountCodeId, t.customerKey] })],
);

/** Carts: lines as JSON, priced from the stored inputs. */
export const carts = pgTable(
  'carts',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    tokenHash: text('token_hash').notNull(),
    status: text('status').$type<'open' | 'completed'>().notNull().default('open'),
    currency: text('currency').notNull(),
    regionId: text('region_id'),
    customerId: text('customer_id'),
    email: text('email'),
    lines: jsonb('lines').$type<CartLineState[]>().notNull().default(sql`'[]'::jsonb`),
    shippingAddress: jsonb('shipping_address').$type<Address>(),
    shippingOptionId: text('shipping_option_id'),
    discountCodeId: text('discount_code_id'),
    pricing: jsonb('pricing').$type<CartPricingState>().notNull().default(sql`'{}'::jsonb`),
    total: bigint('total', { mode: 'number' }).notNull().default(0),
    orderId: text('order_id'),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: ts('completed_at'),
  },
  (t) => [
    index('carts_tenant_status_idx').on(t.tenantId, t.status, t.id),
    index('carts_tenant_customer_idx').on(t.tenantId, t.customerId, t.id),
    index('carts_open_updated_idx').on(t.updatedAt).where(sql`status = 'open'`),
    check('carts_status_check', sql`status in ('open', 'completed')`),
  ],
);

/** Shoppers' accounts, per tenant (not dashboard users): `modules/commerce/customers`. */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    email: text('email').notNull(),
    name: text('name'),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastLoginAt: ts('last_login_at'),
  },
  (t) => [uniqueIndex('customers_tenant_email_idx').on(t.tenantId, t.email)],
);

/** Sign-ups waiting for their emailed code; the account is created when it is redeemed. */
export const customerSignUps = pgTable(
  'customer_sign_ups',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    email: text('email').notNull(),
    name: text('name'),
    passwordHash: text('password_hash').notNull(),
    tokenHash: text('token_hash').notNull().unique('customer_sign_ups_token_hash_key'),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    index('customer_sign_ups_tenant_email_idx').on(t.tenantId, t.email),
    index('customer_sign_ups_expires_idx').on(t.expiresAt),
  ],
);

/** Customer sessions, stored as token hashes. */
export const customerSessions = pgTable(
  'customer_sessions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique('customer_sessions_token_hash_key'),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('customer_sessions_customer_idx').on(t.customerId)],
);

/** A customer's saved addresses; at most one is the default. */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    address: jsonb('address').$type<Address>().notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('customer_addresses_customer_idx').on(t.tenantId, t.customerId, t.id),
    uniqueIndex('customer_addresses_default_idx').on(t.customerId).where(sql`is_default`),
  ],
);

/** The last order number given per tenant (orders are numbered 1, 2, … per tenant). */
export const orderNumbers = pgTable('order_numbers', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  last: bigint('last', { mode: 'number' }).notNull(),
});

/** Orders (`/v1/commerce/orders`); amounts in minor units of `currency`. */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    number: bigint('number', { mode: 'number' }).notNull(),
    status: text('status').$type<OrderStatus>().notNull(),
    paymentStatus: text('payment_status').$type<OrderPaymentStatus>().notNull(),
    source: text('source').$type<'checkout' | 'manual'>().notNull(),
    cartId: text('cart_id'),
    customerId: text('customer_id'),
    email: text('email'),
    currency: text('currency').notNull(),
    subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
    discountTotal: bigint('discount_total', { mode: 'number' }).notNull(),
    shippingTotal: bigint('shipping_total', { mode: 'number' }).notNull(),
    taxTotal: bigint('tax_total', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    refundedTotal: bigint('refunded_total', { mode: 'number' }).notNull().default(0),
    discountCodeId: text('discount_code_id'),
    discountCode: text('discount_code'),
    shippingOptionId: text('shipping_option_id'),
    shippingAddress: jsonb('shipping_address').$type<Address>(),
    cancelReason: text('cancel_reason'),
    workflowStep: text('workflow_step'),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default(sql`'{}'::jsonb`),
    paidAt: ts('paid_at'),
    canceledAt: ts('canceled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('orders_tenant_number_idx').on(t.tenantId, t.number),
    uniqueIndex('orders_live_cart_idx')
      .on(t.tenantId, t.cartId)
      .where(sql`cart_id is not null and status <> 'canceled'`),
    index('orders_tenant_idx').on(t.tenantId, t.id),
    index('orders_tenant_status_idx').on(t.tenantId, t.status, t.id),
    index('orders_tenant_customer_idx').on(t.tenantId, t.customerId, t.id),
    check(
      'orders_status_check',
      sql`status in ('pending', 'paid', 'fulfilling', 'shipped', 'delivered', 'return_requested', 'returned', 'canceled', 'refunded')`,
    ),
    check(
      'orders_payment_status_check',
      sql`payment_status in ('unpaid', 'requires_action', 'paid', 'partially_refunded', 'refunded', 'failed', 'voided')`,
    ),
    check('orders_source_check', sql`source in ('checkout', 'manual')`),
    check('orders_refunded_check', sql`refunded_total >= 0 and refunded_total <= total`),
  ],
);

/** The lines of an order, priced when it was placed. */
export const orderItems = pgTable(
  'order_items',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    productId: text('product_id').notNull(),
    variantId: text('variant_id'),
    itemId: text('item_id').notNull(),
    sku: text('sku'),
    title: text('title').notNull(),
    variantTitle: text('variant_title'),
    vendorId: text('vendor_id'),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    returnedQuantity: bigint('returned_quantity', { mode: 'number' }).notNull().default(0),
    returnRequestedQuantity: bigint('return_requested_quantity', { mode: 'number' }).notNull().default(0),
    unitAmount: bigint('unit_amount', { mode: 'number' }).notNull(),
    subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    /** The stock reservation held until the order is paid or canceled. */
    reservationId: text('reservation_id'),
    locationId: text('location_id'),
    position: integer('position').notNull(),
  },
  (t) => [
    index('order_items_order_idx').on(t.orderId, t.position),
    index('order_items_tenant_vendor_idx').on(t.tenantId, t.vendorId, t.orderId),
    check(
      'order_items_quantity_check',
      sql`quantity > 0 and returned_quantity >= 0 and returned_quantity <= quantity and return_requested_quantity >= 0 and return_requested_quantity <= quantity`,
    ),
  ],
);

/** Payments of orders through a provider; the card is kept as brand and last four digits only. */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    provider: text('provider').notNull(),
    status: text('status').$type<Payment['status']>().notNull(),
    currency: text('currency').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    captured: bigint('captured', { mode: 'number' }).notNull().default(0),
    refunded: bigint('refunded', { mode: 'number' }).notNull().default(0),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    nextAction: jsonb('next_action').$type<PaymentNextAction>(),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    providerReference: text('provider_reference'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('payments_order_idx').on(t.orderId, t.id),
    index('payments_provider_reference_idx').on(t.provider, t.providerReference),
    check(
      'payments_status_check',
      sql`status in ('pending', 'requires_action', 'succeeded', 'failed', 'canceled')`,
    ),
    check(
      'payments_amounts_check',
      sql`captured >= 0 and captured <= amount and refunded >= 0 and refunded <= captured`,
    ),
  ],
);

/** Refunds of payments. */
export const refunds = pgTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    currency: text('currency').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    status: text('status').$type<Refund['status']>().notNull(),
    reason: text('reason'),
    note: text('note'),
    failureCode: text('failure_code'),
    providerReference: text('provider_reference'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('refunds_order_idx').on(t.orderId, t.id),
    check('refunds_status_check', sql`status in ('pending', 'succeeded', 'failed')`),
    check('refunds_amount_check', sql`amount > 0`),
  ],
);

/** Fulfilments: one per vendor of an order (`vendor_key` is the vendor id, `''` for the store). */
export const fulfillments = pgTable(
  'fulfillments',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    vendorKey: text('vendor_key').notNull(),
    vendorId: text('vendor_id'),
    status: text('status').$type<FulfillmentStatus>().notNull(),
    items: jsonb('items').$type<Array<{ orderItemId: string; quantity: number }>>().notNull(),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    trackingUrl: text('tracking_url'),
    shippedAt: ts('shipped_at'),
    deliveredAt: ts('delivered_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('fulfillments_order_vendor_idx').on(t.orderId, t.vendorKey),
    index('fulfillments_tenant_vendor_idx').on(t.tenantId, t.vendorId, t.id),
    check('fulfillments_status_check', sql`status in ('pending', 'shipped', 'delivered', 'canceled')`),
  ],
);

/** The timeline of an order: every event on it, oldest first. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: text('id').primaryKey(),
    /** Timeline order: ids made in the same millisecond do not sort by creation. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    type: text('type').notNull(),
    message: text('message').notNull(),
    actor: text('actor').notNull(),
    objectId: text('object_id'),
    /** The vendor whose part the event concerns, if one: a vendor's user sees only theirs. */
    vendorId: text('vendor_id'),
    createdAt: createdAt(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.seq)],
);

/** A tenant's Stripe account: its secrets sealed under the server key (`modules/commerce/stripe`). */
export const stripeAccounts = pgTable('stripe_accounts', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  secretKeySealed: text('secret_key_sealed').notNull(),
  secretKeyHint: text('secret_key_hint').notNull(),
  livemode: boolean('livemode').notNull(),
  webhookSecretSealed: text('webhook_secret_sealed').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Stripe events applied per tenant: a replayed event finds its row and changes nothing. */
export const stripeEvents = pgTable(
  'stripe_events',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'stripe_events_pkey', columns: [t.tenantId, t.eventId] })],
);
