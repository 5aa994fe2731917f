import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn,
  startTestServer,
  type TestServer,
} from '../../../../test/harness';

const W = '/v1/commerce/order-workflow';
const ENTERPRISE = {
  subscription: { platform: 'scale', commerce: 'commerce_enterprise', fintech: null, social: null },
};

describe.each(DATABASES)('the order workflow on %s', (kind) => {
  let t: TestServer;
  let enterprise: string;
  let growth: string;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    ({ secretKey: enterprise, tenantId: enterpriseId } = await createTenant(t, ENTERPRISE));
    ({ secretKey: growth } = await createTenant(t));
  });
  afterAll(() => t?.stop());

  it('has no custom steps until an Enterprise tenant sets them; replaces them in order', async () => {
    expect((await t.request('GET', W, { token: enterprise })).body).toEqual({
      object: 'order_workflow',
      steps: [],
      updatedAt: null,
    });
    const steps = [
      { key: 'packed', name: 'Packed' },
      { key: 'quality_check', name: ' Quality check ' },
    ];
    const set = await t.request('PATCH', W, { token: enterprise, body: { steps } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.steps).toEqual([
      { key: 'packed', name: 'Packed' },
      { key: 'quality_check', name: 'Quality check' },
    ]);
    expect(Date.parse(set.body.updatedAt)).not.toBeNaN();
    const reordered = await t.request('PATCH', W, {
      token: enterprise,
      body: { steps: [steps[1], steps[0]] },
    });
    expect(reordered.body.steps.map((s: { key: string }) => s.key)).toEqual(['quality_check', 'packed']);
    expect((await t.request('GET', W, { token: enterprise })).body.steps).toEqual(reordered.body.steps);
    expect((await t.request('PATCH', W, { token: enterprise, body: { steps: [] } })).body.steps).toEqual([]);
  });

  it('below Enterprise: reads no steps, and changing them answers 403 feature_not_in_plan naming the plan', async () => {
    expect((await t.request('GET', W, { token: growth })).body.steps).toEqual([]);
    const res = await t.request('PATCH', W, {
      token: growth,
      body: { steps: [{ key: 'packed', name: 'Packed' }] },
    });
    expect([res.status, res.body.code, res.body.upgrade?.id]).toEqual([
      403,
      'feature_not_in_plan',
      'commerce_enterprise',
    ]);
  });

  it('refuses bad steps with 400 validation_failed and keeps the old ones', async () => {
    await t.request('PATCH', W, { token: enterprise, body: { steps: [{ key: 'packed', name: 'Packed' }] } });
    const bad = [
      [
        { key: 'packed', name: 'A' },
        { key: 'packed', name: 'B' },
      ],
      [{ key: 'Packed', name: 'A' }],
      [{ key: '1st', name: 'A' }],
      [{ key: 'a'.repeat(41), name: 'A' }],
      [{ key: 'packed', name: '' }],
      [{ key: 'packed', name: 'x\u0000y' }],
      [{ key: 'packed', name: '\ud800' }],
      [{ key: 'packed', name: 'x'.repeat(61) }],
      [{ key: 'packed', name: 'A', extra: 1 }],
      Array.from({ length: 9 }, (_, i) => ({ key: `s${i}`, name: `S${i}` })),
    ];
    for (const steps of bad) {
      const res = await t.request('PATCH', W, { token: enterprise, body: { steps } });
      expect([res.status, res.body.code], JSON.stringify(steps)).toEqual([400, 'validation_failed']);
    }
    expect((await t.request('PATCH', W, { token: enterprise, body: {} })).status).toBe(400);
    expect((await t.request('GET', W, { token: enterprise })).body.steps).toEqual([
      { key: 'packed', name: 'Packed' },
    ]);
  });

  it('lets viewers read but not change it, and keeps tenants apart', async () => {
    const viewer = await createUser(t, enterprise, 'viewer');
    const session = await signIn(t, viewer.email, enterpriseId);
    expect((await t.request('GET', W, { token: session })).status).toBe(200);
    const res = await t.request('PATCH', W, { token: session, body: { steps: [] } });
    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    const other = await createTenant(t, ENTERPRISE);
    expect((await t.request('GET', W, { token: other.secretKey })).body.steps).toEqual([]);
    expect((await t.request('GET', W, { token: other.publishableKey })).status).toBe(403);
  });

  it('holds a fulfilling order until it passed every step, in order, each on its timeline', async () => {
    const product = await t.request('POST', '/v1/commerce/products', {
      token: enterprise,
      body: { title: 'Stoneware mug', status: 'active', price: { amount: 1800, currency: 'EUR' } },
    });
    await t.request('POST', '/v1/commerce/inventory-levels/adjust', {
      token: enterprise,
      body: { itemId: product.body.id, delta: 3, reason: 'receipt' },
    });
    await t.request('PATCH', W, {
      token: enterprise,
      body: {
        steps: [
          { key: 'packed', name: 'Packed' },
          { key: 'quality_check', name: 'Quality check' },
        ],
      },
    });
    const placed = await t.request('POST', '/v1/commerce/orders', {
      token: enterprise,
      body: { currency: 'EUR', items: [{ itemId: product.body.id, quantity: 1 }] },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const id = placed.body.id as string;
    const act = (action: string) =>
      t.request('POST', `/v1/commerce/orders/${id}/${action}`, { token: enterprise, body: {} });
    const early = await act('advance-step');
    expect([early.status, early.body.code]).toEqual([409, 'invalid_transition']);
    expect((await act('mark-paid')).status).toBe(200);
    await t.server.context.dispatcher!.drain();
    let order = (await t.request('GET', `/v1/commerce/orders/${id}`, { token: enterprise })).body;
    if (order.status === 'paid') order = (await act('start-fulfillment')).body;
    expect([order.status, order.workflowStep]).toEqual(['fulfilling', null]);
    expect(order.allowedTransitions.map((a: { action: string }) => a.action)).not.toContain('ship');
    const blocked = await act('ship');
    expect([blocked.status, blocked.body.code]).toEqual([409, 'invalid_transition']);
    expect(blocked.body.allowedTransitions.map((a: { action: string }) => a.action)).not.toContain('ship');

    const packed = await act('advance-step');
    expect(packed.status, JSON.stringify(packed.body)).toBe(200);
    expect([packed.body.status, packed.body.workflowStep]).toEqual(['fulfilling', 'packed']);
    expect(packed.body.timeline.at(-1)).toMatchObject({
      type: 'order.workflow_step',
      message: 'Step: Packed',
    });
    // A step an order is in cannot be removed.
    const removal = await t.request('PATCH', W, {
      token: enterprise,
      body: { steps: [{ key: 'quality_check', name: 'QC' }] },
    });
    expect([removal.status, removal.body.code, removal.body.steps]).toEqual([
      409,
      'workflow_step_in_use',
      ['packed'],
    ]);
    const checked = await act('advance-step');
    expect(checked.body.workflowStep).toBe('quality_check');
    expect(checked.body.allowedTransitions.map((a: { action: string }) => a.action)).toContain('ship');
    const beyond = await act('advance-step');
    expect([beyond.status, beyond.body.code]).toEqual([409, 'invalid_transition']);
    const shipped = await act('ship');
    expect([shipped.status, shipped.body.status]).toEqual([200, 'shipped']);
    // Another tenant cannot move it; a viewer cannot either.
    const other = await createTenant(t, ENTERPRISE);
    const foreign = await t.request('POST', `/v1/commerce/orders/${id}/advance-step`, {
      token: other.secretKey,
      body: {},
    });
    expect(foreign.status).toBe(404);
  });
});
