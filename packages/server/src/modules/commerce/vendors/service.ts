import type {
  ListResponse,
  Vendor,
  VendorCreate,
  VendorListParams,
  VendorUpdate,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { and, eq } from 'drizzle-orm';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { invitations, users } from '../../../db/schema';
import { ApiError, notFound } from '../../../http/errors';
import { requireFeature } from '../../platform/entitlements/service';
import { pendingAt } from '../../platform/invitations/store';
import { userStore } from '../../platform/users/store';
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
    // Unbinding its users would give them their whole role: they are unbound or deleted first.
    const bound = await userStore(tx, tenantId).count(eq(users.vendorId, id));
    if (bound > 0) {
      throw new ApiError(
        409,
        'conflict',
        `Vendor '${id}' has ${bound} dashboard user(s); unbind or delete them first.`,
        { param: 'id' },
      );
    }
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.tenantId, tenantId), eq(invitations.vendorId, id), pendingAt(new Date())));
    await detachFromProducts(tx, tenantId, 'vendorId', id);
    await store.remove(id);
    await bumpCatalogVersion(tx, tenantId);
    return { id, object: 'vendor' as const, deleted: true as const };
  },
};
