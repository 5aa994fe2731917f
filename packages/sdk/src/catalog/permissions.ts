/**
 * Permissions: what each credential kind and dashboard role may do. One table for the server
 * (which enforces it), the mocks (which imitate it) and the React kit (which hides what a role
 * cannot do).
 */
import { ProblemError } from '../contract/problem';
import type { Role } from '../schemas/platform/user';

/** Everything a route can require. */
export const PERMISSIONS = [
  'operator',
  'agency:tenants',
  'agency:manage',
  'platform:read',
  'platform:me:read',
  'platform:brand:read',
  'platform:plans:read',
  'platform:users:read',
  'platform:users:write',
  'platform:keys:read',
  'platform:keys:write',
  'platform:webhooks:read',
  'platform:webhooks:write',
  'platform:outbox:read',
  'commerce:products:read',
  'commerce:products:write',
  'commerce:inventory:read',
  'commerce:inventory:write',
  'commerce:orders:read',
  'commerce:orders:write',
  'commerce:carts:read',
  'commerce:carts:write',
  'commerce:carts:list',
  'commerce:customers:read',
  'commerce:customers:write',
  'commerce:customers:auth',
  'commerce:customers:self',
  'commerce:payments:manage',
  'commerce:pricing:read',
  'commerce:pricing:write',
  'commerce:discounts:read',
] as const;
/** A permission a route requires. */
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = [
  'platform:read',
  'platform:me:read',
  'platform:brand:read',
  'platform:plans:read',
];

/** What each dashboard role may do. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: [
    ...READ_ALL,
    'platform:users:read',
    'platform:users:write',
    'platform:keys:read',
    'platform:keys:write',
    'platform:webhooks:read',
    'platform:webhooks:write',
    // The development outbox holds invitation links, which can grant any role: owners only.
    'platform:outbox:read',
    'commerce:products:read',
    'commerce:products:write',
    'commerce:inventory:read',
    'commerce:inventory:write',
    'commerce:orders:read',
    'commerce:orders:write',
    'commerce:carts:read',
    'commerce:carts:write',
    'commerce:carts:list',
    'commerce:customers:read',
    'commerce:customers:write',
    // Payment provider credentials (Stripe keys): owners and admins.
    'commerce:payments:manage',
    'commerce:pricing:read',
    'commerce:pricing:write',
    'commerce:discounts:read',
  ],
  admin: [
    ...READ_ALL,
    'platform:users:read',
    'platform:users:write',
    'platform:keys:read',
    'platform:keys:write',
    'platform:webhooks:read',
    'platform:webhooks:write',
    'commerce:products:read',
    'commerce:products:write',
    'commerce:inventory:read',
    'commerce:inventory:write',
    'commerce:orders:read',
    'commerce:orders:write',
    'commerce:carts:read',
    'commerce:carts:write',
    'commerce:carts:list',
    'commerce:customers:read',
    'commerce:customers:write',
    // Payment provider credentials (Stripe keys): owners and admins.
    'commerce:payments:manage',
    'commerce:pricing:read',
    'commerce:pricing:write',
    'commerce:discounts:read',
  ],
  support: [
    ...READ_ALL,
    'platform:users:read',
    'commerce:products:read',
    'commerce:inventory:read',
    'commerce:orders:read',
    'commerce:carts:read',
    'commerce:carts:list',
    'commerce:customers:read',
    'commerce:pricing:read',
    'commerce:discounts:read',
  ],
  compliance: [
    ...READ_ALL,
    'commerce:products:read',
    'commerce:inventory:read',
    'commerce:orders:read',
    'commerce:carts:read',
    'commerce:carts:list',
    'commerce:customers:read',
    'commerce:pricing:read',
    'commerce:discounts:read',
  ],
  moderator: [...READ_ALL],
  viewer: [
    ...READ_ALL,
    'commerce:products:read',
    'commerce:inventory:read',
    'commerce:orders:read',
    'commerce:carts:read',
    'commerce:carts:list',
    'commerce:pricing:read',
    'commerce:discounts:read',
  ],
};

/**
 * The most a vendor's user (a dashboard user bound to a vendor, `User.vendorId`) may do, whatever
 * its role: read the tenant's plan, brand and catalogue, and read and act on its vendor's part of
 * orders (ship and deliver its own fulfilment). Never users, invitations, keys, webhooks,
 * customers, carts, pricing or stock — and, in the services, never another vendor's items or a
 * whole-order action (cancel, refund, ship everything). Its permissions are those of its role
 * within this set ({@link permissionsOf}).
 */
export const VENDOR_PERMISSIONS: readonly Permission[] = [
  ...READ_ALL,
  'commerce:products:read',
  'commerce:orders:read',
  'commerce:orders:write',
];

/**
 * The permissions of a dashboard user of `role`, narrowed to {@link VENDOR_PERMISSIONS} when it is
 * bound to a vendor (`vendorId` not null). The server, the mocks and the React kit use this.
 */
export function permissionsOf(role: Role, vendorId: string | null = null): readonly Permission[] {
  const all = ROLE_PERMISSIONS[role];
  return vendorId === null ? all : all.filter((p) => VENDOR_PERMISSIONS.includes(p));
}

/**
 * What a publishable key (browser) may do: read the public catalogue, the plans and the brand,
 * and create carts and use each with its token.
 * It may not introspect itself (`GET /v1/platform/me`: `platform:me:read`): a key shipped to
 * every visitor has no user, role or permissions worth showing them.
 */
export const PUBLISHABLE_PERMISSIONS: readonly Permission[] = [
  'platform:brand:read',
  'platform:plans:read',
  'commerce:products:read',
  // A shopper's own cart, opened with its token (see the carts contract).
  'commerce:carts:read',
  'commerce:carts:write',
  'commerce:customers:auth',
  // Regions and shipping options are what a storefront shows; discount codes stay private.
  'commerce:pricing:read',
];

/**
 * What a signed-in shopper's customer token (`cst_…`) may do: what the tenant's publishable key
 * may, plus act on its own account (`commerce:customers:self`: `/v1/commerce/customers/me…`).
 * Never another customer's data, never the tenant's staff's.
 */
export const CUSTOMER_PERMISSIONS: readonly Permission[] = [
  ...PUBLISHABLE_PERMISSIONS,
  'commerce:customers:self',
];

/**
 * A storefront caller — a publishable key or a signed-in shopper's customer token: it sees the
 * live catalogue only, never drafts or archived products.
 */
export function isStorefront(caller: { kind: string }): boolean {
  return caller.kind === 'publishable_key' || caller.kind === 'customer';
}

/** What an operator key may do: manage tenants, agencies and read plans. */
export const OPERATOR_PERMISSIONS: readonly Permission[] = [
  'operator',
  'agency:tenants',
  'agency:manage',
  'platform:me:read',
  'platform:plans:read',
];

/**
 * What an agency key (`ag_…`) may do: list, retrieve and update the tenants of its own agency and
 * list, mint and revoke their API keys (`agency:tenants`, checked against each tenant's
 * `agencyId`); read its own agency, change its brand, list and revoke its keys (`agency:manage`,
 * checked against the key's agency); and read plans. Creating agency keys stays the operator's.
 */
export const AGENCY_PERMISSIONS: readonly Permission[] = [
  'agency:tenants',
  'agency:manage',
  'platform:me:read',
  'platform:plans:read',
];

/**
 * Whether a holder of `granter` may give `role` to a user or a key: its permissions must be a
 * subset of the granter's, and only an owner grants `owner` (whose extra power — over owners —
 * is not a permission of the table).
 */
export function canGrant(granter: Role, role: Role): boolean {
  if (role === 'owner') return granter === 'owner';
  const held = new Set(ROLE_PERMISSIONS[granter]);
  return ROLE_PERMISSIONS[role].every((p) => held.has(p));
}

/**
 * The role a new API key gets — the one rule the server and the mocks share. Publishable keys
 * have none. A secret key defaults to its creator's role and may not exceed it ({@link canGrant});
 * an operator or agency key (no role) may give any, `owner` by default. Throws the API's problem otherwise.
 */
export function keyRoleFor(
  input: { type: 'secret' | 'publishable'; role?: Role | undefined },
  creator: { kind: string; role: Role | null },
): Role | null {
  if (input.type === 'publishable') {
    if (input.role) {
      throw new ProblemError(
        400,
        'validation_failed',
        'Publishable keys have no role: their rights are fixed.',
        {
          param: 'role',
        },
      );
    }
    return null;
  }
  if (creator.kind === 'operator' || creator.kind === 'agency_key') return input.role ?? 'owner';
  if (!creator.role) throw new ProblemError(403, 'forbidden', 'This credential cannot create secret keys.');
  const role = input.role ?? creator.role;
  if (!canGrant(creator.role, role)) {
    throw new ProblemError(
      403,
      'forbidden',
      `A key may not carry more than its creator: ${creator.role === 'admin' ? 'an' : 'a'} ${creator.role} cannot create a key with role '${role}'.`,
      { param: 'role' },
    );
  }
  return role;
}

/** Tenant fields an agency key may change; the rest (plan, limits, agency) stay the operator's. */
export const AGENCY_TENANT_FIELDS: readonly string[] = ['name', 'metadata'];

/**
 * The rule the server and the mocks share for an agency key's tenant update: only
 * {@link AGENCY_TENANT_FIELDS}; anything else is `403 forbidden` naming the field.
 */
export function requireAgencyTenantUpdate(input: object): void {
  const field = Object.keys(input).find((k) => !AGENCY_TENANT_FIELDS.includes(k));
  if (field) {
    throw new ProblemError(
      403,
      'forbidden',
      `An agency key may change only a tenant's name and metadata, not '${field}'.`,
      {
        param: field,
      },
    );
  }
}

/** Agency fields an agency key may change on its own agency: its brand. The name is the operator's record. */
export const AGENCY_SELF_FIELDS: readonly string[] = ['brand'];

/**
 * The rule the server and the mocks share for an agency key's update of its own agency: only
 * {@link AGENCY_SELF_FIELDS}; anything else is `403 forbidden` naming the field.
 */
export function requireAgencySelfUpdate(input: object): void {
  const field = Object.keys(input).find((k) => !AGENCY_SELF_FIELDS.includes(k));
  if (field) {
    throw new ProblemError(
      403,
      'forbidden',
      `An agency key may change only its agency's brand, not '${field}'.`,
      { param: field },
    );
  }
}
