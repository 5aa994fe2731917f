import type {
  ListResponse,
  Vendor,
  VendorCreate,
  VendorListParams,
  VendorUpdate,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { notFound } from '../../../http/errors';
import { requireFeature } from '../../platform/entitlements/service';
import { bumpCatalogVersion, detachFromProducts } from '../products/store';
import { toVendor, vendorStore } from './store';

/** Vendors are a plan feature: `403 feature_not_in_plan` naming the plan that unlocks it. */
function entitled(caller: TenantPrincipal): string {
  requireFeature(caller.tenant, 'commerce.multiVendor');
  return caller.tenant.id;
}

/** Business rules of vendors. Writes run inside the request's transaction. */
export const vendorService = {
  async list(db: Executor, caller: TenantPrincipal, params: VendorListParams): Promise<ListResponse<Vendor>> {
    return vendorStore(db, entitled(caller)).page(params);
  },

  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<Vendor> {
    const row = await vendorStore(db, entitled(caller)).get(id);
    if (!row) throw notFound('vendor', id);
    return toVendor(row);
  },

  async create(tx: Executor, caller: TenantPrincipal, input: VendorCreate): Promise<Vendor> {
    const row = await vendorStore(tx, entitled(caller)).insert({
      id: newId('ven'),
      name: input.name,
      metadata: input.metadata ?? {},
    });
    return toVendor(row);
  },

  async update(tx: Executor, caller: TenantPrincipal, id: string, input: VendorUpdate): Promise<Vendor> {
    const store = vendorStore(tx, entitled(caller));
    if (!(await store.getForUpdate(id))) throw notFound('vendor', id);
    const row = await store.update(id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.metadata !== undefined && { metadata: input.metadata }),
    });
    return toVendor(row);
  },

  async remove(tx: Executor, caller: TenantPrincipal, id: string) {
    const tenantId = entitled(caller);
    const store = vendorStore(tx, tenantId);
    if (!(await store.getForUpdate(id))) throw notFound('vendor', id);
    await detachFromProducts(tx, tenantId, 'vendorId', id);
    await store.remove(id);
    await bumpCatalogVersion(tx, tenantId);
    return { id, object: 'vendor' as const, deleted: true as const };
  },
};
