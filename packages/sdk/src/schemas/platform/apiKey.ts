import * as z from 'zod/mini';
import { listOf, prefixedId, safeString, Timestamp } from '../common';
import { Role } from './user';

/** `secret` keys (`sk_…`) reach the tenant's whole API from servers; `publishable` (`pk_…`) are for browsers. */
export const ApiKeyType = z.enum(['secret', 'publishable']);
export type ApiKeyType = z.infer<typeof ApiKeyType>;

/** Who created a key: a dashboard user, another API key, or an operator key. */
export const ApiKeyCreator = z.strictObject({
  type: z.enum(['user', 'api_key', 'operator', 'agency_key']),
  /** The user's, key's or operator key's id. */
  id: z.string(),
  /** What the dashboard shows, as it was at creation: the user's name and email, or the key's name and prefix. */
  label: z.string(),
});
export type ApiKeyCreator = z.infer<typeof ApiKeyCreator>;

/** An API key as listed: the secret itself is never returned again after creation. */
export const ApiKey = z.strictObject({
  id: prefixedId('key'),
  object: z.literal('api_key'),
  type: ApiKeyType,
  name: z.string(),
  /** The first characters of the key, to recognise it (`sk_4f9a…`). */
  prefix: z.string(),
  /**
   * The role a secret key acts with: it may do exactly what a dashboard user of that role may.
   * Never higher than its creator's. `null` for publishable keys, whose rights are fixed.
   */
  role: z.nullable(Role),
  /** Who created the key; `null` for keys made before creators were recorded. */
  createdBy: z.nullable(ApiKeyCreator),
  createdAt: Timestamp,
  lastUsedAt: z.nullable(Timestamp),
  revokedAt: z.nullable(Timestamp),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** The response of `POST /v1/platform/api-keys`: the only time `secret` is shown. */
export const ApiKeyWithSecret = z.strictObject({
  ...ApiKey.shape,
  secret: z.string(),
});
export type ApiKeyWithSecret = z.infer<typeof ApiKeyWithSecret>;

/** Body of `POST /v1/platform/api-keys`. */
export const ApiKeyCreate = z.strictObject({
  type: ApiKeyType,
  name: safeString(z.minLength(1), z.maxLength(80)),
  /**
   * Secret keys only: the role the key acts with. Defaults to the creator's role (an operator's
   * keys default to `owner`). It may not exceed the creator's: only an owner (or an operator)
   * creates `owner` keys.
   */
  role: z.optional(Role),
});
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;

/** A page of API keys. */
export const ApiKeyList = listOf(ApiKey);
