#!/usr/bin/env node
// Resident memory of the server on embedded PGlite (the default of `npm start`), beside the same
// server on PostgreSQL measured by run.mjs. It starts `agentstack-server start` on a new PGlite
// folder (first start: bundled cluster, migrations, demo seed), reads its RSS at rest, under the
// list load, and at rest again; then restarts it on the same folder and does the same. Run alone with
// `node bench/memory.mjs`, or from run.mjs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const here = new URL('.', import.meta.url).pathname;

// The CLI, as `npm start` runs it (scripts/start.mjs): PGlite in a data folder, demo data on
// first start, a small young generation.
const CLI = join(here, '../packages/server/dist/cli.js');
const NODE_FLAGS = ['--max-semi-space-size=2'];

function startServer(dataDir) {
  const child = spawn(
    process.execPath,
    // Without rate limits: 50 connections on one tenant would be answered 429 past its tier's.
    [
      ...NODE_FLAGS,
      CLI,
      'start',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--log-level',
      'warn',
      '--no-rate-limits',
    ],
    {
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const match = /listening on (http:\/\/\S+)[\s\S]*Stop with Ctrl\+C/.exec(out);
      if (match) {
        const creds = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8'));
        const tenant = creds.tenants.find((t) => t.slug === 'enterprise') ?? creds.tenants[0];
        resolve({ child, info: { url: match[1], secretKey: tenant.secretKey } });
      }
    });
    child.on('exit', (code) => reject(new Error(`agentstack-server exited ${code}:\n${out}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak then includes start-up
  }
}

// "At rest": the process has finished starting; give its timers one quiet second to settle.
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

async function listLoad(url, secretKey, { duration, connections }) {
  const result = await autocannon({
    url: `${url}/v1/commerce/products?limit=20`,
    headers: { authorization: `Bearer ${secretKey}` },
    connections,
    duration,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function measure(dataDir, options) {
  const { child, info } = await startServer(dataDir);
  try {
    const key = info.secretKey;
    await settle();
    const idle = rssMiB(child.pid).rss;
    resetPeak(child.pid);
    const rps = await listLoad(info.url, key, options);
    const underLoad = rssMiB(child.pid);
    await settle();
    const after = rssMiB(child.pid).rss;
    return { key, idle, loaded: underLoad.rss, peak: underLoad.peak, after, rps };
  } finally {
    await stop(child);
  }
}

/**
 * Measures the server's RSS on PGlite: first start (with demo seed) and a restart on the same
 * folder, each at rest, under `connections` × `duration` s of `GET /v1/commerce/products`, and after.
 */
export async function pgliteMemory({ duration = 10, connections = 50 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'agentstack-bench-mem-'));
  try {
    const first = await measure(join(dir, 'data'), { duration, connections });
    const restart = await measure(join(dir, 'data'), { duration, connections });
    return { first, restart };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per start, for the benchmark's report. */
export function formatPgliteMemory({ first, restart }) {
  const line = (label, m) =>
    `server memory on PGlite, ${label}: RSS ${m.idle.toFixed(0)} MiB at rest, ${m.loaded.toFixed(0)} MiB after the list load (peak ${m.peak.toFixed(0)} MiB during it, ${m.rps.toFixed(0)} req/s), ${m.after.toFixed(0)} MiB at rest after it (goal < 150 MiB)`;
  return [line('first start + demo seed', first), line('restart on the same folder', restart)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const duration = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  console.log(formatPgliteMemory(await pgliteMemory({ duration, connections })));
}
