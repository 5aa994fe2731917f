import { findAddon, type Subscription } from '@agentstack/sdk/catalog';
import type { ListResponse, Tenant, TenantCreate, TenantUpdate } from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import type { Executor } from '../../../db/client';
import { ApiError, notFound } from '../../../http/errors';
import { agencyStore } from '../agencies/store';
import { tenantStore, toTenant } from './store';

function checkAddons(addons: string[], subscription: Subscription): void {
  addons.forEach((id, i) => {
    const addon = findAddon(id);
    if (!addon) {
      throw new ApiError(400, 'validation_failed', `Unknown add-on '${id}'.`, { param: `addons.${i}` });
    }
    if (!subscription[addon.domain]) {
      throw new ApiError(400, 'validation_failed', `Add-on '${id}' needs a ${addon.domain} plan.`, {
        param: `addons.${i}`,
      });
    }
  });
}

async function checkAgency(db: Executor, agencyId: string | null | undefined): Promise<void> {
  if (agencyId && !(await agencyStore(db).get(agencyId))) {
    throw new ApiError(400, 'validation_failed', `No agency with id '${agencyId}'.`, { param: 'agencyId' });
  }
}

/** Operator-side management of tenants and their plans. */
export const tenantService = {
  async list(
    db: Executor,
    params: { limit?: number; startingAfter?: string },
  ): Promise<ListResponse<Tenant>> {
    return tenantStore(db).page(params);
  },

  async retrieve(db: Executor, id: string): Promise<Tenant> {
    const row = await tenantStore(db).get(id);
    if (!row) throw notFound('tenant', id);
    return toTenant(row);
  },

  async create(tx: Executor, input: TenantCreate): Promise<Tenant> {
    const addons = [...new Set(input.addons ?? [])];
    checkAddons(addons, input.subscription);
    await checkAgency(tx, input.agencyId);
    const row = await tenantStore(tx).insert({
      id: newId('ten'),
      name: input.name,
      agencyId: input.agencyId ?? null,
      subscription: input.subscription,
      addons,
      limitOverrides: input.limitOverrides ?? {},
      metadata: input.metadata ?? {},
    });
    return toTenant(row);
  },

  async update(tx: Executor, id: string, input: TenantUpdate): Promise<Tenant> {
    const store = tenantStore(tx);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('tenant', id);
    const subscription = { ...current.subscription, ...input.subscription };
    const addons = input.addons ? [...new Set(input.addons)] : current.addons;
    checkAddons(addons, subscription);
    if (input.agencyId !== undefined) await checkAgency(tx, input.agencyId);
    const row = await store.update(id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.agencyId !== undefined && { agencyId: input.agencyId }),
      ...(input.limitOverrides !== undefined && { limitOverrides: input.limitOverrides }),
      ...(input.metadata !== undefined && { metadata: input.metadata }),
      subscription,
      addons,
    });
    return toTenant(row);
  },
};
