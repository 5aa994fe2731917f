// What the commerce flow benchmarks (bench/cart.mjs, bench/checkout.mjs) share: a fresh database
// under the admin URL, the server and the baseline in child processes, a keep-alive HTTP client
// for setting up, a flow of requests run on autocannon connections (the same load generator as
// the baseline's read), and the count of SQL statements a server sent
// (pg_stat_statements when PostgreSQL has it loaded, else the driver-level counter of
// bench/statementCounter.mjs).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const here = new URL('.', import.meta.url).pathname;

/** The admin URL the benches create their databases under. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** Creates an empty database under `adminUrl`; `drop()` removes it (and its connections). */
export async function freshDatabase(adminUrl, prefix) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `${prefix}_${Date.now().toString(36)}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Spawns `bench/<script>` with an IPC channel (the statement counter's); resolves with the first
 * line it prints, as JSON (`info`), and how long that took (`readyMs`).
 */
export function startChild(script, env) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(here, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
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

/** Stops a child started by {@link startChild}. */
export function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** A keep-alive JSON client for one origin, `sockets` connections at most. */
export function httpClient(origin, sockets) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const send = (method, path, { headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(`${origin}${path}`, {
        method,
        agent,
        headers: {
          ...headers,
          ...(payload !== undefined && {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          }),
        },
      });
      req.once('response', (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode, body: json });
        });
      });
      req.once('error', reject);
      req.end(payload);
    });
  return { send, close: () => agent.destroy() };
}

/** Throws unless `res` has status `status`, naming `what`. */
export function expectStatus(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Runs a flow of requests again and again on `connections` autocannon connections (each a
 * closed loop: the next request once the last answered): `warmupSeconds` unmeasured, then
 * `seconds` measured, in one run, so flows in flight at the window's edges count in neither or
 * the next (a steady state, not a run's start and end). `steps` are the flow's requests in order:
 * `{ expect, request(replies) }`, where `request` builds `{ method, path, headers, body }` from
 * the parsed replies of the steps before and `expect` is the status it must answer
 * (`check(reply)` may throw on a wrong reply). Counters read in `between('start')` and
 * `between('end')` cover the window. Resolves with the flows completed in the window and their
 * rate; throws on any unexpected reply.
 */
export async function loadFlow(
  origin,
  { connections, seconds, warmupSeconds = 2, steps, between = async () => {} },
) {
  let flows = 0;
  const failures = [];
  const run = autocannon({
    url: origin,
    connections,
    duration: warmupSeconds + seconds + 1,
    pipelining: 1,
    requests: steps.map((step, i) => ({
      setupRequest(req, context) {
        if (i === 0) context.replies = [];
        else if (context.failed) return null; // start the flow over
        const { method, path, headers = {}, body } = step.request(context.replies);
        return {
          ...req,
          method,
          path,
          headers: {
            ...req.headers,
            ...headers,
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        };
      },
      onResponse(status, body, context) {
        try {
          if (status !== step.expect) throw new Error(`step ${i + 1}: ${status} ${body}`);
          const reply = JSON.parse(body);
          step.check?.(reply);
          context.replies[i] = reply;
          context.failed = false;
          if (i === steps.length - 1) flows++;
        } catch (error) {
          context.failed = true;
          if (failures.length < 5) failures.push(error.message);
        }
      },
    })),
  });
  const wait = (s) => new Promise((resolve) => setTimeout(resolve, s * 1000));
  const mark = async (at) => {
    const point = { at: performance.now(), flows };
    await between(at);
    return point;
  };
  await wait(warmupSeconds);
  const start = await mark('start');
  await wait(seconds);
  const end = await mark('end');
  const result = await run;
  if (failures.length || result.errors > 0) {
    throw new Error(`${origin}: ${result.errors} errors; ${failures.join('; ')}`);
  }
  const elapsed = (end.at - start.at) / 1000;
  const completed = end.flows - start.flows;
  return { completed, seconds: elapsed, rate: completed / elapsed };
}

/** Requests/s of `GET path` on `connections` autocannon connections for `seconds` (a baseline's read). */
export async function loadRead(origin, path, { connections, seconds }) {
  const result = await autocannon({ url: `${origin}${path}`, connections, duration: seconds, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return {
    rate: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/**
 * How the statements a server sends are counted: `pg_stat_statements` when PostgreSQL loads it
 * (it then counts for the bench's database), else the server's driver-level counter (the child
 * must run with `STATEMENTS=count`). `read()` resolves with `{ total, byKind }`.
 */
export async function statementCounter(databaseUrl, child) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  let loaded = false;
  try {
    const { rows } = await db.query('show shared_preload_libraries');
    if (/\bpg_stat_statements\b/.test(rows[0]?.shared_preload_libraries ?? '')) {
      await db.query('create extension if not exists pg_stat_statements');
      loaded = true;
    }
  } catch {
    loaded = false;
  }
  if (loaded) {
    const kinds = `select lower(substring(query from '^\\s*(\\w+)')) as kind, sum(calls)::bigint as calls
      from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
      and userid = (select oid from pg_roles where rolname = current_user) group by 1`;
    return {
      method: 'pg_stat_statements (every statement run in the bench database, as PostgreSQL counts them)',
      async read() {
        const { rows } = await db.query(kinds);
        const byKind = Object.fromEntries(rows.map((r) => [r.kind ?? 'other', Number(r.calls)]));
        // The bench's own read of the view counts too: leave it out.
        byKind.select = (byKind.select ?? 0) - 1;
        return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
      },
      close: () => db.end(),
    };
  }
  await db.end();
  return {
    method:
      "the server's pg driver (pg_stat_statements is not in shared_preload_libraries): every Client#query the server process sent, BEGIN/COMMIT included, background work in the window too",
    read: () =>
      new Promise((resolve) => {
        const onMessage = (message) => {
          if (!message?.statements) return;
          child.off('message', onMessage);
          resolve(message.statements);
        };
        child.on('message', onMessage);
        child.send({ statements: 'read' });
      }),
    close: async () => {},
  };
}

/** CPU time (ms) process `pid` has used, from /proc (Linux); `NaN` elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
  } catch {
    return Number.NaN;
  }
}

/**
 * The CPU time the server process and the PostgreSQL backends of its database use (where they
 * run on this machine, read from /proc): a cost per flow that a busy machine inflates less than
 * it cuts throughput. `read()` resolves with `{ server, postgres }` in ms.
 */
export async function cpuMeter(databaseUrl, pid) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const backends = `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return {
    async read() {
      let postgres = 0;
      for (const row of (await db.query(backends)).rows) postgres += cpuMs(row.pid);
      return { server: cpuMs(pid), postgres };
    },
    close: () => db.end(),
  };
}

/** `after − before`, kind by kind, and the total. */
export function statementsBetween(before, after) {
  const byKind = {};
  for (const [kind, calls] of Object.entries(after.byKind)) {
    const d = calls - (before.byKind[kind] ?? 0);
    if (d > 0) byKind[kind] = d;
  }
  return { total: after.total - before.total, byKind };
}

/** `{ begin: 2, select: 3 }` per flow as `begin 2.00, select 3.00`, largest first. */
export function perFlow(statements, flows) {
  return Object.entries(statements.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, calls]) => `${kind} ${(calls / flows).toFixed(2)}`)
    .join(', ');
}

/**
 * {@link loadFlow} on the server `srv` (a {@link startChild} of server.mjs with
 * `STATEMENTS=count`), with the SQL statements it sent in the measured window
 * ({@link statementCounter}) and the CPU time it and its database's backends used
 * ({@link cpuMeter}). Resolves with the flows' figures, `statements`, `cpu` (ms in the window)
 * and the counting `method`.
 */
export async function measureFlow(databaseUrl, srv, options) {
  const counter = await statementCounter(databaseUrl, srv.child);
  const cpu = await cpuMeter(databaseUrl, srv.child.pid);
  const marks = {};
  try {
    const flows = await loadFlow(srv.info.url, {
      ...options,
      between: async (at) => {
        marks[at] = { statements: await counter.read(), cpu: await cpu.read() };
      },
    });
    return {
      ...flows,
      statements: statementsBetween(marks.start.statements, marks.end.statements),
      cpu: {
        server: marks.end.cpu.server - marks.start.cpu.server,
        postgres: marks.end.cpu.postgres - marks.start.cpu.postgres,
      },
      method: counter.method,
    };
  } finally {
    await counter.close();
    await cpu.close();
  }
}

/**
 * The baseline: bench/baseline-server.mjs on `databaseUrl` (it reads a row of `products`), its
 * single-row read loaded with {@link loadRead}, with the CPU time it and its backends used.
 */
export async function measureBaselineRead(databaseUrl, tenantId, { connections, seconds }) {
  const base = await startChild('baseline-server.mjs', { DATABASE_URL: databaseUrl, TENANT_ID: tenantId });
  const cpu = await cpuMeter(databaseUrl, base.child.pid);
  try {
    await loadRead(base.info.url, '/row', { connections, seconds: 1 }); // warm up
    const before = await cpu.read();
    const read = await loadRead(base.info.url, '/row', { connections, seconds });
    const after = await cpu.read();
    return {
      ...read,
      cpu: { server: after.server - before.server, postgres: after.postgres - before.postgres },
    };
  } finally {
    await cpu.close();
    await stopChild(base.child);
  }
}

/** `cpu` (ms) spent on `count` flows or requests, per one: `server 1.20 ms + PostgreSQL 0.80 ms`. */
export function cpuPer(cpu, count) {
  if (!Number.isFinite(cpu.server)) return 'not measured (no /proc)';
  return `server ${(cpu.server / count).toFixed(2)} ms + PostgreSQL ${(cpu.postgres / count).toFixed(2)} ms`;
}
