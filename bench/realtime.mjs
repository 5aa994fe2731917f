#!/usr/bin/env node
// End-to-end latency of the realtime stream under a steady write load, on PostgreSQL: one SSE
// client (`GET /v1/realtime?topics=products`) while products are created at a steady rate
// (open loop: a write starts every 1000/RATE ms whatever the others do). For each write it
// records when the request started, when its response arrived (the baseline: the write's own
// latency — the commit happens before it) and when its `product.created` reached the SSE client.
// Commit → client lies between (client − response) and (client − start). Run once with the
// database's notifications, once with NATS (NATS_URL, default nats://127.0.0.1:4222) when it is
// reachable. Run alone with `node bench/realtime.mjs`, or from run.mjs. Traffic stays on 127.0.0.1.
import pg from 'pg';
import { startChild, stopChild } from './flows.mjs';

const WRITES = Number(process.env.REALTIME_WRITES ?? 150);
const RATE = Number(process.env.REALTIME_RATE ?? 10);

const quantiles = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: v[v.length - 1] };
};

/** Opens the stream; calls `onEvent(productId, arrivedAt)` for each product.created. Resolves once `ready`. */
async function subscribe(url, key, onEvent) {
  const controller = new AbortController();
  const res = await fetch(`${url}/v1/realtime?topics=product.created`, {
    headers: { authorization: `Bearer ${key}` },
    signal: controller.signal,
  });
  if (!res.ok) throw new Error(`stream ${res.status}: ${await res.text()}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ready;
  const isReady = new Promise((r) => {
    ready = r;
  });
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true }));
      if (done) return;
      const now = performance.now();
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        if (block.includes('event: ready')) ready();
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: product.created') && data) onEvent(JSON.parse(data.slice(6)).data.id, now);
      }
    }
  })();
  await isReady;
  return () => controller.abort();
}

async function measure(url, key) {
  const started = new Map();
  const responded = new Map();
  const arrived = new Map();
  let allArrived;
  const everything = new Promise((r) => {
    allArrived = r;
  });
  const close = await subscribe(url, key, (id, at) => {
    arrived.set(id, at);
    if (arrived.size === WRITES) allArrived();
  });
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const writes = [];
  const t0 = performance.now();
  for (let i = 0; i < WRITES; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    writes.push(
      (async () => {
        const start = performance.now();
        const res = await fetch(`${url}/v1/commerce/products`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ title: `Realtime bench ${i}`, price: { amount: 100 + i, currency: 'EUR' } }),
        });
        const body = await res.json();
        if (res.status !== 201) throw new Error(`create ${res.status}: ${JSON.stringify(body)}`);
        started.set(body.id, start);
        responded.set(body.id, performance.now());
      })(),
    );
  }
  await Promise.all(writes);
  const timeout = setTimeout(() => allArrived(), 30_000);
  await everything;
  clearTimeout(timeout);
  close();
  const ids = [...started.keys()];
  const missing = ids.filter((id) => !arrived.has(id)).length;
  return {
    writes: ids.length,
    missing,
    response: quantiles(ids.map((id) => responded.get(id) - started.get(id))),
    sseFromStart: quantiles(
      ids.filter((id) => arrived.has(id)).map((id) => arrived.get(id) - started.get(id)),
    ),
    sseAfterResponse: quantiles(
      ids.filter((id) => arrived.has(id)).map((id) => arrived.get(id) - responded.get(id)),
    ),
  };
}

async function natsReachable(url) {
  try {
    const { connect } = await import('nats');
    const nc = await connect({ servers: url, timeout: 2000, reconnect: false });
    await nc.close();
    return true;
  } catch {
    return false;
  }
}

/** Realtime latency on a new PostgreSQL database, with NOTIFY and (if reachable) with NATS. */
export async function realtimeLatency({
  adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test',
  natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
} = {}) {
  const results = [];
  const transports = [['PostgreSQL NOTIFY', '']];
  if (await natsReachable(natsUrl)) transports.push(['NATS JetStream', natsUrl]);
  for (const [name, nats] of transports) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const db = `agentstack_bench_rt_${Date.now().toString(36)}`;
    await admin.query(`create database ${db}`);
    try {
      const dbUrl = new URL(adminUrl);
      dbUrl.pathname = `/${db}`;
      const srv = await startChild('server.mjs', { DATABASE_URL: dbUrl.toString(), NATS_URL: nats });
      try {
        results.push({ transport: name, ...(await measure(srv.info.url, srv.info.secretKey)) });
      } finally {
        await stopChild(srv.child);
      }
    } finally {
      await admin.query(`drop database if exists ${db} with (force)`);
      await admin.end();
    }
  }
  return results;
}

/** The results as a table. */
export function formatRealtime(results) {
  const ms = (q) => `p50 ${q.p50.toFixed(1)} ms, p99 ${q.p99.toFixed(1)} ms`;
  const lines = [
    `Realtime: ${WRITES} product writes at ${RATE}/s, one SSE client (topics=product.created), PostgreSQL`,
  ];
  for (const r of results) {
    lines.push(
      `  ${r.transport.padEnd(18)} write response (baseline) ${ms(r.response)} | SSE after request start ${ms(r.sseFromStart)} | SSE after response ${ms(r.sseAfterResponse)}${r.missing ? ` | ${r.missing} MISSING` : ''}`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  console.log(formatRealtime(await realtimeLatency()));
}
