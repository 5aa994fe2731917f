import * as z from 'zod/mini';
import { listOf, prefixedId, safeString, Timestamp, WebUrl } from '../common';
import { ApiKeyCreator } from './apiKey';

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
 * An agency key (`ag_…`) as listed: acts on exactly the tenants of its agency (list, retrieve,
 * update their name and metadata, list, mint and revoke their API keys), reads and re-brands its
 * own agency, lists and revokes its agency's keys — and reaches no other agency's. Made by an
 * operator; its secret is never listed.
 */
export const AgencyKey = z.strictObject({
  id: prefixedId('agk'),
  object: z.literal('agency_key'),
  agencyId: prefixedId('agy'),
  name: z.string(),
  /** The first characters of the key, to recognise it (`ag_4f9aB2…`). */
  prefix: z.string(),
  /** Who created the key (an operator key); `null` for keys made before creators were recorded. */
  createdBy: z.nullable(ApiKeyCreator),
  createdAt: Timestamp,
  /** When it was revoked; requests made with it since answer `401 invalid_api_key`. */
  revokedAt: z.nullable(Timestamp),
});
export type AgencyKey = z.infer<typeof AgencyKey>;

/** The response of `POST /v1/platform/agencies/:id/api-keys`: the only time `secret` is shown. */
export const AgencyKeyWithSecret = z.strictObject({
  ...AgencyKey.shape,
  /** The key itself, shown only in this answer. */
  secret: z.string(),
});
export type AgencyKeyWithSecret = z.infer<typeof AgencyKeyWithSecret>;

/** A page of an agency's keys, newest first, revoked ones included. */
export const AgencyKeyList = listOf(AgencyKey);

/** Body of `POST /v1/platform/agencies/:id/api-keys`. */
export const AgencyKeyCreate = z.strictObject({ name: safeString(z.minLength(1), z.maxLength(80)) });
export type AgencyKeyCreate = z.infer<typeof AgencyKeyCreate>;
