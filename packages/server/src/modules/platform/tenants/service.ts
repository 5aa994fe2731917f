import { findAddon, requireAgencyTenantUpdate, type Subscription } from '@agentstack/sdk/catalog';
import type { ListResponse, Tenant, TenantCreate, TenantUpdate } from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { eq } from 'drizzle-orm';
import type { Principal, TenantRow } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { tenants } from '../../../db/schema';
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

// An agency key sees its own agency's tenants only; any other tenant does not exist for it.
function visibleTo(caller: Principal, row: TenantRow | undefined): row is TenantRow {
  return !!row && (caller.kind !== 'agency_key' || row.agencyId === caller.agencyId);
}

/**
 * Management of tenants and their plans: operator keys act on every tenant, agency keys on their
 * own agency's (others answer `404`), changing only their name and metadata.
 */
export const tenantService = {
  async list(
    db: Executor,
    caller: Principal,
    params: { limit?: number; startingAfter?: string },
  ): Promise<ListResponse<Tenant>> {
    const scope = caller.kind === 'agency_key' ? eq(tenants.agencyId, caller.agencyId ?? '') : undefined;
    return tenantStore(db).page(params, scope);
  },

  async retrieve(db: Executor, caller: Principal, id: string): Promise<Tenant> {
    const row = await tenantStore(db).get(id);
    if (!visibleTo(caller, row)) throw notFound('tenant', id);
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

  async update(tx: Executor, caller: Principal, id: string, input: TenantUpdate): Promise<Tenant> {
    const store = tenantStore(tx);
    const current = await store.getForUpdate(id);
    if (!visibleTo(caller, current)) throw notFound('tenant', id);
    if (caller.kind === 'agency_key') requireAgencyTenantUpdate(input);
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
