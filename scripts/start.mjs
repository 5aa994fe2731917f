#!/usr/bin/env node
// `npm start`: the server on embedded PGlite with demo data, and the example dashboard and
// storefront against it. Ports: AGENTSTACK_PORT (4000), DASHBOARD_PORT (5173) and STOREFRONT_PORT
// (5174), checked before anything is built or started. Data: AGENTSTACK_DATA_DIR (./.agentstack-data); the demo sign-ins are saved in
// <data folder>/demo-credentials.json and printed on every start.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const host = '127.0.0.1';
const apiPort = port('AGENTSTACK_PORT', 4000);
const dashboardPort = port('DASHBOARD_PORT', 5173);
const storefrontPort = port('STOREFRONT_PORT', 5174);
const dataDir = process.env.AGENTSTACK_DATA_DIR ?? join(root, '.agentstack-data');
const credentialsFile = join(dataDir, 'demo-credentials.json');
const children = new Set();
let stopping = false;

function fail(message) {
  console.error(message);
  process.exit(1);
}

function port(variable, fallback) {
  const raw = process.env[variable] ?? String(fallback);
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535)
    fail(`${variable} must be a port number 1..65535, got '${raw}'.`);
  return n;
}

function assertFree(n, variable, what) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () =>
      fail(
        `Port ${n} (${what}) is already in use. Stop what uses it, or pick another port: ${variable}=${n + 1} npm start`,
      ),
    );
    probe.listen({ port: n, host, exclusive: true }, () => probe.close(resolve));
  });
}

// Ctrl+C reaches the whole process group; each child stops on its own. We wait for them and
// exit 0 — no "exited with 143" for a stop the user asked for.
function stopAll(code = 0) {
  if (!stopping) {
    stopping = true;
    process.exitCode = code;
    for (const child of children) child.kill('SIGTERM');
  }
  if (children.size === 0) process.exit(process.exitCode);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function launch(name, command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], ...options });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest.`);
      stopAll(code || 1);
    } else if (children.size === 0) process.exit(process.exitCode);
  });
  return child;
}

function waitForLine(child, pattern, echo) {
  return new Promise((resolve) => {
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      if (echo) process.stdout.write(chunk);
      // Colours are on when CI is set (picocolors), and they split "Local:" from its URL.
      buffer += stripVTControlCharacters(chunk);
      const match = pattern.exec(buffer);
      if (match) resolve(match);
    });
  });
}

// Quiet unless it fails: then its whole output is shown.
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      children.delete(child);
      if (stopping) stopAll();
      else if (code) fail(`${output}\nThe build failed (npm run build shows the same).`);
      else resolve();
    });
  });
}

await assertFree(apiPort, 'AGENTSTACK_PORT', 'API');
await assertFree(dashboardPort, 'DASHBOARD_PORT', 'dashboard');
await assertFree(storefrontPort, 'STOREFRONT_PORT', 'storefront');

console.log('Building the packages…');
await run(process.execPath, [
  join(root, 'node_modules/turbo/bin/turbo'),
  'run',
  'build',
  '--filter=./packages/*',
  '--output-logs=errors-only',
]);

const server = launch('The API server', process.execPath, [
  // A young generation of 2 × 2 MiB instead of 2 × 16 MiB: the embedded server stays under
  // ≈ 150 MiB resident under load, for more frequent (cheap) scavenges. bench/memory.mjs runs it so.
  '--max-semi-space-size=2',
  join(root, 'packages/server/dist/cli.js'),
  'start',
  '--port',
  String(apiPort),
  '--host',
  host,
  '--data-dir',
  dataDir,
  '--log-level',
  'warn',
  // The demo's webhook receivers run on this machine (http://localhost…).
  '--allow-private-webhooks',
  // Invitation emails are kept in memory for the Team page's outbox, their links to this dashboard.
  '--email-outbox',
  '--public-url',
  `http://${host}:${dashboardPort}/`,
]);
// The API's address, known before it listens: the apps start beside it.
const apiUrl = `http://${host}:${apiPort}`;

/** An example app on Vite's dev server at `port`, proxying `/v1` to the API. */
function launchApp(name, folder, appPort, env) {
  return launch(
    name,
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      '--port',
      String(appPort),
      '--strictPort',
      '--host',
      host,
      '--clearScreen',
      'false',
    ],
    { cwd: join(root, 'examples', folder), env: { ...process.env, AGENTSTACK_API_URL: apiUrl, ...env } },
  );
}

// The storefront starts while the server seeds: it reads the Growth tenant's publishable key from
// the demo credentials when the page is served (AGENTSTACK_PUBLISHABLE_KEY, when set, wins).
const storefront = launchApp('The storefront', 'storefront', storefrontPort, {
  AGENTSTACK_DEMO_CREDENTIALS: credentialsFile,
});

// The CLI prints the demo credentials (first start) and its URLs, ending with this line.
await waitForLine(server, /listening on (http:\/\/\S+)[\s\S]*Stop with Ctrl\+C\./, false);
server.stdout.removeAllListeners('data');
server.stdout.resume();

let demo;
if (existsSync(credentialsFile)) demo = JSON.parse(readFileSync(credentialsFile, 'utf8'));
const growth = demo?.tenants?.find((t) => t.slug === 'growth') ?? demo?.tenants?.[0];

const dashboard = launchApp('The dashboard', 'dashboard', dashboardPort, {
  // The sign-in page lists the demo sign-ins (and wears the Growth tenant's brand) from it.
  AGENTSTACK_DEMO_CREDENTIALS: credentialsFile,
  VITE_AGENTSTACK_DEMO_EMAIL: growth?.user?.email ?? '',
  VITE_AGENTSTACK_DEMO_PASSWORD: growth?.user?.password ?? '',
});
// Vite's own banners stay quiet; their warnings and errors still reach stderr.
for (const app of [dashboard, storefront]) {
  await waitForLine(app, /Local:\s+(http:\/\/\S+)/, false);
  app.stdout.removeAllListeners('data');
  app.stdout.resume();
}

const signIn = (t) => `${t.user.email} / ${t.user.password}`;
const width = Math.max(0, ...(demo?.tenants ?? []).map((t) => signIn(t).length));
const signIns = demo
  ? [
      ...demo.tenants.map(
        (t) => `${t.slug.padEnd(10)} ${signIn(t).padEnd(width)}   secret key ${t.secretKey}`,
      ),
      // The agency's console: "Operator or agency? Sign in with a key" on the sign-in page.
      ...(demo.agencyKey
        ? [`${'agency'.padEnd(10)} ${demo.agencyKey.secret}   (${demo.agencyKey.agency.name})`]
        : []),
    ]
  : [
      `not found at ${credentialsFile}`,
      'to start over with fresh demo data: stop, delete the data folder, npm start',
    ];
console.log(`
  AgentStack is running
  ─────────────────────
  Dashboard      http://${host}:${dashboardPort}
  Storefront     http://${host}:${storefrontPort}   ${growth ? `the shop of ${growth.name}: test card 4242 4242 4242 4242, code WELCOME10` : 'needs AGENTSTACK_PUBLISHABLE_KEY (no demo sign-ins)'}
  API            ${apiUrl}   (reference ${apiUrl}/docs)
  Demo sign-ins  ${signIns.join('\n                 ')}
                 saved in ${credentialsFile}
  Data folder    ${dataDir}   (delete it to start over with fresh demo data)
  Email          not sent: invitation emails are kept in memory, on the Team page's Outbox (owners)

  Stop with Ctrl+C.
`);
