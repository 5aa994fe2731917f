import type { Agency } from '@agentstack/sdk/schemas';
import { agencies } from '../../../db/schema';
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
