import * as z from 'zod/mini';
import { ListParams, listOf, Metadata, prefixedId, safeString, Timestamp } from '../common';

const Name = safeString(z.trim(), z.minLength(1), z.maxLength(200));

/** A vendor of a multi-vendor catalogue (plan feature `commerce.multiVendor`, Growth and up). */
export const Vendor = z.strictObject({
  id: prefixedId('ven'),
  object: z.literal('vendor'),
  name: z.string(),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Vendor = z.infer<typeof Vendor>;

/** Body of `POST /v1/commerce/vendors`. */
export const VendorCreate = z.strictObject({ name: Name, metadata: z.optional(Metadata) });
export type VendorCreate = z.input<typeof VendorCreate>;

/** Body of `PATCH /v1/commerce/vendors/:id`. */
export const VendorUpdate = z.strictObject({ name: z.optional(Name), metadata: z.optional(Metadata) });
export type VendorUpdate = z.input<typeof VendorUpdate>;

/** Query of `GET /v1/commerce/vendors`: by name (ties by id) unless `order` says otherwise. */
export const VendorListParams = z.strictObject({
  ...ListParams.shape,
  order: z.optional(z.enum(['name', '-name', 'createdAt', '-createdAt'])),
});
export type VendorListParams = z.input<typeof VendorListParams>;

/** A page of vendors. */
export const VendorList = listOf(Vendor);

/** The answer of `DELETE /v1/commerce/vendors/:id`: its products keep no vendor. */
export const DeletedVendor = z.strictObject({
  id: z.string(),
  object: z.literal('vendor'),
  deleted: z.literal(true),
});
