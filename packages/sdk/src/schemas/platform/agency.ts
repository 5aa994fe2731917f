import * as z from 'zod/mini';
import { listOf, prefixedId, safeString, Timestamp, WebUrl } from '../common';

const HexColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour'));

/** A white-label brand: what the dashboards show instead of "AgentStack". */
export const Brand = z.strictObject({
  name: safeString(z.minLength(1), z.maxLength(80)),
  /** `https:` (or `http:` on localhost), at most 2,048 characters. */
  logoUrl: z.nullable(WebUrl),
  primaryColor: HexColor,
  accentColor: HexColor,
  /** Whether the brand's dashboards default to a dark scheme. */
  colorScheme: z.enum(['light', 'dark']),
});
export type Brand = z.infer<typeof Brand>;

/** An agency (reseller) that owns many tenants and a brand. */
export const Agency = z.strictObject({
  id: prefixedId('agy'),
  object: z.literal('agency'),
  name: z.string(),
  brand: Brand,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Agency = z.infer<typeof Agency>;

const AgencyName = safeString(z.minLength(1), z.maxLength(120));

/** Body of `POST /v1/platform/agencies` (operator keys only). */
export const AgencyCreate = z.strictObject({
  name: AgencyName,
  brand: Brand,
});
export type AgencyCreate = z.infer<typeof AgencyCreate>;

/** Body of `PATCH /v1/platform/agencies/:id`. */
export const AgencyUpdate = z.strictObject({
  name: z.optional(AgencyName),
  brand: z.optional(z.partial(Brand)),
});
export type AgencyUpdate = z.infer<typeof AgencyUpdate>;

/** A page of agencies. */
export const AgencyList = listOf(Agency);

/**
 * An agency key (`ag_…`): acts on exactly the tenants of its agency (list, retrieve, update their
 * name and metadata, mint their API keys) and on no other agency's. Made by an operator.
 */
export const AgencyKeyWithSecret = z.strictObject({
  id: prefixedId('agk'),
  object: z.literal('agency_key'),
  agencyId: prefixedId('agy'),
  name: z.string(),
  /** The first characters of the key, to recognise it (`ag_4f9aB2…`). */
  prefix: z.string(),
  createdAt: Timestamp,
  /** The key itself, shown only in this answer. */
  secret: z.string(),
});
export type AgencyKeyWithSecret = z.infer<typeof AgencyKeyWithSecret>;

/** Body of `POST /v1/platform/agencies/:id/api-keys`. */
export const AgencyKeyCreate = z.strictObject({ name: safeString(z.minLength(1), z.maxLength(80)) });
export type AgencyKeyCreate = z.infer<typeof AgencyKeyCreate>;
