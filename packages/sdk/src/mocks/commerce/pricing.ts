import { requireRegionCurrency } from '../../contract/commerce/pricing';
import {
  discountCodeOperations,
  regionOperations,
  shippingOptionOperations,
} from '../../contract/commerce/pricingAdmin';
import { ProblemError } from '../../contract/problem';
import type { DiscountCode, Region, ShippingOption } from '../../schemas/commerce/pricing';
import { newId } from '../../schemas/ids';
import { findById, now, orderBy, paginate } from '../collection';
import { mockResource } from '../pipeline';

const REGION_ORDER = { name: (r: Region) => r.name, createdAt: (r: Region) => r.createdAt };
const byIdAscending = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `/v1/commerce/regions` in memory, as the server. */
const regionMocks = mockResource(regionOperations, {
  list: (ctx) => {
    ctx.tenant();
    return paginate(ctx.db.regions, ctx.query, orderBy('name', REGION_ORDER));
  },
  retrieve: (ctx) => {
    ctx.tenant();
    return findById(ctx.db.regions, ctx.params.id, 'region');
  },
  create(ctx) {
    ctx.tenant();
    const at = now();
    const region: Region = {
      id: newId('reg'),
      object: 'region',
      name: ctx.body.name,
      currency: ctx.body.currency,
      countries: [...ctx.body.countries],
      taxRateBps: ctx.body.taxRateBps,
      metadata: { ...ctx.body.metadata },
      createdAt: at,
      updatedAt: at,
    };
    ctx.db.regions.push(region);
    return region;
  },
  update(ctx) {
    ctx.tenant();
    const region = findById(ctx.db.regions, ctx.params.id, 'region');
    const { name, countries, taxRateBps, metadata } = ctx.body;
    Object.assign(region, {
      ...(name !== undefined && { name }),
      ...(countries !== undefined && { countries: [...countries] }),
      ...(taxRateBps !== undefined && { taxRateBps }),
      ...(metadata !== undefined && { metadata: { ...metadata } }),
      updatedAt: now(),
    });
    return region;
  },
  del(ctx) {
    ctx.tenant();
    const region = findById(ctx.db.regions, ctx.params.id, 'region');
    ctx.db.regions = ctx.db.regions.filter((r) => r !== region);
    ctx.db.shippingOptions = ctx.db.shippingOptions.filter((o) => o.regionId !== region.id);
    return { id: region.id, object: 'region' as const, deleted: true as const };
  },
});

/** `/v1/commerce/shipping-options` in memory, as the server. */
const shippingOptionMocks = mockResource(shippingOptionOperations, {
  list: (ctx) => {
    ctx.tenant();
    const items = ctx.db.shippingOptions.filter(
      (o) => !ctx.query.regionId || o.regionId === ctx.query.regionId,
    );
    return paginate(items, ctx.query, byIdAscending);
  },
  retrieve: (ctx) => {
    ctx.tenant();
    return findById(ctx.db.shippingOptions, ctx.params.id, 'shipping option');
  },
  create(ctx) {
    ctx.tenant();
    const region = ctx.db.regions.find((r) => r.id === ctx.body.regionId);
    if (!region) {
      throw new ProblemError(404, 'not_found', `No region with id '${ctx.body.regionId}'.`, {
        param: 'regionId',
      });
    }
    requireRegionCurrency(ctx.body.amount, region.currency, 'amount');
    if (ctx.body.freeOver) requireRegionCurrency(ctx.body.freeOver, region.currency, 'freeOver');
    const at = now();
    const option: ShippingOption = {
      id: newId('ship'),
      object: 'shipping_option',
      regionId: region.id,
      name: ctx.body.name,
      amount: { ...ctx.body.amount },
      freeOver: ctx.body.freeOver ? { ...ctx.body.freeOver } : null,
      active: ctx.body.active ?? true,
      metadata: { ...ctx.body.metadata },
      createdAt: at,
      updatedAt: at,
    };
    ctx.db.shippingOptions.push(option);
    return option;
  },
  update(ctx) {
    ctx.tenant();
    const option = findById(ctx.db.shippingOptions, ctx.params.id, 'shipping option');
    const currency = option.amount.currency;
    const { name, amount, freeOver, active, metadata } = ctx.body;
    if (amount) requireRegionCurrency(amount, currency, 'amount');
    if (freeOver) requireRegionCurrency(freeOver, currency, 'freeOver');
    Object.assign(option, {
      ...(name !== undefined && { name }),
      ...(amount !== undefined && { amount: { ...amount } }),
      ...(freeOver !== undefined && { freeOver: freeOver ? { ...freeOver } : null }),
      ...(active !== undefined && { active }),
      ...(metadata !== undefined && { metadata: { ...metadata } }),
      updatedAt: now(),
    });
    return option;
  },
  del(ctx) {
    ctx.tenant();
    const option = findById(ctx.db.shippingOptions, ctx.params.id, 'shipping option');
    ctx.db.shippingOptions = ctx.db.shippingOptions.filter((o) => o !== option);
    return { id: option.id, object: 'shipping_option' as const, deleted: true as const };
  },
});

/**
 * The currency a code was tied to when made (its amount off's or minimum spend's): the server keeps
 * it even once the minimum spend is cleared, and the wire shape does not show it.
 */
const codeCurrencies = new WeakMap<DiscountCode, string>();
const currencyOf = (d: DiscountCode) =>
  codeCurrencies.get(d) ?? d.amountOff?.currency ?? d.minimumSpend?.currency;

/** `/v1/commerce/discount-codes` in memory, as the server. */
const discountCodeMocks = mockResource(discountCodeOperations, {
  list: (ctx) => {
    ctx.tenant();
    const active = ctx.query.active;
    const items = ctx.db.discountCodes.filter(
      (d) => active === undefined || d.active === (active === 'true'),
    );
    return paginate(items, ctx.query);
  },
  retrieve: (ctx) => {
    ctx.tenant();
    return findById(ctx.db.discountCodes, ctx.params.id, 'discount code');
  },
  create(ctx) {
    ctx.tenant();
    const b = ctx.body;
    const code = b.code.toUpperCase();
    if (ctx.db.discountCodes.some((d) => d.code === code)) {
      throw new ProblemError(409, 'conflict', `A discount code '${code}' exists already.`, { param: 'code' });
    }
    const at = now();
    const discount: DiscountCode = {
      id: newId('disc'),
      object: 'discount_code',
      code,
      type: b.type,
      percentOff: b.type === 'percentage' ? (b.percentOff ?? null) : null,
      amountOff: b.type === 'fixed' && b.amountOff ? { ...b.amountOff } : null,
      minimumSpend: b.minimumSpend ? { ...b.minimumSpend } : null,
      usageLimit: b.usageLimit ?? null,
      usageLimitPerCustomer: b.usageLimitPerCustomer ?? null,
      usedCount: 0,
      startsAt: b.startsAt ? new Date(b.startsAt).toISOString() : null,
      endsAt: b.endsAt ? new Date(b.endsAt).toISOString() : null,
      active: b.active ?? true,
      metadata: { ...b.metadata },
      createdAt: at,
      updatedAt: at,
    };
    const currency = b.amountOff?.currency ?? b.minimumSpend?.currency;
    if (currency) codeCurrencies.set(discount, currency);
    ctx.db.discountCodes.push(discount);
    return discount;
  },
  update(ctx) {
    ctx.tenant();
    const d = findById(ctx.db.discountCodes, ctx.params.id, 'discount code');
    const b = ctx.body;
    if (b.usageLimit != null && b.usageLimit < d.usedCount) {
      throw new ProblemError(
        409,
        'invalid_state',
        `The code has been redeemed ${d.usedCount} times: its limit cannot go below that.`,
        { param: 'usageLimit' },
      );
    }
    const currency = currencyOf(d);
    if (b.minimumSpend && currency && b.minimumSpend.currency !== currency) {
      throw new ProblemError(
        400,
        'validation_failed',
        `minimumSpend must be in the code's currency (${currency}).`,
        {
          param: 'minimumSpend',
        },
      );
    }
    const startsAt =
      b.startsAt === undefined ? d.startsAt : b.startsAt ? new Date(b.startsAt).toISOString() : null;
    const endsAt = b.endsAt === undefined ? d.endsAt : b.endsAt ? new Date(b.endsAt).toISOString() : null;
    if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
      throw new ProblemError(400, 'validation_failed', 'endsAt must be after startsAt.', { param: 'endsAt' });
    }
    Object.assign(d, {
      ...(b.active !== undefined && { active: b.active }),
      ...(b.metadata !== undefined && { metadata: { ...b.metadata } }),
      ...(b.usageLimit !== undefined && { usageLimit: b.usageLimit }),
      ...(b.usageLimitPerCustomer !== undefined && { usageLimitPerCustomer: b.usageLimitPerCustomer }),
      ...(b.minimumSpend !== undefined && { minimumSpend: b.minimumSpend ? { ...b.minimumSpend } : null }),
      startsAt,
      endsAt,
      updatedAt: now(),
    });
    const kept = currency ?? b.minimumSpend?.currency;
    if (kept) codeCurrencies.set(d, kept);
    return d;
  },
  del(ctx) {
    ctx.tenant();
    const d = findById(ctx.db.discountCodes, ctx.params.id, 'discount code');
    if (d.usedCount > 0) {
      throw new ProblemError(
        409,
        'invalid_state',
        `The code has been redeemed ${d.usedCount} times: deactivate it instead.`,
      );
    }
    ctx.db.discountCodes = ctx.db.discountCodes.filter((x) => x !== d);
    return { id: d.id, object: 'discount_code' as const, deleted: true as const };
  },
});

/** Regions, shipping options and discount codes in memory. */
export const pricingMocks = [...regionMocks, ...shippingOptionMocks, ...discountCodeMocks];
