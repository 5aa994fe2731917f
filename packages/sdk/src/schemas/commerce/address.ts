import * as z from 'zod/mini';
import { safeString } from '../common';

/** An ISO 3166-1 alpha-2 country code, upper case (`FR`, `US`). */
export const CountryCode = z
  .string()
  .check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FR'));

const Line = (max: number) => safeString(z.trim(), z.minLength(1), z.maxLength(max));
const OptionalLine = (max: number) => safeString(z.trim(), z.maxLength(max));

/** A postal address: a customer's saved addresses, a cart's shipping address, an order's. */
export const Address = z.strictObject({
  /** Who receives it. */
  name: Line(200),
  line1: Line(200),
  line2: z.optional(OptionalLine(200)),
  city: Line(100),
  postalCode: Line(20),
  /** State, province or county, where the country uses one. */
  province: z.optional(OptionalLine(100)),
  countryCode: CountryCode,
  phone: z.optional(safeString(z.trim(), z.maxLength(32))),
});
export type Address = z.infer<typeof Address>;
