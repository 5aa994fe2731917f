#!/usr/bin/env node
// Benchmarks, each printed beside a baseline measured in the same run (compare ratios: these
// machines are noisy). Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const here = new URL('.', import.meta.url).pathname;
const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 1000);

function startChild(script, env) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(here, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0)
        resolve({ child, info: JSON.parse(buf.slice(0, nl)), readyMs: performance.now() - started });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux, or not allowed: the peak then includes start-up.
  }
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function load(url, headers = {}) {
  const result = await autocannon({ url, connections, duration, headers, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50 };
}

async function timed(fn) {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

const name = `agentstack_bench_${Date.now().toString(36)}`;
const adminClient = new pg.Client({ connectionString: admin });
await adminClient.connect();
await adminClient.query(`create database ${name}`);
const dbUrl = new URL(admin);
dbUrl.pathname = `/${name}`;
const databaseUrl = dbUrl.toString();
const rows = [];
const children = [];
try {
  // 1. Cold start on PGlite: process spawn → listening. A first start creates the cluster (from the
  // snapshot in dist/pgdata.tgz) and runs migrations; a restart opens the existing folder.
  const dir = mkdtempSync(join(tmpdir(), 'agentstack-bench-'));
  const cold = {};
  for (const phase of ['first', 'restart']) {
    const started = await startChild('server.mjs', { DATA_DIR: dir, SEED: '0' });
    const healthy = await fetch(`${started.info.url}/healthz`);
    if (!healthy.ok) throw new Error('PGlite server not healthy');
    cold[phase] = started.readyMs;
    await stop(started.child);
  }
  rmSync(dir, { recursive: true, force: true });

  // 2. The server on PostgreSQL, with a realistic catalogue.
  const srv = await startChild('server.mjs', { DATABASE_URL: databaseUrl });
  children.push(srv.child);
  const auth = { authorization: `Bearer ${srv.info.secretKey}`, 'content-type': 'application/json' };
  const existing = (await (await fetch(`${srv.info.url}/v1/platform/entitlements`, { headers: auth })).json())
    .limits['commerce.products'].used;
  const toCreate = Math.max(0, PRODUCTS - existing);
  const writes = await timed(async () => {
    const queue = Array.from({ length: toCreate }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          const res = await fetch(`${srv.info.url}/v1/commerce/products`, {
            method: 'POST',
            headers: { ...auth, 'idempotency-key': `bench-${i}` },
            body: JSON.stringify({
              title: `Bench product ${i}`,
              sku: `BENCH-${i}`,
              status: 'active',
              price: { amount: 1000 + i, currency: 'EUR' },
              inventoryQuantity: 5,
            }),
          });
          if (res.status !== 201) throw new Error(`create ${res.status}: ${await res.text()}`);
        }
      }),
    );
  });

  const base = await startChild('baseline-server.mjs', { DATABASE_URL: databaseUrl });
  children.push(base.child);

  // Peak RSS from here on: the seed's scrypt hashing (32 MiB each) is not load.
  resetPeakRss(srv.child.pid);
  const hello = await load(`${base.info.url}/hello`);
  const row = await load(`${base.info.url}/row`);
  const list = await load(`${srv.info.url}/v1/commerce/products?limit=20`, {
    authorization: auth.authorization,
  });
  const mem = rssMiB(srv.child.pid);
  const health = await load(`${srv.info.url}/healthz`);

  rows.push(
    ['bare Hono, no database (HTTP ceiling)', hello],
    ['bare Hono + pg, single-row read (ceiling)', row],
    ['AgentStack GET /v1/commerce/products?limit=20', list],
    ['AgentStack GET /healthz', health],
  );
  console.log(
    `\nAgentStack benchmarks — ${new Date().toISOString()} — ${connections} connections × ${duration}s each, PostgreSQL, ${PRODUCTS} products\n`,
  );
  console.log('| workload | req/s | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|');
  for (const [label, r] of rows) console.log(`| ${label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} |`);
  console.log(
    `\nproduct list / single-row ceiling: ${((list.rps / row.rps) * 100).toFixed(1)}%  (goal ≥ 60%)`,
  );
  console.log(
    `product creates (20 concurrent clients, idempotency keys): ${(toCreate / (writes.ms / 1000)).toFixed(0)} /s over ${toCreate}`,
  );
  console.log(
    `cold start on PGlite, existing data folder (spawn → listening): ${cold.restart.toFixed(0)} ms (goal < 2000 ms)`,
  );
  console.log(
    `first start on PGlite, new data folder (bundled cluster snapshot + migrations, spawn → listening): ${cold.first.toFixed(0)} ms`,
  );
  console.log(`cold start, PostgreSQL (spawn → listening + demo seed): ${srv.readyMs.toFixed(0)} ms`);
  console.log(
    `server memory under the list load: RSS ${mem.rss.toFixed(0)} MiB after it, peak ${mem.peak.toFixed(0)} MiB during it (goal < 150 MiB)`,
  );
} finally {
  for (const c of children) await stop(c);
  await adminClient.query(`drop database if exists ${name} with (force)`);
  await adminClient.end();
}
