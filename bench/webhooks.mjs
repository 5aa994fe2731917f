#!/usr/bin/env node
// Webhook deliveries per second to a local receiver, on PostgreSQL, beside a same-run baseline: a
// bare node:http POST loop (keep-alive, the sender's concurrency) sending the same bodies to the
// same receiver. The server's figure is end to end: N product.created events are committed by an
// instance that does not dispatch, then a second instance starts and fans them out (one delivery
// per event), signs and POSTs them; the clock runs from its start until the receiver has answered
// 200 to all N. Run alone with `node bench/webhooks.mjs` (BENCH_DATABASE_URL, default
// postgres://root@127.0.0.1:5432/test; BENCH_WEBHOOKS=2000), or from run.mjs. Traffic stays on
// 127.0.0.1.
import { Agent, createServer as createHttpServer, request } from 'node:http';
import { createServer, seedDemo } from '@agentstack/server';
import pg from 'pg';

const N = Number(process.env.BENCH_WEBHOOKS ?? 2000);
const CONCURRENCY = 16; // the sender's default (ServerOptions.webhooks.concurrency)
const SECRET_KEY = 'bench-server-key-0123456789abcdefghijklmnopqrstuvwxyz';

/** A receiver that answers 200 and resolves `reached(n)` once it has answered n requests. */
async function startReceiver() {
  let count = 0;
  let waiter;
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"received":true}');
      count++;
      if (waiter && count >= waiter.n) waiter.resolve();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    reset: () => {
      count = 0;
    },
    reached: (n) =>
      new Promise((resolve) => {
        if (count >= n) return resolve();
        waiter = { n, resolve };
      }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The baseline: `n` POSTs of `body`, `concurrency` at a time over kept-alive connections. */
async function bareLoop(url, body, n, concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next++ < n) {
      await new Promise((resolve, reject) => {
        const req = request(url, {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        });
        req.once('response', (res) => {
          res.resume();
          res.once('end', resolve);
        });
        req.once('error', reject);
        req.end(body);
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return n / ((performance.now() - started) / 1000);
}

const serverOptions = (databaseUrl, dispatch) => ({
  databaseUrl,
  logLevel: 'silent',
  poolSize: 10,
  dispatch,
  rateLimits: false,
  metering: false,
  secretKey: SECRET_KEY,
  allowPrivateWebhooks: true,
  maintenanceIntervalMs: 0,
});

/** Deliveries/s of the server and of the bare POST loop, on a fresh database under `adminUrl`. */
export async function webhookThroughput({ adminUrl, deliveries = N } = {}) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `agentstack_bench_wh_${Date.now().toString(36)}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const receiver = await startReceiver();
  let writer;
  let sender;
  try {
    // Events first, from an instance that records them and sends nothing.
    writer = await createServer(serverOptions(databaseUrl, false));
    const { url: api } = await writer.start({ port: 0 });
    const creds = await seedDemo(writer.context);
    const tenant = creds.tenants.find((t) => t.slug === 'enterprise') ?? creds.tenants[0];
    const headers = { authorization: `Bearer ${tenant.secretKey}`, 'content-type': 'application/json' };
    const made = await fetch(`${api}/v1/platform/webhook-endpoints`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: receiver.url, enabledEvents: ['product.created'] }),
    });
    if (made.status !== 201) throw new Error(`endpoint: ${made.status} ${await made.text()}`);
    let next = 0;
    let sample;
    const create = async () => {
      while (next < deliveries) {
        const i = next++;
        const res = await fetch(`${api}/v1/commerce/products`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ title: `Webhook bench ${i}`, price: { amount: 1000 + i, currency: 'EUR' } }),
        });
        if (res.status !== 201) throw new Error(`product: ${res.status} ${await res.text()}`);
        sample ??= await res.text();
      }
    };
    await Promise.all(Array.from({ length: 20 }, create));

    // Baseline: the same number of POSTs of an event-sized body, straight to the receiver.
    const body = JSON.stringify({
      id: 'evt_bench',
      object: 'event',
      type: 'product.created',
      seq: 1,
      createdAt: new Date().toISOString(),
      data: JSON.parse(sample ?? '{}'),
    });
    const bare = await bareLoop(receiver.url, body, deliveries, CONCURRENCY);
    receiver.reset();

    // The server: a dispatching instance starts; fan-out, signing and sending of every event.
    const started = performance.now();
    sender = await createServer(serverOptions(databaseUrl, true));
    await receiver.reached(deliveries);
    const seconds = (performance.now() - started) / 1000;
    return { deliveries, server: deliveries / seconds, bare, seconds, bodyBytes: Buffer.byteLength(body) };
  } finally {
    await sender?.stop();
    await writer?.stop();
    await receiver.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** The figures as the report prints them. */
export function formatWebhooks(r) {
  return [
    '\n## Webhook deliveries to a local receiver (PostgreSQL, end to end: fan-out, signing, POST, recording)',
    `| | deliveries/s |`,
    `|---|---|`,
    `| AgentStack webhooks (${r.deliveries} events, sender concurrency ${CONCURRENCY}) | ${r.server.toFixed(0)} |`,
    `| bare node:http POST loop, same receiver and body size (${r.bodyBytes} B), same concurrency | ${r.bare.toFixed(0)} |`,
    `\nwebhook deliveries / bare POST loop: ${((r.server / r.bare) * 100).toFixed(1)}% (${r.seconds.toFixed(2)} s for ${r.deliveries})`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  console.log(formatWebhooks(await webhookThroughput({ adminUrl })));
  process.exit(0);
}
