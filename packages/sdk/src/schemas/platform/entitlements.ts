import * as z from 'zod/mini';
import { listOf, Upgrade } from '../common';
import { Subscription } from './tenant';

/** One limit with its current usage. `limit: null` means unlimited. */
export const LimitUsage = z.strictObject({
  limit: z.nullable(z.int()),
  used: z.int(),
});
export type LimitUsage = z.infer<typeof LimitUsage>;

/**
 * An API rate limit as a token bucket: `burst` requests at once, refilled at `perSecond`. The
 * same figures are sent on every response as `RateLimit-Policy`.
 */
export const RateLimit = z.strictObject({
  perSecond: z.int().check(z.positive()),
  burst: z.int().check(z.positive()),
});
export type RateLimit = z.infer<typeof RateLimit>;

/**
 * API calls a tenant made, counted per UTC day: `today` and since the first of this month (UTC).
 * Counts are aggregated in memory and written every few seconds, so the last seconds' calls of
 * other server instances may not show yet.
 */
export const ApiCallUsage = z.strictObject({
  today: z.int().check(z.nonnegative()),
  month: z.int().check(z.nonnegative()),
});
export type ApiCallUsage = z.infer<typeof ApiCallUsage>;

/** `GET /v1/platform/entitlements`: what the caller's tenant may do, and how much it has used. */
export const Entitlements = z.strictObject({
  object: z.literal('entitlements'),
  tenantId: z.string(),
  subscription: Subscription,
  addons: z.array(z.string()),
  features: z.array(z.string()),
  limits: z.record(z.string(), LimitUsage),
  /** The tenant's API rate limit (its platform tier's). */
  rateLimit: RateLimit,
  /** API calls made today and this month. */
  apiCalls: ApiCallUsage,
});
export type Entitlements = z.infer<typeof Entitlements>;

/** `GET /v1/platform/me`: who is calling. */
export const Principal = z.strictObject({
  object: z.literal('principal'),
  kind: z.enum(['operator', 'agency_key', 'secret_key', 'publishable_key', 'session', 'customer']),
  tenantId: z.nullable(z.string()),
  tenantName: z.nullable(z.string()),
  /** The agency an agency key (`ag_…`) acts for; `null` for every other credential. */
  agencyId: z.nullable(z.string()),
  role: z.nullable(z.string()),
  userId: z.nullable(z.string()),
  /** The vendor a vendor's dashboard user works for: it sees that vendor's part of orders only. */
  vendorId: z.nullable(z.string()),
  permissions: z.array(z.string()),
});
export type Principal = z.infer<typeof Principal>;

/** A plan of the catalogue as served by `GET /v1/platform/plans`. */
export const Plan = z.strictObject({
  id: z.string(),
  object: z.literal('plan'),
  kind: z.enum(['plan', 'addon']),
  domain: z.enum(['platform', 'commerce', 'fintech', 'social']),
  name: z.string(),
  rank: z.nullable(z.int()),
  price: z.nullable(z.object({ amount: z.int(), currency: z.string() })),
  description: z.string(),
  limits: z.record(z.string(), z.nullable(z.int())),
  features: z.array(z.string()),
  /** Platform tiers: the API rate limit; `null` for domain tiers and add-ons. */
  rateLimit: z.nullable(RateLimit),
});
export type Plan = z.infer<typeof Plan>;

export { Upgrade };

/** The plan catalogue: plans, then add-ons, in one page. */
export const PlanList = listOf(Plan);
