import type { Agency, AgencyKey } from '@agentstack/sdk/schemas';
import { agencies, agencyKeys } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

/** An agency row. */
export type AgencyRow = typeof agencies.$inferSelect;

/** The wire shape of an agency row. */
export function toAgency(row: AgencyRow): Agency {
  return wireOf(row, 'agency', ['name', 'brand', 'createdAt', 'updatedAt']);
}

/**
 * SQL for agencies: `agencyStore(db)`. Agencies sit above tenants (an agency owns many), so this
 * store is not tenant-scoped: only operator routes reach it.
 */
export const agencyStore = defineStore({
  table: agencies,
  toWire: toAgency,
  orders: { createdAt: agencies.id },
  defaultOrder: '-createdAt',
});

/** The wire shape of an agency key: never its secret or hash. */
export function toAgencyKey(row: typeof agencyKeys.$inferSelect): AgencyKey {
  return wireOf(row, 'agency_key', ['agencyId', 'name', 'prefix', 'createdBy', 'createdAt', 'revokedAt']);
}

/** SQL for one agency's keys: `agencyKeyStore(db, agencyId)` reads and writes that agency's only. */
export const agencyKeyStore = defineStore({
  table: agencyKeys,
  scope: 'agencyId',
  toWire: toAgencyKey,
  orders: { createdAt: agencyKeys.id },
  defaultOrder: '-createdAt',
});
