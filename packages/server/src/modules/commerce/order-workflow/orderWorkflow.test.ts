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
});
