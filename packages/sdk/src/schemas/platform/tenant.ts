import * as z from 'zod/mini';
import { listOf, Metadata, prefixedId, safeString, Timestamp } from '../common';

/** Plan ids per domain, as in the catalogue (`@agentstack/sdk/catalog`). */
export const PlatformPlanId = z.enum(['starter', 'growth', 'scale', 'enterprise']);
export const CommercePlanId = z.enum(['commerce_startup', 'commerce_growth', 'commerce_enterprise']);
export const FintechPlanId = z.enum(['fintech_early_stage', 'fintech_scaling', 'fintech_enterprise']);
export const SocialPlanId = z.enum(['social_community', 'social_network', 'social_platform']);

/** The tiers a tenant subscribes to: a platform tier and, per domain, a tier or `null`. */
export const Subscription = z.strictObject({
  platform: PlatformPlanId,
  commerce: z.nullable(CommercePlanId),
  fintech: z.nullable(FintechPlanId),
  social: z.nullable(SocialPlanId),
});
export type Subscription = z.infer<typeof Subscription>;

/** Negotiated limits that replace the plan's (custom contracts). `null` = unlimited. */
export const LimitOverrides = z.partialRecord(
  z.enum([
    'commerce.products',
    'commerce.monthlyVisits',
    'fintech.users',
    'social.users',
    'platform.dashboardUsers',
  ]),
  z.nullable(z.int().check(z.minimum(0))),
);

/** A tenant: one customer's isolated slice of data, keys, users and plan. */
export const Tenant = z.strictObject({
  id: prefixedId('ten'),
  object: z.literal('tenant'),
  name: z.string(),
  agencyId: z.nullable(z.string()),
  subscription: Subscription,
  addons: z.array(z.string()),
  limitOverrides: LimitOverrides,
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Tenant = z.infer<typeof Tenant>;

const TenantName = safeString(z.minLength(1), z.maxLength(120));
/** Add-on ids of the catalogue (validated against it by the server). */
const Addons = z.array(safeString(z.minLength(1), z.maxLength(64))).check(z.maxLength(50));

/** Body of `POST /v1/platform/tenants` (operator keys only). */
export const TenantCreate = z.strictObject({
  name: TenantName,
  agencyId: z.optional(z.nullable(prefixedId('agy'))),
  subscription: Subscription,
  addons: z.optional(Addons),
  limitOverrides: z.optional(LimitOverrides),
  metadata: z.optional(Metadata),
});
export type TenantCreate = z.infer<typeof TenantCreate>;

/** Body of `PATCH /v1/platform/tenants/:id`. */
export const TenantUpdate = z.strictObject({
  name: z.optional(TenantName),
  agencyId: z.optional(z.nullable(prefixedId('agy'))),
  subscription: z.optional(z.partial(Subscription)),
  addons: z.optional(Addons),
  limitOverrides: z.optional(LimitOverrides),
  metadata: z.optional(Metadata),
});
export type TenantUpdate = z.infer<typeof TenantUpdate>;

/** A page of tenants. */
export const TenantList = listOf(Tenant);
