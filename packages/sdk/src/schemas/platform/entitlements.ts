import * as z from 'zod/mini';
import { listOf, Upgrade } from '../common';
import { Subscription } from './tenant';

/** One limit with its current usage. `limit: null` means unlimited. */
export const LimitUsage = z.strictObject({
  limit: z.nullable(z.int()),
  used: z.int(),
});
export type LimitUsage = z.infer<typeof LimitUsage>;

/** `GET /v1/platform/entitlements`: what the caller's tenant may do, and how much it has used. */
export const Entitlements = z.strictObject({
  object: z.literal('entitlements'),
  tenantId: z.string(),
  subscription: Subscription,
  addons: z.array(z.string()),
  features: z.array(z.string()),
  limits: z.record(z.string(), LimitUsage),
});
export type Entitlements = z.infer<typeof Entitlements>;

/** `GET /v1/platform/me`: who is calling. */
export const Principal = z.strictObject({
  object: z.literal('principal'),
  kind: z.enum(['operator', 'agency_key', 'secret_key', 'publishable_key', 'session']),
  tenantId: z.nullable(z.string()),
  tenantName: z.nullable(z.string()),
  /** The agency an agency key (`ag_…`) acts for; `null` for every other credential. */
  agencyId: z.nullable(z.string()),
  role: z.nullable(z.string()),
  userId: z.nullable(z.string()),
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
});
export type Plan = z.infer<typeof Plan>;

export { Upgrade };

/** The plan catalogue: plans, then add-ons, in one page. */
export const PlanList = listOf(Plan);
