import { requireRegionCurrency } from '@agentstack/sdk/contract';
import {
  type DeletedDiscountCode,
  type DeletedRegion,
  type DeletedShippingOption,
  type DiscountCode,
  type DiscountCodeCreate,
  type DiscountCodeListParams,
  type DiscountCodeUpdate,
  type ListResponse,
  newId,
  type Region,
  type RegionCreate,
  type RegionListParams,
  type RegionUpdate,
  type ShippingOption,
  type ShippingOptionCreate,
  type ShippingOptionListParams,
  type ShippingOptionUpdate,
} from '@agentstack/sdk/schemas';
import { eq, inArray } from 'drizzle-orm';
import type { TenantPrincipal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { isUniqueViolation } from '../../../db/errors';
import { discountCodes, regions, shippingOptions } from '../../../db/schema';
import { ApiError, notFound } from '../../../http/errors';
import {
  deleteRegionShippingOptions,
  discountCodeByText,
  discountCodeStore,
  regionStore,
  shippingOptionStore,
  toDiscountCode,
  toRegion,
  toShippingOption,
} from './store';

type ShippingOptionRow = typeof shippingOptions.$inferSelect;

/** Shipping option rows in wire form, with their regions' currencies (one query for the page). */
async function withCurrencies(db: Executor, rows: ShippingOptionRow[]): Promise<ShippingOption[]> {
  const ids = [...new Set(rows.map((r) => r.regionId))];
  const found = ids.length
    ? await db
        .select({ id: regions.id, currency: regions.currency })
        .from(regions)
        .where(inArray(regions.id, ids))
    : [];
  const currency = new Map(found.map((r) => [r.id, r.currency]));
  return rows.map((r) => toShippingOption({ ...r, currency: currency.get(r.regionId) ?? 'XXX' }));
}

async function regionFor(db: Executor, tenantId: string, regionId: string) {
  const region = await regionStore(db, tenantId).get(regionId);
  if (!region)
    throw new ApiError(404, 'not_found', `No region with id '${regionId}'.`, { param: 'regionId' });
  return region;
}

/** Business rules of regions. */
export const regionService = {
  list: (db: Executor, caller: TenantPrincipal, params: RegionListParams): Promise<ListResponse<Region>> =>
    regionStore(db, caller.tenant.id).page(params),

  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<Region> {
    const row = await regionStore(db, caller.tenant.id).get(id);
    if (!row) throw notFound('region', id);
    return toRegion(row);
  },

  async create(db: Executor, caller: TenantPrincipal, input: RegionCreate): Promise<Region> {
    const row = await regionStore(db, caller.tenant.id).insert({
      id: newId('reg'),
      name: input.name,
      currency: input.currency,
      countries: input.countries,
      taxRateBps: input.taxRateBps,
      metadata: input.metadata ?? {},
    });
    return toRegion(row);
  },

  /** A new tax rate or countries apply to each cart at its next change (and at checkout). */
  async update(db: Executor, caller: TenantPrincipal, id: string, input: RegionUpdate): Promise<Region> {
    const store = regionStore(db, caller.tenant.id);
    if (!(await store.getForUpdate(id))) throw notFound('region', id);
    return toRegion(await store.update(id, input));
  },

  async del(db: Executor, caller: TenantPrincipal, id: string): Promise<DeletedRegion> {
    const store = regionStore(db, caller.tenant.id);
    if (!(await store.getForUpdate(id))) throw notFound('region', id);
    await deleteRegionShippingOptions(db, caller.tenant.id, id);
    await store.remove(id);
    return { id, object: 'region', deleted: true };
  },
};

/** Business rules of shipping options: amounts in their region's currency. */
export const shippingOptionService = {
  async list(
    db: Executor,
    caller: TenantPrincipal,
    params: ShippingOptionListParams,
  ): Promise<ListResponse<ShippingOption>> {
    const page = await shippingOptionStore(db, caller.tenant.id).page(
      params,
      params.regionId ? eq(shippingOptions.regionId, params.regionId) : undefined,
    );
    return { data: await withCurrencies(db, page.data), hasMore: page.hasMore, nextCursor: page.nextCursor };
  },

  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<ShippingOption> {
    const row = await shippingOptionStore(db, caller.tenant.id).get(id);
    if (!row) throw notFound('shipping option', id);
    return (await withCurrencies(db, [row]))[0] as ShippingOption;
  },

  async create(db: Executor, caller: TenantPrincipal, input: ShippingOptionCreate): Promise<ShippingOption> {
    const region = await regionFor(db, caller.tenant.id, input.regionId);
    requireRegionCurrency(input.amount, region.currency, 'amount');
    if (input.freeOver) requireRegionCurrency(input.freeOver, region.currency, 'freeOver');
    const row = await shippingOptionStore(db, caller.tenant.id).insert({
      id: newId('ship'),
      regionId: region.id,
      name: input.name,
      amount: input.amount.amount,
      freeOverAmount: input.freeOver?.amount ?? null,
      active: input.active ?? true,
      metadata: input.metadata ?? {},
    });
    return toShippingOption({ ...row, currency: region.currency });
  },

  async update(
    db: Executor,
    caller: TenantPrincipal,
    id: string,
    input: ShippingOptionUpdate,
  ): Promise<ShippingOption> {
    const store = shippingOptionStore(db, caller.tenant.id);
    const row = await store.getForUpdate(id);
    if (!row) throw notFound('shipping option', id);
    const region = await regionFor(db, caller.tenant.id, row.regionId);
    if (input.amount) requireRegionCurrency(input.amount, region.currency, 'amount');
    if (input.freeOver) requireRegionCurrency(input.freeOver, region.currency, 'freeOver');
    const updated = await store.update(id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
      ...(input.amount !== undefined ? { amount: input.amount.amount } : {}),
      ...(input.freeOver !== undefined ? { freeOverAmount: input.freeOver?.amount ?? null } : {}),
    });
    return toShippingOption({ ...updated, currency: region.currency });
  },

  async del(db: Executor, caller: TenantPrincipal, id: string): Promise<DeletedShippingOption> {
    if (!(await shippingOptionStore(db, caller.tenant.id).remove(id))) throw notFound('shipping option', id);
    return { id, object: 'shipping_option', deleted: true };
  },
};

/** Business rules of discount codes. Redemption is the carts module's (`redeemCartDiscount`). */
export const discountCodeService = {
  list(
    db: Executor,
    caller: TenantPrincipal,
    params: DiscountCodeListParams,
  ): Promise<ListResponse<DiscountCode>> {
    return discountCodeStore(db, caller.tenant.id).page(
      params,
      params.active ? eq(discountCodes.active, params.active === 'true') : undefined,
    );
  },

  async retrieve(db: Executor, caller: TenantPrincipal, id: string): Promise<DiscountCode> {
    const row = await discountCodeStore(db, caller.tenant.id).get(id);
    if (!row) throw notFound('discount code', id);
    return toDiscountCode(row);
  },

  async create(db: Executor, caller: TenantPrincipal, input: DiscountCodeCreate): Promise<DiscountCode> {
    const code = input.code.toUpperCase();
    const duplicate = () =>
      new ApiError(409, 'conflict', `A discount code '${code}' exists already.`, { param: 'code' });
    if (await discountCodeByText(db, caller.tenant.id, code)) throw duplicate();
    try {
      const row = await discountCodeStore(db, caller.tenant.id).insert({
        id: newId('disc'),
        code,
        type: input.type,
        percentOff: input.type === 'percentage' ? (input.percentOff ?? null) : null,
        amountOff: input.type === 'fixed' ? (input.amountOff?.amount ?? null) : null,
        currency: input.amountOff?.currency ?? input.minimumSpend?.currency ?? null,
        minimumSpend: input.minimumSpend?.amount ?? null,
        usageLimit: input.usageLimit ?? null,
        usageLimitPerCustomer: input.usageLimitPerCustomer ?? null,
        startsAt: input.startsAt ? new Date(input.startsAt) : null,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        active: input.active ?? true,
        metadata: input.metadata ?? {},
      });
      return toDiscountCode(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(); // a concurrent create of the same code
      throw error;
    }
  },

  async update(
    db: Executor,
    caller: TenantPrincipal,
    id: string,
    input: DiscountCodeUpdate,
  ): Promise<DiscountCode> {
    const store = discountCodeStore(db, caller.tenant.id);
    const row = await store.getForUpdate(id);
    if (!row) throw notFound('discount code', id);
    if (input.usageLimit != null && input.usageLimit < row.usedCount) {
      throw new ApiError(
        409,
        'invalid_state',
        `The code has been redeemed ${row.usedCount} times: its limit cannot go below that.`,
        { param: 'usageLimit' },
      );
    }
    if (input.minimumSpend && row.currency !== null && input.minimumSpend.currency !== row.currency) {
      throw new ApiError(
        400,
        'validation_failed',
        `minimumSpend must be in the code's currency (${row.currency}).`,
        {
          param: 'minimumSpend',
        },
      );
    }
    const startsAt =
      input.startsAt === undefined ? row.startsAt : input.startsAt ? new Date(input.startsAt) : null;
    const endsAt = input.endsAt === undefined ? row.endsAt : input.endsAt ? new Date(input.endsAt) : null;
    if (startsAt && endsAt && endsAt <= startsAt) {
      throw new ApiError(400, 'validation_failed', 'endsAt must be after startsAt.', { param: 'endsAt' });
    }
    const updated = await store.update(id, {
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
      ...(input.usageLimit !== undefined ? { usageLimit: input.usageLimit } : {}),
      ...(input.usageLimitPerCustomer !== undefined
        ? { usageLimitPerCustomer: input.usageLimitPerCustomer }
        : {}),
      ...(input.minimumSpend !== undefined
        ? {
            minimumSpend: input.minimumSpend?.amount ?? null,
            currency: row.currency ?? input.minimumSpend?.currency ?? null,
          }
        : {}),
      startsAt,
      endsAt,
    });
    return toDiscountCode(updated);
  },

  /** Only a code never redeemed goes; a redeemed one keeps its history (deactivate it). */
  async del(db: Executor, caller: TenantPrincipal, id: string): Promise<DeletedDiscountCode> {
    const store = discountCodeStore(db, caller.tenant.id);
    const row = await store.getForUpdate(id);
    if (!row) throw notFound('discount code', id);
    if (row.usedCount > 0) {
      throw new ApiError(
        409,
        'invalid_state',
        `The code has been redeemed ${row.usedCount} times: deactivate it instead.`,
      );
    }
    await store.remove(id);
    return { id, object: 'discount_code', deleted: true };
  },
};
