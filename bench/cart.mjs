#!/usr/bin/env node
// Cart flow throughput on PostgreSQL, as a storefront drives it: with the tenant's publishable
// key, create a cart (`POST /v1/commerce/carts`) then add one item to it (`POST
// /v1/commerce/carts/:id/lines` with the cart's token), on 16 autocannon connections, each a
// closed loop. (The SDK's Idempotency-Key would change nothing: a publishable key, shared by every
// browser of the tenant, has nobody a stored reply could be replayed to, so the server does not
// honour keys sent with one.) Printed beside Medusa 2.21.2's 4.3 carts/s (measured on a machine like
// this one, ~108 SQL statements per flow; goal ≥ 100×) and beside a baseline measured in the same
// run: bare Hono + pg reading one row (bench/baseline-server.mjs), on as many autocannon
// connections. Statements per flow are counted with pg_stat_statements when PostgreSQL loads it,
// else at the server's pg driver (bench/statementCounter.mjs); the output says which.
//
// Run alone with `node bench/cart.mjs` (BENCH_DATABASE_URL, default
// postgres://root@127.0.0.1:5432/test: a fresh database is created under it and dropped at the
// end; BENCH_SECONDS=10, CART_CLIENTS=16), or as a section of run.mjs.
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
/** Medusa 2.21.2's cart flow (create + add one item), measured on a machine like ours. */
export const MEDUSA = { cartsPerSecond: 4.3, statementsPerFlow: 108 };

/** Carts/s of the cart flow, its statements per flow, and the baseline read's rate. */
export async function cartThroughput({
  adminUrl = ADMIN_URL,
  seconds = Number(process.env.BENCH_SECONDS ?? 10),
  clients = Number(process.env.CART_CLIENTS ?? 16),
} = {}) {
  const database = await freshDatabase(adminUrl, 'agentstack_bench_cart');
  let srv;
  try {
    srv = await startChild('server.mjs', { DATABASE_URL: database.url, STATEMENTS: 'count' });
    const { url, secretKey, publishableKey, tenantId } = srv.info;
    const http = httpClient(url, 1);
    const product = expectStatus(
      await http.send('POST', '/v1/commerce/products', {
        headers: { authorization: `Bearer ${secretKey}` },
        body: { title: 'Bench tee', status: 'active', price: { amount: 2500, currency: 'EUR' } },
      }),
      201,
      'product',
    );
    http.close();
    const pk = { authorization: `Bearer ${publishableKey}` };
    const steps = [
      {
        expect: 201,
        request: () => ({
          method: 'POST',
          path: '/v1/commerce/carts',
          headers: pk,
          body: { currency: 'EUR' },
        }),
      },
      {
        expect: 200,
        request: ([cart]) => ({
          method: 'POST',
          path: `/v1/commerce/carts/${cart.id}/lines`,
          headers: { ...pk, [CART_TOKEN]: cart.token },
          body: { itemId: product.id, quantity: 1 },
        }),
        check: (cart) => {
          if (cart.lines.length !== 1 || cart.total.amount !== 2500) {
            throw new Error(`add item: unexpected cart ${JSON.stringify(cart)}`);
          }
        },
      },
    ];
    const carts = await measureFlow(database.url, srv, { connections: clients, seconds, steps });
    await stopChild(srv.child);
    const row = await measureBaselineRead(database.url, tenantId, { connections: clients, seconds });
    return { clients, carts, row };
  } finally {
    if (srv) await stopChild(srv.child);
    await database.drop();
  }
}

/** The figures as the report prints them. */
export function formatCart({ clients, carts, row }) {
  const statements = carts.statements.total / carts.completed;
  const ratio = carts.rate / MEDUSA.cartsPerSecond;
  return [
    `\n## Cart flow: create a cart + add one item, publishable key, ${clients} connections, PostgreSQL`,
    '| | carts/s | requests/s | SQL statements per flow |',
    '|---|---:|---:|---:|',
    `| AgentStack | ${carts.rate.toFixed(0)} | ${(carts.rate * 2).toFixed(0)} | ${statements.toFixed(2)} |`,
    `| Medusa 2.21.2 (measured on a machine like this one) | ${MEDUSA.cartsPerSecond} | | ~${MEDUSA.statementsPerFlow} |`,
    `| bare Hono + pg, single-row read (same run, as many connections) | | ${row.rate.toFixed(0)} | 1 |`,
    `\ncart flow: ${carts.rate.toFixed(0)} carts/s (${carts.completed} flows in ${carts.seconds.toFixed(1)} s) = ${ratio.toFixed(0)}× Medusa's ${MEDUSA.cartsPerSecond} (goal ≥ 100×, ≥ ${MEDUSA.cartsPerSecond * 100} carts/s)`,
    `its ${(carts.rate * 2).toFixed(0)} requests/s = ${(((carts.rate * 2) / row.rate) * 100).toFixed(1)}% of the bare single-row read's ${row.rate.toFixed(0)}/s`,
    `CPU per flow: ${cpuPer(carts.cpu, carts.completed)}; per single-row read: ${cpuPer(row.cpu, row.total)}`,
    `SQL statements per flow: ${statements.toFixed(2)} (${perFlow(carts.statements, carts.completed)}) vs Medusa's ~${MEDUSA.statementsPerFlow}`,
    `statements counted by ${carts.method}`,
  ].join('\n');
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  console.log(formatCart(await cartThroughput()));
}
