import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AgentStack } from '../../client';
import { DiscountCode, Region, ShippingOption } from '../../schemas/commerce/pricing';
import { createMockApi, type MockApiOptions } from '../index';

const BASE = 'http://pricing-mocks.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(options: MockApiOptions = {}) {
  const api = createMockApi({ baseUrl: BASE, ...options });
  server.use(...api.handlers);
  const make = (apiKey: string) => new AgentStack({ apiKey, baseUrl: BASE, maxRetries: 0 });
  return { api, client: make('sk_test'), publishable: make('pk_test'), make };
}

/** The problem a call failed with, as the SDK carries it. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: { status: number; code: string; problem?: { param?: string; errors?: { param: string }[] } }) => ({
      status: e.status,
      code: e.code,
      param: e.problem?.param,
      params: e.problem?.errors?.map((x) => x.param) ?? [],
    }),
  );

describe('pricing mocks: fixtures', () => {
  it('serve Europe (EUR) and the United Kingdom (GBP) with their shipping options and two codes, valid against the schemas', async () => {
    const { client } = setup();
    const regions = (await client.commerce.regions.list()).data;
    expect(regions.map((r) => [r.name, r.currency, r.taxRateBps])).toEqual([
      ['Europe', 'EUR', 2100],
      ['United Kingdom', 'GBP', 2000],
    ]);
    const options = (await client.commerce.shippingOptions.list({ limit: 100 })).data;
    expect(options.length).toBe(4);
    for (const o of options) {
      const region = regions.find((r) => r.id === o.regionId);
      expect(o.amount.currency).toBe(region?.currency);
      if (o.freeOver) expect(o.freeOver.currency).toBe(region?.currency);
    }
    expect(options.some((o) => !o.active)).toBe(true);
    const europeOnly = await client.commerce.shippingOptions.list({ regionId: regions[0]!.id });
    expect(europeOnly.data.every((o) => o.regionId === regions[0]!.id)).toBe(true);
    const codes = (await client.commerce.discountCodes.list()).data;
    expect(codes.map((c) => c.code).sort()).toEqual(['SPRING5', 'WELCOME10']);
    const welcome = codes.find((c) => c.code === 'WELCOME10')!;
    expect(welcome).toMatchObject({ type: 'percentage', percentOff: 10, amountOff: null, active: true });
    const spring = codes.find((c) => c.code === 'SPRING5')!;
    expect(spring).toMatchObject({
      type: 'fixed',
      amountOff: { amount: 500, currency: 'EUR' },
      minimumSpend: { amount: 4000, currency: 'EUR' },
      usageLimit: 200,
    });
    for (const r of regions) expect(Region.safeParse(r).error).toBeUndefined();
    for (const o of options) expect(ShippingOption.safeParse(o).error).toBeUndefined();
    for (const c of codes) expect(DiscountCode.safeParse(c).error).toBeUndefined();
  });

  it('are the same on every tier: the server gates no part of pricing by plan', async () => {
    for (const tenant of ['starter', 'growth', 'enterprise'] as const) {
      const { client } = setup({ tenant });
      expect((await client.commerce.regions.list()).data).toHaveLength(2);
      const region = await client.commerce.regions.create({
        name: 'Switzerland',
        currency: 'CHF',
        countries: ['CH', 'LI'],
        taxRateBps: 810,
      });
      await client.commerce.shippingOptions.create({
        regionId: region.id,
        name: 'Post CH',
        amount: { amount: 900, currency: 'CHF' },
      });
      await client.commerce.discountCodes.create({
        code: `tier-${tenant}`,
        type: 'percentage',
        percentOff: 5,
      });
    }
  });
});

describe('pricing mocks: the server rules', () => {
  it('name every failing field of a body (400 validation_failed with errors)', async () => {
    const { client } = setup();
    expect(
      await failure(
        client.commerce.regions.create({
          name: ' ',
          currency: 'EUR',
          countries: ['FR', 'FR'],
          taxRateBps: 10_001,
        }),
      ),
    ).toEqual({
      status: 400,
      code: 'validation_failed',
      param: 'name',
      params: ['name', 'countries', 'taxRateBps'],
    });
    expect(
      await failure(client.commerce.discountCodes.create({ code: 'x!', type: 'percentage' } as never)),
    ).toMatchObject({ status: 400, code: 'validation_failed', params: ['code', 'percentOff'] });
    expect(
      await failure(
        client.commerce.discountCodes.create({
          code: 'BAD-MIN',
          type: 'fixed',
          amountOff: { amount: 500, currency: 'EUR' },
          minimumSpend: { amount: 4000, currency: 'GBP' },
        }),
      ),
    ).toMatchObject({ status: 400, params: ['minimumSpend'] });
  });

  it("keep shipping amounts in the region's currency, and a region's options go with it", async () => {
    const { client } = setup();
    const [europe] = (await client.commerce.regions.list()).data;
    expect(
      await failure(
        client.commerce.shippingOptions.create({
          regionId: europe!.id,
          name: 'Dollar post',
          amount: { amount: 500, currency: 'USD' },
        }),
      ),
    ).toEqual({ status: 400, code: 'validation_failed', param: 'amount', params: ['amount'] });
    expect(
      await failure(
        client.commerce.shippingOptions.create({
          regionId: 'reg_00000000000000000000',
          name: 'Nowhere',
          amount: { amount: 500, currency: 'EUR' },
        }),
      ),
    ).toMatchObject({ status: 404, code: 'not_found', param: 'regionId' });
    const [option] = (await client.commerce.shippingOptions.list({ regionId: europe!.id })).data;
    expect(
      await failure(
        client.commerce.shippingOptions.update(option!.id, { freeOver: { amount: 1, currency: 'GBP' } }),
      ),
    ).toMatchObject({ status: 400, param: 'freeOver' });
    expect(await client.commerce.shippingOptions.update(option!.id, { active: false })).toMatchObject({
      active: false,
    });
    await client.commerce.regions.del(europe!.id);
    expect(
      (await client.commerce.shippingOptions.list({ limit: 100 })).data.map((o) => o.regionId),
    ).not.toContain(europe!.id);
  });

  it('match codes without regard to case, keep a limit above the redemptions, and keep redeemed codes', async () => {
    const { client } = setup();
    expect(
      await failure(
        client.commerce.discountCodes.create({ code: 'welcome10', type: 'percentage', percentOff: 20 }),
      ),
    ).toEqual({ status: 409, code: 'conflict', param: 'code', params: [] });
    const spring = (await client.commerce.discountCodes.list()).data.find((c) => c.code === 'SPRING5')!;
    expect(await failure(client.commerce.discountCodes.update(spring.id, { usageLimit: 5 }))).toMatchObject({
      status: 409,
      code: 'invalid_state',
      param: 'usageLimit',
    });
    expect(
      await failure(
        client.commerce.discountCodes.update(spring.id, { minimumSpend: { amount: 100, currency: 'GBP' } }),
      ),
    ).toMatchObject({ status: 400, code: 'validation_failed', param: 'minimumSpend' });
    expect(
      await failure(
        client.commerce.discountCodes.update(spring.id, {
          startsAt: '2030-02-01T00:00:00.000Z',
          endsAt: '2030-01-01T00:00:00.000Z',
        }),
      ),
    ).toMatchObject({ status: 400, param: 'endsAt' });
    expect(await failure(client.commerce.discountCodes.del(spring.id))).toMatchObject({
      status: 409,
      code: 'invalid_state',
    });
    expect(await client.commerce.discountCodes.update(spring.id, { active: false })).toMatchObject({
      active: false,
    });
    // A code keeps its currency once its minimum spend is cleared, as on the server.
    const welcome = (await client.commerce.discountCodes.list()).data.find((c) => c.code === 'WELCOME10')!;
    await client.commerce.discountCodes.update(welcome.id, {
      minimumSpend: { amount: 2000, currency: 'EUR' },
    });
    await client.commerce.discountCodes.update(welcome.id, { minimumSpend: null });
    expect(
      await failure(
        client.commerce.discountCodes.update(welcome.id, { minimumSpend: { amount: 2000, currency: 'GBP' } }),
      ),
    ).toMatchObject({ status: 400, param: 'minimumSpend' });
    const fresh = await client.commerce.discountCodes.create({
      code: 'summer-15',
      type: 'percentage',
      percentOff: 15,
    });
    expect(fresh).toMatchObject({ code: 'SUMMER-15', usedCount: 0, active: true });
    expect(await client.commerce.discountCodes.del(fresh.id)).toEqual({
      id: fresh.id,
      object: 'discount_code',
      deleted: true,
    });
  });

  it('answer by role as the server: viewers read, moderators see nothing, browser keys read no codes', async () => {
    const { publishable } = setup();
    expect((await publishable.commerce.regions.list()).data).toHaveLength(2);
    expect((await publishable.commerce.shippingOptions.list()).data.length).toBeGreaterThan(0);
    expect(await failure(publishable.commerce.discountCodes.list())).toMatchObject({ status: 403 });

    const viewer = setup({ role: 'viewer' }).make('sk_viewer');
    expect((await viewer.commerce.discountCodes.list()).data).toHaveLength(2);
    expect(
      await failure(
        viewer.commerce.regions.create({ name: 'X', currency: 'EUR', countries: ['FR'], taxRateBps: 0 }),
      ),
    ).toMatchObject({ status: 403, code: 'forbidden' });

    const moderator = setup({ role: 'moderator' }).make('sk_moderator');
    expect(await failure(moderator.commerce.regions.list())).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
  });
});
