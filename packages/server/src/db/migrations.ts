/**
 * The one ordered list of migrations, run on PGlite and PostgreSQL alike. Append only: a
 * migration that has shipped is never edited. `schema.ts` describes the result for queries, and
 * `schema.test.ts` proves the two agree (it compares them with what drizzle-kit makes of schema.ts).
 */
export const MIGRATIONS: ReadonlyArray<{ id: string; sql: string }> = [
  {
    id: '0001_foundation',
    sql: /* sql */ `
create table agencies (
  id text primary key,
  name text not null,
  brand jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create table tenants (
  id text primary key,
  name text not null,
  agency_id text references agencies(id),
  subscription jsonb not null,
  addons jsonb not null default '[]'::jsonb,
  limit_overrides jsonb not null default '{}'::jsonb,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create table operator_keys (
  id text primary key,
  name text not null,
  prefix text not null,
  secret_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create table api_keys (
  id text primary key,
  tenant_id text not null references tenants(id),
  type text not null check (type in ('secret', 'publishable')),
  name text not null,
  prefix text not null,
  secret_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_tenant_idx on api_keys (tenant_id, id);
create table users (
  id text primary key,
  tenant_id text not null references tenants(id),
  email text not null,
  name text not null,
  role text not null check (role in ('owner', 'admin', 'support', 'compliance', 'moderator', 'viewer')),
  password_hash text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index users_tenant_email_idx on users (tenant_id, email);
create index users_email_idx on users (email);
create table sessions (
  id text primary key,
  tenant_id text not null references tenants(id),
  user_id text not null references users(id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create table idempotency_keys (
  scope text not null,
  key text not null,
  request_hash text not null,
  state text not null check (state in ('in_progress', 'done')),
  response_status integer,
  response_body text,
  locked_until timestamptz not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create table events (
  id text primary key,
  tenant_id text not null,
  type text not null,
  object_id text not null,
  data jsonb not null,
  created_at timestamptz not null default now(),
  dispatched_at timestamptz
);
create index events_undispatched_idx on events (created_at) where dispatched_at is null;
create table products (
  id text primary key,
  tenant_id text not null references tenants(id),
  title text not null,
  description text not null default '',
  sku text,
  status text not null check (status in ('draft', 'active', 'archived')),
  price_amount bigint not null check (price_amount >= 0),
  currency text not null,
  inventory_quantity integer not null default 0 check (inventory_quantity >= 0),
  image_url text,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz
);
create index products_tenant_id_idx on products (tenant_id, id);
create index products_tenant_status_idx on products (tenant_id, status, id);
create unique index products_tenant_sku_idx on products (tenant_id, sku) where sku is not null;
`,
  },
  {
    id: '0002_catalog_version',
    // Bumped in the transaction of every catalogue write: readers compare it to serve cached pages.
    sql: 'alter table tenants add column catalog_version bigint not null default 0;',
  },
  {
    id: '0003_product_sort_indexes',
    // Keyset pages for every sort order of the product list: (tenant, sort value, id).
    sql: `
create index products_tenant_title_idx on products (tenant_id, title, id);
create index products_tenant_price_idx on products (tenant_id, price_amount, id);
create index products_tenant_inventory_idx on products (tenant_id, inventory_quantity, id);
create index products_tenant_updated_idx on products (tenant_id, updated_at, id);
`,
  },
  {
    id: '0004_idempotency_bound_to_credential',
    // Stored replies are now scoped to the credential and sealed under a key derived from it.
    // Rows written before were scoped to the tenant and held replies in clear (a new key's
    // secret, a session token): they are dropped rather than kept readable for their last hours.
    sql: 'delete from idempotency_keys;',
  },
  {
    id: '0005_sign_in_limits',
    // Sign-in attempts counted in the database, so every instance shares the limits. Keys are
    // hashes of the email, the client address or both.
    sql: `
create table sign_in_limits (
  key text primary key,
  failures integer not null,
  window_ends_at timestamptz not null,
  next_attempt_at timestamptz
);
create index sign_in_limits_window_idx on sign_in_limits (window_ends_at);
`,
  },
  {
    id: '0006_api_key_roles',
    // A secret key acts with a role no higher than its creator's, and records who created it.
    // Keys made before acted as owners: they keep that role.
    sql: `
alter table api_keys add column role text;
update api_keys set role = 'owner' where type = 'secret';
alter table api_keys add constraint api_keys_role_check
  check (role in ('owner', 'admin', 'support', 'compliance', 'moderator', 'viewer'));
alter table api_keys add constraint api_keys_role_type_check check ((type = 'secret') = (role is not null));
alter table api_keys add column created_by jsonb;
`,
  },
  {
    id: '0007_invitations',
    // Invitations to become a dashboard user, redeemed once by their token (stored as a SHA-256
    // hash, like API keys). Accepted, revoked and expired ones stay for the record.
    sql: `
create table invitations (
  id text primary key,
  tenant_id text not null references tenants(id),
  email text not null,
  name text not null,
  role text not null check (role in ('owner', 'admin', 'support', 'compliance', 'moderator', 'viewer')),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz
);
create index invitations_tenant_idx on invitations (tenant_id, id);
`,
  },
  {
    id: '0008_agency_keys',
    // Agency keys (`ag_…`), made by an operator: act on their agency's tenants only. Stored by hash.
    sql: `
create table agency_keys (
  id text primary key,
  agency_id text not null references agencies(id),
  name text not null,
  prefix text not null,
  secret_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
`,
  },
  {
    id: '0009_event_streams',
    // Each tenant's events get a gapless sequence allocated under a per-tenant row lock, so their
    // order is commit order; consumers (event handlers) keep a cursor per tenant.
    sql: `
alter table events add column seq bigint;
update events e set seq = n.rn
  from (select id, row_number() over (partition by tenant_id order by created_at, id) as rn from events) n
  where n.id = e.id;
alter table events alter column seq set not null;
create unique index events_tenant_seq_idx on events (tenant_id, seq);
create index events_created_idx on events (created_at);
drop index events_undispatched_idx;
alter table events drop column dispatched_at;
create table event_heads (
  tenant_id text primary key,
  seq bigint not null
);
insert into event_heads (tenant_id, seq) select tenant_id, max(seq) from events group by tenant_id;
create table event_cursors (
  consumer text not null,
  tenant_id text not null,
  seq bigint not null default 0,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  primary key (consumer, tenant_id)
);
`,
  },
  {
    id: '0010_agency_key_creators',
    // Agency keys record who created them (an operator key), shown where they are listed.
    sql: `
alter table agency_keys add column created_by jsonb;
create index agency_keys_agency_idx on agency_keys (agency_id, id);
`,
  },
  {
    id: '0011_catalogue',
    // Variants, prices per currency, option axes, ordered media, categories, collections and
    // vendors. A product keeps its variants' wire form in `variants` (rewritten by each variant
    // write) so list pages stay one read of one table.
    sql: `
create table vendors (
  id text primary key,
  tenant_id text not null references tenants(id),
  name text not null,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index vendors_tenant_name_idx on vendors (tenant_id, name, id);
create table product_categories (
  id text primary key,
  tenant_id text not null references tenants(id),
  name text not null,
  description text not null default '',
  parent_id text,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index product_categories_tenant_name_idx on product_categories (tenant_id, name, id);
create index product_categories_parent_idx on product_categories (tenant_id, parent_id);
create table product_collections (
  id text primary key,
  tenant_id text not null references tenants(id),
  title text not null,
  description text not null default '',
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index product_collections_tenant_title_idx on product_collections (tenant_id, title, id);
alter table products add column prices jsonb not null default '[]'::jsonb;
alter table products add column options jsonb not null default '[]'::jsonb;
alter table products add column variants jsonb not null default '[]'::jsonb;
alter table products add column media jsonb not null default '[]'::jsonb;
alter table products add column category_ids jsonb not null default '[]'::jsonb;
alter table products add column collection_ids jsonb not null default '[]'::jsonb;
alter table products add column vendor_id text references vendors(id);
create table product_variants (
  id text primary key,
  tenant_id text not null references tenants(id),
  product_id text not null references products(id),
  title text not null,
  sku text not null,
  options jsonb not null,
  price_amount bigint not null check (price_amount >= 0),
  currency text not null,
  prices jsonb not null default '[]'::jsonb,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index product_variants_product_idx on product_variants (tenant_id, product_id, id);
create unique index product_variants_tenant_sku_idx on product_variants (tenant_id, sku);
`,
  },
  {
    id: '0012_api_calls',
    // API calls per tenant per UTC day, added to by the metering flush (one upsert per batch). No
    // foreign key: a flush must never fail for a tenant removed since its calls were counted.
    sql: `
create table api_calls (
  tenant_id text not null,
  day date not null,
  calls bigint not null,
  constraint api_calls_pkey primary key (tenant_id, day)
);
`,
  },
  {
    id: '0013_webhooks',
    // Outgoing webhooks: endpoints (secrets sealed with the server key), one delivery per event and
    // endpoint (the unique pair makes the fan-out handler idempotent), and every attempt.
    sql: `
create table webhook_endpoints (
  id text primary key,
  tenant_id text not null references tenants(id),
  url text not null,
  description text not null default '',
  enabled_events jsonb not null,
  status text not null default 'enabled' check (status in ('enabled', 'disabled')),
  disabled_reason text,
  secret_sealed text not null,
  secret_prefix text not null,
  previous_secret_sealed text,
  previous_secret_expires_at timestamptz,
  failure_streak integer not null default 0,
  failing_since timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_endpoints_tenant_idx on webhook_endpoints (tenant_id, id);
create table webhook_deliveries (
  id text primary key,
  tenant_id text not null references tenants(id),
  endpoint_id text not null references webhook_endpoints(id) on delete cascade,
  event_id text not null,
  event_type text not null,
  payload text not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  attempt_count integer not null default 0,
  next_attempt_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index webhook_deliveries_endpoint_event_idx on webhook_deliveries (endpoint_id, event_id);
create index webhook_deliveries_list_idx on webhook_deliveries (tenant_id, endpoint_id, id);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create table webhook_attempts (
  id text primary key,
  tenant_id text not null,
  delivery_id text not null references webhook_deliveries(id) on delete cascade,
  attempted_at timestamptz not null default now(),
  status_code integer,
  duration_ms integer not null,
  response_excerpt text,
  error text,
  succeeded boolean not null
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, id);
`,
  },
  {
    id: '0015_inventory',
    // Stock per item (a variant, or a product sold without variants) per location. The checks
    // hold 0 <= reserved <= on_hand in the database itself: a reservation or a removal that would
    // break them changes no row, so concurrent checkouts cannot oversell whatever the code does.
    sql: `
create table stock_locations (
  id text primary key,
  tenant_id text not null references tenants(id),
  name text not null,
  active boolean not null default true,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index stock_locations_tenant_name_idx on stock_locations (tenant_id, name, id);
create table inventory_levels (
  id text primary key,
  tenant_id text not null references tenants(id),
  location_id text not null references stock_locations(id),
  item_id text not null,
  on_hand bigint not null default 0,
  reserved bigint not null default 0,
  low_stock_threshold bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint inventory_levels_stock_check check (reserved >= 0 and reserved <= on_hand)
);
create unique index inventory_levels_item_location_idx on inventory_levels (tenant_id, item_id, location_id);
create index inventory_levels_tenant_location_idx on inventory_levels (tenant_id, location_id, id);
create table inventory_movements (
  id text primary key,
  tenant_id text not null references tenants(id),
  level_id text not null references inventory_levels(id),
  item_id text not null,
  location_id text not null,
  delta bigint not null,
  reason text not null,
  note text,
  on_hand_after bigint not null,
  created_at timestamptz not null default now()
);
create index inventory_movements_tenant_item_idx on inventory_movements (tenant_id, item_id, id);
create index inventory_movements_tenant_location_idx on inventory_movements (tenant_id, location_id, id);
create table inventory_reservations (
  id text primary key,
  tenant_id text not null references tenants(id),
  level_id text not null references inventory_levels(id),
  item_id text not null,
  location_id text not null,
  quantity bigint not null,
  reference text,
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  constraint inventory_reservations_quantity_check check (quantity > 0)
);
create index inventory_reservations_tenant_item_idx on inventory_reservations (tenant_id, item_id, id);
create index inventory_reservations_expires_idx on inventory_reservations (expires_at) where expires_at is not null;
`,
  },
  {
    id: '0016_customers',
    // Shoppers' accounts (distinct from dashboard users). A sign-up waits in customer_sign_ups
    // until its emailed code is redeemed, so the answer of a sign-up never says whether the
    // address already has an account. Tokens are stored as SHA-256 hashes, passwords as scrypt.
    sql: `
create table customers (
  id text primary key,
  tenant_id text not null references tenants(id),
  email text not null,
  name text,
  phone text,
  password_hash text not null,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index customers_tenant_email_idx on customers (tenant_id, email);
create table customer_sign_ups (
  id text primary key,
  tenant_id text not null references tenants(id),
  email text not null,
  name text,
  password_hash text not null,
  token_hash text not null constraint customer_sign_ups_token_hash_key unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index customer_sign_ups_tenant_email_idx on customer_sign_ups (tenant_id, email);
create index customer_sign_ups_expires_idx on customer_sign_ups (expires_at);
create table customer_sessions (
  id text primary key,
  tenant_id text not null references tenants(id),
  customer_id text not null references customers(id) on delete cascade,
  token_hash text not null constraint customer_sessions_token_hash_key unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index customer_sessions_customer_idx on customer_sessions (customer_id);
create table customer_addresses (
  id text primary key,
  tenant_id text not null references tenants(id),
  customer_id text not null references customers(id) on delete cascade,
  address jsonb not null,
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index customer_addresses_customer_idx on customer_addresses (tenant_id, customer_id, id);
create unique index customer_addresses_default_idx on customer_addresses (customer_id) where is_default;
`,
  },
  {
    id: '0017_carts',
    // Carts and what prices them: regions (currency, countries, tax rate), shipping options,
    // discount codes with their usage. A cart keeps its lines as JSON (one row read per call) and
    // the inputs of its price (tax rate, discount, shipping) as of its last change, so reading it
    // is one row; checkout reprices it from the catalogue under a row lock. `used_count` never
    // passes `usage_limit` (the check), and a cart redeems a code at most once (the unique index).
    sql: `
create table regions (
  id text primary key,
  tenant_id text not null references tenants(id),
  name text not null,
  currency text not null,
  countries jsonb not null default '[]'::jsonb,
  tax_rate_bps integer not null default 0,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint regions_tax_rate_check check (tax_rate_bps >= 0 and tax_rate_bps <= 10000)
);
create index regions_tenant_name_idx on regions (tenant_id, name, id);
create table shipping_options (
  id text primary key,
  tenant_id text not null references tenants(id),
  region_id text not null references regions(id),
  name text not null,
  amount bigint not null,
  free_over_amount bigint,
  active boolean not null default true,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint shipping_options_amount_check check (amount >= 0 and (free_over_amount is null or free_over_amount >= 0))
);
create index shipping_options_tenant_region_idx on shipping_options (tenant_id, region_id, id);
create table discount_codes (
  id text primary key,
  tenant_id text not null references tenants(id),
  code text not null,
  type text not null,
  percent_off integer,
  amount_off bigint,
  currency text,
  minimum_spend bigint,
  usage_limit integer,
  usage_limit_per_customer integer,
  used_count integer not null default 0,
  starts_at timestamptz,
  ends_at timestamptz,
  active boolean not null default true,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint discount_codes_type_check check (type in ('percentage', 'fixed')),
  constraint discount_codes_usage_check check (used_count >= 0 and (usage_limit is null or used_count <= usage_limit))
);
create unique index discount_codes_tenant_code_idx on discount_codes (tenant_id, code);
create table discount_redemptions (
  id text primary key,
  tenant_id text not null references tenants(id),
  discount_code_id text not null references discount_codes(id),
  cart_id text not null,
  order_id text,
  customer_key text,
  created_at timestamptz not null default now()
);
create unique index discount_redemptions_code_cart_idx on discount_redemptions (discount_code_id, cart_id);
create table discount_customer_usage (
  discount_code_id text not null references discount_codes(id),
  customer_key text not null,
  used_count integer not null default 0,
  primary key (discount_code_id, customer_key)
);
create table carts (
  id text primary key,
  tenant_id text not null references tenants(id),
  token_hash text not null,
  status text not null default 'open',
  currency text not null,
  region_id text,
  customer_id text,
  email text,
  lines jsonb not null default '[]'::jsonb,
  shipping_address jsonb,
  shipping_option_id text,
  discount_code_id text,
  pricing jsonb not null default '{}'::jsonb,
  total bigint not null default 0,
  order_id text,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  constraint carts_status_check check (status in ('open', 'completed'))
);
create index carts_tenant_status_idx on carts (tenant_id, status, id);
create index carts_tenant_customer_idx on carts (tenant_id, customer_id, id);
`,
  },
  {
    id: '0018_orders',
    // Orders and what happens to them. Amounts are minor units of the order's currency. The
    // checks hold the money rules in the database itself: a payment never refunds more than it
    // captured, so concurrent refunds cannot over-refund whatever the code does. One live order
    // per cart (the partial unique index) makes a checkout completed twice make one order. A
    // dashboard user may be bound to a vendor: they see only that vendor's part of an order.
    sql: `
create table order_numbers (
  tenant_id text primary key references tenants(id),
  last bigint not null
);
create table orders (
  id text primary key,
  tenant_id text not null references tenants(id),
  number bigint not null,
  status text not null check (status in ('pending', 'paid', 'fulfilling', 'shipped', 'delivered', 'return_requested', 'returned', 'canceled', 'refunded')),
  payment_status text not null check (payment_status in ('unpaid', 'requires_action', 'paid', 'partially_refunded', 'refunded', 'failed', 'voided')),
  source text not null check (source in ('checkout', 'manual')),
  cart_id text,
  customer_id text,
  email text,
  currency text not null,
  subtotal bigint not null,
  discount_total bigint not null,
  shipping_total bigint not null,
  tax_total bigint not null,
  total bigint not null,
  refunded_total bigint not null default 0,
  discount_code_id text,
  discount_code text,
  shipping_option_id text,
  shipping_address jsonb,
  cancel_reason text,
  metadata jsonb not null default '{}'::jsonb,
  paid_at timestamptz,
  canceled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint orders_refunded_check check (refunded_total >= 0 and refunded_total <= total)
);
create unique index orders_tenant_number_idx on orders (tenant_id, number);
create unique index orders_live_cart_idx on orders (tenant_id, cart_id) where cart_id is not null and status <> 'canceled';
create index orders_tenant_idx on orders (tenant_id, id);
create index orders_tenant_status_idx on orders (tenant_id, status, id);
create index orders_tenant_customer_idx on orders (tenant_id, customer_id, id);
create table order_items (
  id text primary key,
  tenant_id text not null references tenants(id),
  order_id text not null references orders(id),
  product_id text not null,
  variant_id text,
  item_id text not null,
  sku text,
  title text not null,
  variant_title text,
  vendor_id text,
  quantity bigint not null,
  returned_quantity bigint not null default 0,
  return_requested_quantity bigint not null default 0,
  unit_amount bigint not null,
  subtotal bigint not null,
  discount bigint not null,
  tax bigint not null,
  total bigint not null,
  reservation_id text,
  location_id text,
  position integer not null,
  constraint order_items_quantity_check check (quantity > 0 and returned_quantity >= 0 and returned_quantity <= quantity and return_requested_quantity >= 0 and return_requested_quantity <= quantity)
);
create index order_items_order_idx on order_items (order_id, position);
create index order_items_tenant_vendor_idx on order_items (tenant_id, vendor_id, order_id);
create table payments (
  id text primary key,
  tenant_id text not null references tenants(id),
  order_id text not null references orders(id),
  provider text not null,
  status text not null check (status in ('pending', 'requires_action', 'succeeded', 'failed', 'canceled')),
  currency text not null,
  amount bigint not null,
  captured bigint not null default 0,
  refunded bigint not null default 0,
  card_brand text,
  card_last4 text,
  next_action jsonb,
  failure_code text,
  failure_message text,
  provider_reference text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payments_amounts_check check (captured >= 0 and captured <= amount and refunded >= 0 and refunded <= captured)
);
create index payments_order_idx on payments (order_id, id);
create index payments_provider_reference_idx on payments (provider, provider_reference);
create table refunds (
  id text primary key,
  tenant_id text not null references tenants(id),
  order_id text not null references orders(id),
  payment_id text not null references payments(id),
  currency text not null,
  amount bigint not null,
  status text not null check (status in ('pending', 'succeeded', 'failed')),
  reason text,
  note text,
  failure_code text,
  provider_reference text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint refunds_amount_check check (amount > 0)
);
create index refunds_order_idx on refunds (order_id, id);
create table fulfillments (
  id text primary key,
  tenant_id text not null references tenants(id),
  order_id text not null references orders(id),
  vendor_key text not null,
  vendor_id text,
  status text not null check (status in ('pending', 'shipped', 'delivered', 'canceled')),
  items jsonb not null,
  carrier text,
  tracking_number text,
  tracking_url text,
  shipped_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index fulfillments_order_vendor_idx on fulfillments (order_id, vendor_key);
create index fulfillments_tenant_vendor_idx on fulfillments (tenant_id, vendor_id, id);
create table order_events (
  id text primary key,
  seq bigserial not null,
  tenant_id text not null references tenants(id),
  order_id text not null references orders(id),
  type text not null,
  message text not null,
  actor text not null,
  object_id text,
  vendor_id text,
  created_at timestamptz not null default now()
);
create index order_events_order_idx on order_events (order_id, seq);
alter table users add column vendor_id text references vendors(id);
`,
  },
  {
    id: '0019_stripe',
    // A tenant's Stripe account (payment-gateway add-on): its secret key and webhook signing
    // secret sealed under the server key (AES-256-GCM, bound to the tenant), a hint of the key to
    // show; and the Stripe events applied, so a replayed event changes nothing.
    sql: `
create table stripe_accounts (
  tenant_id text primary key references tenants(id),
  secret_key_sealed text not null,
  secret_key_hint text not null,
  livemode boolean not null,
  webhook_secret_sealed text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create table stripe_events (
  tenant_id text not null references tenants(id),
  event_id text not null,
  type text not null,
  received_at timestamptz not null default now(),
  primary key (tenant_id, event_id)
);
`,
  },
  {
    id: '0020_stock_figures',
    // A product's and a variant's `inventory_quantity` become figures derived from the inventory
    // levels (on hand less reserved, over every location; a product's includes its variants'),
    // kept by every stock change in its transaction. A product's former figure, where nothing of
    // it is stocked yet, is received into the tenant's default location first, so no stock is lost.
    sql: `
create function pg_temp.new_id(prefix text) returns text language sql volatile as $$
  select prefix || '_' ||
    (select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ',
       ((floor(extract(epoch from clock_timestamp()) * 1000)::bigint >> (5 * (9 - i))) & 31)::int + 1, 1), '' order by i)
     from generate_series(0, 9) i) ||
    (select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', floor(random() * 32)::int + 1, 1), '')
     from generate_series(1, 16))
$$;
alter table products alter column inventory_quantity type bigint;
alter table product_variants add column inventory_quantity bigint not null default 0 check (inventory_quantity >= 0);
create temporary table unstocked on commit drop as
  select p.id, p.tenant_id, p.inventory_quantity from products p
  where p.inventory_quantity > 0 and not exists (
    select 1 from inventory_levels l where l.tenant_id = p.tenant_id and (l.item_id = p.id
      or l.item_id in (select v.id from product_variants v where v.tenant_id = p.tenant_id and v.product_id = p.id)));
insert into stock_locations (id, tenant_id, name)
  select pg_temp.new_id('sloc'), t.tenant_id, 'Default location' from (select distinct tenant_id from unstocked) t
  where not exists (select 1 from stock_locations s where s.tenant_id = t.tenant_id and s.active);
insert into inventory_levels (id, tenant_id, location_id, item_id, on_hand)
  select pg_temp.new_id('ilvl'), u.tenant_id,
    (select s.id from stock_locations s where s.tenant_id = u.tenant_id and s.active order by s.id limit 1),
    u.id, u.inventory_quantity
  from unstocked u;
insert into inventory_movements (id, tenant_id, level_id, item_id, location_id, delta, reason, note, on_hand_after)
  select pg_temp.new_id('imov'), l.tenant_id, l.id, l.item_id, l.location_id, l.on_hand, 'receipt',
    'Stock recorded on the product before inventory levels', l.on_hand
  from inventory_levels l join unstocked u on u.tenant_id = l.tenant_id and u.id = l.item_id;
update product_variants v set inventory_quantity = coalesce((select sum(l.on_hand - l.reserved)
  from inventory_levels l where l.tenant_id = v.tenant_id and l.item_id = v.id), 0);
update products p set
  inventory_quantity = coalesce((select sum(l.on_hand - l.reserved) from inventory_levels l
    where l.tenant_id = p.tenant_id and (l.item_id = p.id
      or l.item_id in (select v.id from product_variants v where v.tenant_id = p.tenant_id and v.product_id = p.id))), 0),
  variants = coalesce((select jsonb_agg(e || jsonb_build_object('inventoryQuantity', coalesce(
      (select v.inventory_quantity from product_variants v where v.tenant_id = p.tenant_id and v.id = e->>'id'), 0))
    order by i) from jsonb_array_elements(p.variants) with ordinality x(e, i)), '[]'::jsonb);
`,
  },
  {
    id: '0021_order_workflow',
    // Enterprise tenants' custom order steps (plan feature commerce.customWorkflows): one row per
    // tenant that ever set them; no row means no steps.
    sql: `
create table order_workflows (
  tenant_id text primary key references tenants(id),
  steps jsonb not null default '[]'::jsonb,
  updated_at timestamptz not null default now()
);
`,
  },
  {
    id: '0022_order_workflow_step',
    // The custom workflow step a fulfilling order reached (Enterprise); null before the first.
    sql: `
alter table orders add column workflow_step text;
`,
  },
  {
    id: '0023_vendor_users',
    // Vendors' users: an invitation may bind its invitee to a vendor, an owner is never bound to
    // one, and a vendor's users are found by vendor (deleting a vendor refuses while it has some).
    sql: `
alter table invitations add column vendor_id text;
alter table invitations add constraint invitations_vendor_owner_check check (vendor_id is null or role <> 'owner');
alter table users add constraint users_vendor_owner_check check (vendor_id is null or role <> 'owner');
create index users_tenant_vendor_idx on users (tenant_id, vendor_id);
`,
  },
  {
    id: '0024_stale_carts',
    // Open carts by their last change: the stale-cart cleanup finds the abandoned ones without
    // reading every cart (completed carts stay, with their orders).
    sql: `
create index carts_open_updated_idx on carts (updated_at) where status = 'open';
`,
  },
];
