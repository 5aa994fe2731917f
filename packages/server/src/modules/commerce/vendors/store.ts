import type { Vendor } from '@agentstack/sdk/schemas';
import { vendors } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

type Row = typeof vendors.$inferSelect;

/** The wire shape of a vendor row. */
export function toVendor(row: Row): Vendor {
  return wireOf(row, 'vendor', ['name', 'metadata', 'createdAt', 'updatedAt']);
}

/** SQL for one tenant's vendors: `vendorStore(db, tenantId)`. */
export const vendorStore = defineStore({
  table: vendors,
  scope: 'tenantId',
  toWire: toVendor,
  orders: { createdAt: vendors.id, name: vendors.name },
  defaultOrder: 'name',
});
