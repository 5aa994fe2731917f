#!/usr/bin/env node
// Does `/healthz` keep answering while the server builds large pages? On PostgreSQL (a new
// database) and on PGlite (a temporary folder), it seeds a tenant with 100 products at the largest
// sizes the schemas allow, then times 200 sequential health probes twice: with no other traffic
// (the baseline) and while 8 clients ask for distinct product pages (a random cursor and size
// 1–100, never the same page twice, so every one misses the cache). The load runs in a worker
// thread, so the probes' own event loop stays free. Run alone with `node bench/health.mjs`, or
// from run.mjs. Traffic goes only to 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import pg from 'pg';
import { startChild, stopChild } from './flows.mjs';

const PRODUCTS = 100;
const PROBES = 200;
const CLIENTS = 8;
/** No load runs longer than this, whatever happens. */
const MAX_LOAD_MS = 120_000;
const PROBE_TIMEOUT_MS = 10_000;

// ---- Load worker: CLIENTS loops over distinct pages until told to stop (or MAX_LOAD_MS). ----
if (!isMainThread && workerData?.role === 'list-load') {
  const { url, secretKey, pages } = workerData;
  let stopped = false;
  parentPort.on('message', (m) => {
    if (m === 'stop') stopped = true;
  });
  const deadline = performance.now() + MAX_LOAD_MS;
  let next = 0;
  let done = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (!stopped && performance.now() < deadline && next < pages.length) {
        const res = await fetch(`${url}${pages[next++]}`, {
          headers: { authorization: `Bearer ${secretKey}` },
          signal: AbortSignal.timeout(30_000),
        });
        const body = await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`list ${res.status}: ${Buffer.from(body).toString()}`);
        bytes += body.byteLength;
        if (++done === CLIENTS) parentPort.postMessage('warm');
      }
    }),
  );
  parentPort.postMessage({ done, bytes });
}

/** A product at the schemas' largest sizes: title, description, SKU, image URL, 50 × 500-char metadata. */
function largeProduct(i) {
  const pad = (s, n) => s.padEnd(n, 'x').slice(0, n);
  const metadata = {};
  // 50 keys of 40 characters and values of 500: 27,000 bytes, within the 32 KiB total.
  for (let k = 0; k < 50; k++) metadata[pad(`k${k}_${i}_`, 40)] = pad(`v${k}-${i}-`, 500);
  return {
    title: pad(`Bench large product ${i} `, 200),
    description: pad(`Description of product ${i}. `, 5000),
    sku: pad(`SKU-${i}-`, 64),
    status: 'active',
    price: { amount: 1000 + i, currency: 'EUR' },
    inventoryQuantity: 5,
    imageUrl: pad(`https://images.example.com/${i}/`, 2048),
    metadata,
  };
}

/** Shuffles `items` in place with a seeded PRNG (mulberry32), the same order on every run. */
function shuffle(items, seed) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/** `PROBES` sequential `GET /healthz`, each timed from request to the end of its body. */
async function probe(url) {
  const times = [];
  for (let i = 0; i < PROBES; i++) {
    const started = performance.now();
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await res.text();
    if (res.status !== 200) throw new Error(`/healthz ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1] };
}

/** Seeds the server's tenant, then probes /healthz idle and under the list load. */
async function measure(url, secretKey) {
  const headers = { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' };
  const ids = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const res = await fetch(`${url}/v1/commerce/products`, {
      method: 'POST',
      headers,
      body: JSON.stringify(largeProduct(i)),
      signal: AbortSignal.timeout(30_000),
    });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`create ${res.status}: ${JSON.stringify(body)}`);
    ids.push(body.id);
  }
  // Every (cursor, size) pair once, in a seeded shuffle: no page is asked twice.
  const pages = [];
  for (const cursor of [null, ...ids])
    for (let limit = 1; limit <= 100; limit++)
      pages.push(`/v1/commerce/products?limit=${limit}${cursor ? `&startingAfter=${cursor}` : ''}`);
  shuffle(pages, 0x5eed);

  const idle = await probe(url);
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { role: 'list-load', url, secretKey, pages },
  });
  const finished = new Promise((resolve, reject) => {
    worker.on('message', (m) => typeof m === 'object' && resolve(m));
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`load worker exited ${code}`)));
  });
  // Probe once every client has had a page back, so the load is running throughout.
  await new Promise((resolve, reject) => {
    worker.on('message', (m) => m === 'warm' && resolve());
    finished.then(resolve, reject);
  });
  const started = performance.now();
  const loaded = await probe(url);
  const seconds = (performance.now() - started) / 1000;
  worker.postMessage('stop');
  const { done, bytes } = await finished;
  await worker.terminate();
  return { idle, loaded, pages: done, mibPerPage: bytes / done / 1024 / 1024, seconds };
}

/**
 * `/healthz` latency on PostgreSQL (a new database in `adminUrl`'s cluster) and on PGlite, idle and
 * under 8 clients building distinct pages of 100 large products.
 */
export async function healthUnderLoad({
  adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test',
} = {}) {
  const results = {};
  const name = `agentstack_bench_health_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const dbUrl = new URL(adminUrl);
    dbUrl.pathname = `/${name}`;
    const srv = await startChild('server.mjs', { DATABASE_URL: dbUrl.toString() });
    try {
      results.postgres = await measure(srv.info.url, srv.info.secretKey);
    } finally {
      await stopChild(srv.child);
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  const dir = mkdtempSync(join(tmpdir(), 'agentstack-bench-health-'));
  try {
    const srv = await startChild('server.mjs', { DATA_DIR: join(dir, 'data'), DATABASE_URL: '' });
    try {
      results.pglite = await measure(srv.info.url, srv.info.secretKey);
    } finally {
      await stopChild(srv.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** A table of the figures, for the benchmark's report. */
export function formatHealth({ postgres, pglite }) {
  const ms = (x) => x.toFixed(1);
  const lines = [
    `\n/healthz latency, ${PROBES} sequential probes, idle and while ${CLIENTS} clients read distinct pages of ${PRODUCTS} products at the schemas' largest sizes (cache misses)\n`,
    '| database | load | p50 ms | p99 ms | max ms |',
    '|---|---|---:|---:|---:|',
  ];
  for (const [label, r] of [
    ['PostgreSQL', postgres],
    ['PGlite', pglite],
  ]) {
    lines.push(`| ${label} | none (baseline) | ${ms(r.idle.p50)} | ${ms(r.idle.p99)} | ${ms(r.idle.max)} |`);
    lines.push(
      `| ${label} | ${CLIENTS} clients, ${r.pages} pages in ${r.seconds.toFixed(1)} s, ${r.mibPerPage.toFixed(2)} MiB a page | ${ms(r.loaded.p50)} | ${ms(r.loaded.p99)} | ${ms(r.loaded.max)} |`,
    );
  }
  return lines.join('\n');
}

if (isMainThread && import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatHealth(await healthUnderLoad()));
}
