#!/usr/bin/env node
// Completed orders per second on PostgreSQL, as a storefront checks out: on 32 autocannon
// connections, each a closed loop, with the tenant's publishable key: create a cart (with an
// e-mail), add one item, check it out (`POST /v1/commerce/carts/:id/checkout`) with the built-in
// test payment provider and its succeeding card — no address or shipping, which checkout does not
// require. A flow counts once its order answers `paid`. Beside it, measured in the same run on as many
// autocannon connections: bare Hono + pg reading one row (bench/baseline-server.mjs).
//
// Then the oversell invariant, a sell-out round: 120 carts of one unit each of an item with 40
// in stock, all checked out at once. It must end with exactly 40 paid orders, every other answer
// `409 out_of_stock`, the stock at 0 on hand and 0 reserved, no negative stock anywhere, and the
// reservations consistent (each level's `reserved` equals the sum of its reservations, none left
// for the item). The figures are printed; a broken invariant fails the run.
//
// Run alone with `node bench/checkout.mjs` (BENCH_DATABASE_URL, default
// postgres://root@127.0.0.1:5432/test: a fresh database is created under it and dropped at the
// end; BENCH_SECONDS=10, CHECKOUT_CLIENTS=32), or as a section of run.mjs.
import pg from 'pg';
import {
  ADMIN_URL,
  cpuPer,
  expectStatus,
  freshDatabase,
  httpClient,
  measureBaselineRead,
  measureFlow,
  perFlow,
  startChild,
  stopChild,
} from './flows.mjs';

const CART_TOKEN = 'agentstack-cart-token';
const CARD = {
  provider: 'test',
  card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' },
};
const SELL_OUT = { stock: 40, checkouts: 120 };

/** Orders/s of the checkout flow, the baseline read's rate, and the sell-out round's figures. */
export async function checkoutThroughput({
  adminUrl = ADMIN_URL,
  seconds = Number(process.env.BENCH_SECONDS ?? 10),
  clients = Number(process.env.CHECKOUT_CLIENTS ?? 32),
} = {}) {
  const database = await freshDatabase(adminUrl, 'agentstack_bench_checkout');
  let srv;
  try {
    srv = await startChild('server.mjs', { DATABASE_URL: database.url, STATEMENTS: 'count' });
    const { url, secretKey, publishableKey, tenantId } = srv.info;
    const http = httpClient(url, Math.max(clients, SELL_OUT.checkouts));
    const sk = { authorization: `Bearer ${secretKey}` };
    const pk = { authorization: `Bearer ${publishableKey}` };
    const stocked = async (title, amount, stock) => {
      const product = expectStatus(
        await http.send('POST', '/v1/commerce/products', {
          headers: sk,
          body: { title, status: 'active', price: { amount, currency: 'EUR' } },
        }),
        201,
        'product',
      );
      expectStatus(
        await http.send('POST', '/v1/commerce/inventory-levels/adjust', {
          headers: sk,
          body: { itemId: product.id, delta: stock, reason: 'receipt' },
        }),
        200,
        'stock',
      );
      return product.id;
    };
    const cartWith = async (itemId) => {
      const cart = expectStatus(
        await http.send('POST', '/v1/commerce/carts', {
          headers: pk,
          body: { currency: 'EUR', email: 'shopper@example.test' },
        }),
        201,
        'create cart',
      );
      expectStatus(
        await http.send('POST', `/v1/commerce/carts/${cart.id}/lines`, {
          headers: { ...pk, [CART_TOKEN]: cart.token },
          body: { itemId, quantity: 1 },
        }),
        200,
        'add item',
      );
      return cart;
    };
    const checkout = (cart) =>
      http.send('POST', `/v1/commerce/carts/${cart.id}/checkout`, {
        headers: { ...pk, [CART_TOKEN]: cart.token },
        body: { payment: CARD },
      });

    // Orders/s.
    const itemId = await stocked('Bench mug', 1800, 1_000_000_000);
    const withToken = (cart) => ({ ...pk, [CART_TOKEN]: cart.token });
    const steps = [
      {
        expect: 201,
        request: () => ({
          method: 'POST',
          path: '/v1/commerce/carts',
          headers: pk,
          body: { currency: 'EUR', email: 'shopper@example.test' },
        }),
      },
      {
        expect: 200,
        request: ([cart]) => ({
          method: 'POST',
          path: `/v1/commerce/carts/${cart.id}/lines`,
          headers: withToken(cart),
          body: { itemId, quantity: 1 },
        }),
      },
      {
        expect: 201,
        request: ([cart]) => ({
          method: 'POST',
          path: `/v1/commerce/carts/${cart.id}/checkout`,
          headers: withToken(cart),
          body: { payment: CARD },
        }),
        check: (order) => {
          if (order.status !== 'paid') throw new Error(`checkout: order ${order.id} is ${order.status}`);
        },
      },
    ];
    const orders = await measureFlow(database.url, srv, { connections: clients, seconds, steps });

    // The sell-out round: every cart ready first, then every checkout at once.
    const scarce = await stocked('Bench limited edition', 4900, SELL_OUT.stock);
    const carts = await Promise.all(Array.from({ length: SELL_OUT.checkouts }, () => cartWith(scarce)));
    const answers = await Promise.all(carts.map(checkout));
    http.close();
    const sellOut = await checkSellOut(database.url, tenantId, scarce, answers);

    await stopChild(srv.child);
    const row = await measureBaselineRead(database.url, tenantId, { connections: clients, seconds });
    return { clients, orders, row, sellOut };
  } finally {
    if (srv) await stopChild(srv.child);
    await database.drop();
  }
}

/** The sell-out round's outcome, read from the answers and the database; throws if oversold. */
async function checkSellOut(databaseUrl, tenantId, itemId, answers) {
  const paid = answers.filter((a) => a.status === 201 && a.body.status === 'paid').length;
  const refusals = answers.filter((a) => a.status !== 201);
  const outOfStock = refusals.filter((a) => a.status === 409 && a.body.code === 'out_of_stock').length;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const one = async (text, params) => (await db.query(text, params)).rows[0];
    const level = await one(
      `select coalesce(sum(on_hand), 0)::int as on_hand, coalesce(sum(reserved), 0)::int as reserved
       from inventory_levels where tenant_id = $1 and item_id = $2`,
      [tenantId, itemId],
    );
    const negative = await one(
      `select (select count(*) from inventory_levels where on_hand < 0 or reserved < 0 or reserved > on_hand)::int
            + (select count(*) from products where inventory_quantity < 0)::int
            + (select count(*) from product_variants where inventory_quantity < 0)::int as rows`,
    );
    // Every level's `reserved` is the sum of its reservations.
    const mismatched = await one(
      `select count(*)::int as levels from inventory_levels l
       where l.reserved <> coalesce((select sum(r.quantity) from inventory_reservations r where r.level_id = l.id), 0)`,
    );
    const leftover = await one(
      'select count(*)::int as reservations from inventory_reservations where tenant_id = $1 and item_id = $2',
      [tenantId, itemId],
    );
    const paidOrders = await one(
      `select count(distinct o.id)::int as orders, coalesce(sum(l.quantity), 0)::int as units
       from orders o join order_items l on l.order_id = o.id
       where o.tenant_id = $1 and o.payment_status = 'paid' and l.item_id = $2`,
      [tenantId, itemId],
    );
    const sold = await one(
      `select coalesce(-sum(delta), 0)::int as units from inventory_movements
       where tenant_id = $1 and item_id = $2 and reason = 'sale'`,
      [tenantId, itemId],
    );
    const result = {
      ...SELL_OUT,
      paid,
      outOfStock,
      otherRefusals: refusals.length - outOfStock,
      otherStatuses: [
        ...new Set(
          refusals.filter((a) => a.body?.code !== 'out_of_stock').map((a) => `${a.status} ${a.body?.code}`),
        ),
      ],
      onHand: level.on_hand,
      reserved: level.reserved,
      negativeRows: negative.rows,
      mismatchedLevels: mismatched.levels,
      leftoverReservations: leftover.reservations,
      paidOrders: paidOrders.orders,
      paidUnits: paidOrders.units,
      soldUnits: sold.units,
    };
    const holds =
      result.paid === SELL_OUT.stock &&
      result.paidOrders === SELL_OUT.stock &&
      result.paidUnits === SELL_OUT.stock &&
      result.soldUnits === SELL_OUT.stock &&
      result.outOfStock === SELL_OUT.checkouts - SELL_OUT.stock &&
      result.otherRefusals === 0 &&
      result.onHand === 0 &&
      result.reserved === 0 &&
      result.negativeRows === 0 &&
      result.mismatchedLevels === 0 &&
      result.leftoverReservations === 0;
    return { ...result, holds };
  } finally {
    await db.end();
  }
}

/** The figures as the report prints them; throws when the sell-out round broke the invariant. */
export function formatCheckout({ clients, orders, row, sellOut: s }) {
  const statements = orders.statements.total / orders.completed;
  const lines = [
    `\n## Checkout: cart + add item + checkout (test provider, succeeding card), publishable key, ${clients} connections, PostgreSQL`,
    '| | orders/s | requests/s | SQL statements per flow |',
    '|---|---:|---:|---:|',
    `| AgentStack, paid orders | ${orders.rate.toFixed(0)} | ${(orders.rate * 3).toFixed(0)} | ${statements.toFixed(2)} |`,
    `| bare Hono + pg, single-row read (same run, as many connections) | | ${row.rate.toFixed(0)} | 1 |`,
    `\ncheckout: ${orders.rate.toFixed(1)} paid orders/s (${orders.completed} in ${orders.seconds.toFixed(1)} s); its 3 requests/s = ${(((orders.rate * 3) / row.rate) * 100).toFixed(1)}% of the bare single-row read's ${row.rate.toFixed(0)}/s`,
    `CPU per flow: ${cpuPer(orders.cpu, orders.completed)}; per single-row read: ${cpuPer(row.cpu, row.total)}`,
    `SQL statements per flow: ${statements.toFixed(2)} (${perFlow(orders.statements, orders.completed)}), counted by ${orders.method}`,
    `sell-out: ${s.checkouts} checkouts at once for ${s.stock} units → ${s.paid} paid (${s.paidOrders} paid orders, ${s.paidUnits} units, ${s.soldUnits} sold by movements), ${s.outOfStock} × 409 out_of_stock, ${s.otherRefusals} other refusals${s.otherStatuses.length ? ` (${s.otherStatuses.join(', ')})` : ''}; stock on hand ${s.onHand}, reserved ${s.reserved}; ${s.negativeRows} rows with negative stock; ${s.mismatchedLevels} levels whose reserved differs from their reservations, ${s.leftoverReservations} reservations left → ${s.holds ? 'invariant holds' : 'INVARIANT BROKEN'}`,
  ];
  const text = lines.join('\n');
  if (!s.holds) throw new Error(`${text}\nthe sell-out round oversold or lost stock`);
  return text;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  console.log(formatCheckout(await checkoutThroughput()));
}
