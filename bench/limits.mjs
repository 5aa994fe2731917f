#!/usr/bin/env node
// What do rate limiting and API-call metering cost? The product-list workload of run.mjs (distinct
// pages: a random cursor and size 1–100, never the same page twice, so every one misses the cache)
// against three servers on one PostgreSQL database, in the same run: both off (the baseline), both
// on with buckets in memory (the default), and both on with buckets in Redis (when one answers on
// BENCH_REDIS_URL, default redis://127.0.0.1:6379). The limiter runs with figures no load reaches
// (bench/server.mjs RATE_LIMITS=unbounded): every call takes a token and carries the headers, none
// is refused. Servers alternate over three rounds (BENCH_ROUNDS; this machine is shared and noisy);
// the median round's ratio is the figure. Beside it, each server's own CPU time per request (from
// /proc, Linux), which other load on the machine disturbs far less than throughput. Run alone with `node bench/limits.mjs`, or from run.mjs. Traffic goes
// only to 127.0.0.1.
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { startChild, stopChild } from './flows.mjs';

const PRODUCTS = 300;
/** Linux's clock ticks per second (`getconf CLK_TCK`), the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = 100;

/** Whether a Redis answers PING at `url` (within a second). */
function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(String(d).startsWith('+PONG')));
  });
}

/** Seeded shuffle (mulberry32), the same order on every run. */
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

/** CPU seconds (user + system) process `pid` has used, or null where /proc is not there. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

async function load(url, pid, secretKey, pagePath, offset, { duration, connections }) {
  let i = 0;
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: { authorization: `Bearer ${secretKey}` },
    requests: [{ setupRequest: (req) => ({ ...req, path: pagePath(offset + i++) }) }],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  const cpuAfter = cpuSeconds(pid);
  // The server's own CPU per request: how much work the limiter adds, whatever else the machine runs.
  const cpuUs =
    cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1e6) / result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuUs };
}

/**
 * Runs the comparison on a new database made through `adminUrl`; resolves with each variant's
 * median-round figures and its ratio to the baseline.
 */
export async function limitsOverhead({
  adminUrl = 'postgres://root@127.0.0.1:5432/test',
  redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  duration = 10,
  connections = 50,
  rounds: ROUNDS = 3,
} = {}) {
  const name = `agentstack_bench_limits_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const children = [];
  try {
    const variants = [
      { label: 'rate limits and metering off (baseline)', env: { RATE_LIMITS: 'off', METERING: 'off' } },
      { label: 'rate limits (memory) and metering on', env: {} },
    ];
    if (await redisAnswers(redisUrl)) {
      variants.push({ label: 'rate limits (Redis) and metering on', env: { SERVER_REDIS_URL: redisUrl } });
    }
    // The first server seeds the demo tenants; the others share its database.
    for (const [i, v] of variants.entries()) {
      v.server = await startChild('server.mjs', {
        DATABASE_URL: databaseUrl,
        SEED: i === 0 ? '1' : '0',
        ...v.env,
      });
      children.push(v.server.child);
    }
    const { url: first, secretKey } = variants[0].server.info;
    const auth = { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' };
    const queue = Array.from({ length: PRODUCTS }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          const res = await fetch(`${first}/v1/commerce/products`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({
              title: `Limits bench ${i}`,
              status: 'active',
              price: { amount: 1000 + i, currency: 'EUR' },
            }),
          });
          if (res.status !== 201) throw new Error(`create ${res.status}: ${await res.text()}`);
        }
      }),
    );
    const listed = await (await fetch(`${first}/v1/commerce/products?limit=100`, { headers: auth })).json();
    const ids = [];
    for (let page = listed; ; ) {
      ids.push(...page.data.map((p) => p.id));
      if (!page.hasMore) break;
      page = await (
        await fetch(`${first}/v1/commerce/products?limit=100&startingAfter=${page.nextCursor}`, {
          headers: auth,
        })
      ).json();
    }
    const pages = [];
    for (const cursor of [null, ...ids])
      for (let limit = 1; limit <= 100; limit++) pages.push({ cursor, limit });
    shuffle(pages, 0x1175);
    const pagePath = (i) => {
      const { cursor, limit } = pages[i % pages.length];
      return `/v1/commerce/products?limit=${limit}${cursor ? `&startingAfter=${cursor}` : ''}`;
    };

    const rounds = [];
    let offset = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const figures = [];
      for (const v of variants) {
        figures.push(
          await load(v.server.info.url, v.server.child.pid, secretKey, pagePath, offset, {
            duration,
            connections,
          }),
        );
        offset += 20_000;
      }
      rounds.push(figures);
    }
    return variants.map((v, i) => {
      const ratios = rounds.map((r) => r[i].rps / r[0].rps);
      const order = ratios.map((ratio, k) => ({ ratio, k })).sort((a, b) => a.ratio - b.ratio);
      const median = order[Math.floor(order.length / 2)];
      // CPU per request against the baseline's in the same round: the median of those ratios.
      const cpuRatios = rounds.map((r) => (r[i].cpuUs && r[0].cpuUs ? r[i].cpuUs / r[0].cpuUs : null));
      const cpuKnown = cpuRatios.filter((x) => x !== null).sort((a, b) => a - b);
      const cpuRatio = cpuKnown.length ? cpuKnown[Math.floor(cpuKnown.length / 2)] : null;
      const cpus = rounds
        .map((r) => r[i].cpuUs)
        .filter((x) => x !== null)
        .sort((a, b) => a - b);
      const cpuUs = cpus.length ? cpus[Math.floor(cpus.length / 2)] : null;
      return { label: v.label, ...rounds[median.k][i], ratio: median.ratio, ratios, cpuUs, cpuRatio };
    });
  } finally {
    for (const c of children) await stopChild(c);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** The figures as a Markdown table and the overhead line. */
export function formatLimits(results) {
  const lines = [
    `\nRate limiting and API-call metering, on and off (distinct product pages, PostgreSQL, median of ${results[0]?.ratios.length ?? 3} alternating rounds)\n`,
    '| server | req/s | p50 ms | p99 ms | vs baseline | server CPU µs/request, median (vs baseline, median of rounds) |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.ratio * 100).toFixed(1)}% (rounds: ${r.ratios.map((x) => `${(x * 100).toFixed(0)}%`).join(', ')}) | ${r.cpuUs === null ? 'n/a' : `${r.cpuUs.toFixed(0)} (${(r.cpuRatio * 100).toFixed(1)}%)`} |`,
    ),
  ];
  for (const r of results.slice(1)) {
    lines.push(
      `overhead, ${r.label}: ${((1 - r.ratio) * 100).toFixed(1)}% of throughput (goal ≤ 10%)` +
        (r.cpuRatio === null ? '' : `; ${((r.cpuRatio - 1) * 100).toFixed(1)}% more server CPU per request`),
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await limitsOverhead({
    adminUrl: process.env.BENCH_DATABASE_URL,
    duration: Number(process.env.BENCH_SECONDS ?? 10),
    connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
    rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  });
  console.log(formatLimits(results));
}
