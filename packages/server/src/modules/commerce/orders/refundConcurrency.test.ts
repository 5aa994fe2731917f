// Concurrent partial refunds of one order through two server instances on one PostgreSQL: what
// is refunded never exceeds what was captured, whatever the interleaving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from '../../../../test/harness';

const ORDERS = '/v1/commerce/orders';
const PGLITE_REASON = 'one connection runs transactions one at a time, so no two refunds race';

describe.each(DATABASES)('concurrent refunds on %s', (kind) => {
  let t: TestServer;
  let sk: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    ({ secretKey: sk } = await createTenant(t));
  });
  afterAll(() => t?.stop());

  if (kind !== 'postgres') {
    it.skip(`10 concurrent partial refunds through two instances (${PGLITE_REASON})`, () => {});
    console.log(`concurrent refunds skipped on PGlite: ${PGLITE_REASON}`);
    return;
  }

  it('takes 10 concurrent partial refunds whose sum exceeds the capture through two instances: never more than captured, the rest 409 refund_exceeds_captured', async () => {
    const second = await startTestServer('postgres', { databaseUrl: t.databaseUrl });
    try {
      const product = await t.request('POST', '/v1/commerce/products', {
        token: sk,
        body: { title: 'Oak table', status: 'active', price: { amount: 10_000, currency: 'EUR' } },
      });
      await t.request('POST', '/v1/commerce/inventory-levels/adjust', {
        token: sk,
        body: { itemId: product.body.id, delta: 1, reason: 'receipt' },
      });
      const order = await t.request('POST', ORDERS, {
        token: sk,
        body: { currency: 'EUR', items: [{ itemId: product.body.id, quantity: 1 }], markPaid: true },
      });
      expect(order.status, JSON.stringify(order.body)).toBe(201);
      const id = order.body.id as string;
      // 10 × 1,500 asks for 15,000 of the 10,000 captured: 6 fit (9,000), 4 cannot.
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? second : t).request('POST', `${ORDERS}/${id}/refund`, {
            token: sk,
            body: { amount: 1500, reason: 'requested_by_customer' },
            headers: { 'idempotency-key': `refund-${id}-${i}` },
          }),
        ),
      );
      const ok = answers.filter((a) => a.status === 200);
      const refused = answers.filter((a) => a.status !== 200);
      for (const a of refused) {
        expect([a.status, a.body.code, a.body.param]).toEqual([409, 'refund_exceeds_captured', 'amount']);
      }
      expect(ok).toHaveLength(6);
      expect(refused).toHaveLength(4);

      const after = (await t.request('GET', `${ORDERS}/${id}`, { token: sk })).body;
      const succeeded = after.refunds.filter((r: { status: string }) => r.status === 'succeeded');
      expect(succeeded).toHaveLength(6);
      expect(after.refunds).toHaveLength(6);
      expect(after.refundedTotal).toEqual({ amount: 9000, currency: 'EUR' });
      expect(after.paymentStatus).toBe('partially_refunded');
      expect(after.payments[0]).toMatchObject({
        captured: { amount: 10_000, currency: 'EUR' },
        refunded: { amount: 9000, currency: 'EUR' },
      });
      // What is left is refundable once, then nothing.
      const rest = await second.request('POST', `${ORDERS}/${id}/refund`, { token: sk, body: {} });
      expect([rest.status, rest.body.status, rest.body.refundedTotal.amount]).toEqual([
        200,
        'refunded',
        10_000,
      ]);
      const more = await t.request('POST', `${ORDERS}/${id}/refund`, { token: sk, body: { amount: 1 } });
      expect(more.status).toBe(409);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
