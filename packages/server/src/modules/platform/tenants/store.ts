import type { Tenant } from '@agentstack/sdk/schemas';
import type { TenantRow } from '../../../auth/principal';
import { tenants } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';

/** The wire shape of a tenant row. */
export function toTenant(row: TenantRow): Tenant {
  return wireOf(row, 'tenant', [
    'name',
    'agencyId',
    'subscription',
    'addons',
    'limitOverrides',
    'metadata',
    'createdAt',
    'updatedAt',
  ]);
}

/** SQL for tenants: `tenantStore(db)`. Only operator routes reach it: tenants are the unit of isolation itself. */
export const tenantStore = defineStore({
  table: tenants,
  toWire: toTenant,
  orders: { createdAt: tenants.id },
  defaultOrder: '-createdAt',
});
