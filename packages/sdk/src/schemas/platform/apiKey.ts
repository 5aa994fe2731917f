import * as z from 'zod/mini';
import { prefixedId, safeString, Timestamp } from '../common';

/** `secret` keys (`sk_…`) reach the tenant's whole API from servers; `publishable` (`pk_…`) are for browsers. */
export const ApiKeyType = z.enum(['secret', 'publishable']);
export type ApiKeyType = z.infer<typeof ApiKeyType>;

/** An API key as listed: the secret itself is never returned again after creation. */
export const ApiKey = z.strictObject({
  id: prefixedId('key'),
  object: z.literal('api_key'),
  type: ApiKeyType,
  name: z.string(),
  /** The first characters of the key, to recognise it (`sk_4f9a…`). */
  prefix: z.string(),
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
});
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;
