#!/usr/bin/env node
// The main job: the server on embedded PGlite with demo data, and the example dashboard against it.
// `npm start` builds the packages first. Ports: AGENTSTACK_PORT (4000) and DASHBOARD_PORT (5173).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const apiPort = Number(process.env.AGENTSTACK_PORT ?? 4000);
const dashboardPort = Number(process.env.DASHBOARD_PORT ?? 5173);
const dataDir = process.env.AGENTSTACK_DATA_DIR ?? join(root, '.agentstack-data');
const children = [];

function stopAll(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function launch(name, command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], ...options });
  children.push(child);
  child.on('exit', (code) => {
    if (code && code !== 0) {
      console.error(`${name} exited with ${code}`);
      stopAll(code);
    }
  });
  return child;
}

function waitForLine(child, pattern, echo) {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      if (echo) process.stdout.write(chunk);
      buffer += chunk;
      const match = pattern.exec(buffer);
      if (match) resolve(match);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready`)));
  });
}

const server = launch('server', process.execPath, [
  join(root, 'packages/server/dist/cli.js'),
  'start',
  '--port',
  String(apiPort),
  '--data-dir',
  dataDir,
]);
// The CLI prints the demo credentials and URLs; JSON log lines after that stay quiet here.
const [, apiUrl] = await waitForLine(server, /listening on (http:\/\/\S+)/i, true);
server.stdout.removeAllListeners('data');
server.stdout.resume();

let demo;
const credentialsFile = join(dataDir, 'demo-credentials.json');
if (existsSync(credentialsFile)) demo = JSON.parse(readFileSync(credentialsFile, 'utf8'));
const growth = demo?.tenants?.find((t) => t.slug === 'growth') ?? demo?.tenants?.[0];

const dashboard = launch(
  'dashboard',
  process.execPath,
  [
    join(root, 'node_modules/vite/bin/vite.js'),
    '--port',
    String(dashboardPort),
    '--strictPort',
    '--host',
    '127.0.0.1',
  ],
  {
    cwd: join(root, 'examples/dashboard'),
    env: {
      ...process.env,
      AGENTSTACK_API_URL: apiUrl,
      // The sign-in page lists the demo sign-ins (and wears the Growth tenant's brand) from it.
      AGENTSTACK_DEMO_CREDENTIALS: credentialsFile,
      VITE_AGENTSTACK_DEMO_EMAIL: growth?.user?.email ?? '',
      VITE_AGENTSTACK_DEMO_PASSWORD: growth?.user?.password ?? '',
    },
  },
);
await waitForLine(dashboard, /Local:\s+(http:\/\/\S+)/, false);
dashboard.stdout.resume();

console.log(`
  AgentStack is running
  ─────────────────────
  API            ${apiUrl}      (reference: ${apiUrl}/docs)
  Dashboard      http://127.0.0.1:${dashboardPort}
  Data folder    ${dataDir}   (delete it to start over with fresh demo data)
${demo ? `  Demo sign-ins  ${demo.tenants.map((t) => `${t.slug}: ${t.user.email} / ${t.user.password}`).join('\n                 ')}` : ''}
  Stop with Ctrl+C.
`);
