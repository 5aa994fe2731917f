import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DATABASES } from './harness';

const root = new URL('..', import.meta.url).pathname;
const CLI = join(root, 'dist/cli.js');
const OPERATOR_KEY = 'op_cliTestOperatorKey0123456789abc';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// The test runs the built bin, as users do; it rebuilds it first when missing or older than src.
async function ensureBuilt(): Promise<void> {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource(join(root, 'src'))) return;
  const { build } = await import('tsup');
  await build({
    config: false,
    entry: { cli: join(root, 'src/cli.ts') },
    outDir: join(root, 'dist'),
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    clean: false,
    silent: true,
  });
}

/** A running CLI process whose stdout we can wait on. */
interface Cli {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout (rejects if the process exits first). */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(args: string[], env: Record<string, string | undefined> = {}): Cli {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    AGENTSTACK_OPERATOR_KEY: undefined,
    ...env,
  };
  for (const k of Object.keys(childEnv)) if (childEnv[k] === undefined) delete childEnv[k];
  const child = spawn(process.execPath, [CLI, ...args], { env: childEnv as NodeJS.ProcessEnv });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
      for (const w of waiters.splice(0)) w();
    }),
  );
  let done = false;
  child.on('exit', () => {
    done = true;
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(out);
          if (match) return resolve(match);
          if (done)
            return reject(new Error(`exited before printing ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
          waiters.push(check);
        };
        check();
      });
    },
  };
}

beforeAll(ensureBuilt, 120_000);

describe('agentstack-server (arguments)', () => {
  it('prints help and exits 0', async () => {
    const cli = run(['--help']);
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout()).toContain('agentstack-server start');
    expect(cli.stdout()).toContain('--no-seed');
  });

  it('answers a port in use with one line naming the port and how to pick another, before any work', async () => {
    const busy = createNetServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    const dir = mkdtempSync(join(tmpdir(), 'agentstack-cli-busy-'));
    try {
      const cli = run(['start', '--port', String(port), '--data-dir', join(dir, 'data')]);
      expect((await cli.exited).code).toBe(1);
      const lines = cli.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${port}`);
      expect(lines[0]).toContain('--port');
      expect(lines[0]).toContain('PORT=');
      expect(cli.stdout()).toBe('');
      // Nothing was created, migrated or seeded.
      expect(existsSync(join(dir, 'data'))).toBe(false);
    } finally {
      busy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on an unknown command or a bad port', async () => {
    expect((await run(['bogus']).exited).code).toBe(2);
    expect((await run(['start', '--port', 'eighty']).exited).code).toBe(2);
  });
});

describe.each(DATABASES)(
  'agentstack-server start (%s)',
  (kind) => {
    let dir: string;
    let env: Record<string, string | undefined>;
    let extraArgs: string[];
    let credentialsFile: string;
    let drop: (() => Promise<void>) | undefined;
    /** The Growth demo's order ids after the first start. */
    let seededOrders: string[] = [];
    const orderIds = async (url: string, key: string) => {
      const res = await fetch(`${url}/v1/commerce/orders?limit=100`, {
        headers: { authorization: `Bearer ${key}` },
      });
      return ((await res.json()) as { data: Array<{ id: string }> }).data.map((o) => o.id);
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'agentstack-cli-'));
      env = { AGENTSTACK_OPERATOR_KEY: OPERATOR_KEY, LOG_LEVEL: 'warn' };
      extraArgs = ['--data-dir', join(dir, 'data')];
      credentialsFile = join(dir, 'data', 'demo-credentials.json');
      if (kind === 'postgres') {
        const db = await createPostgresDatabase();
        drop = db.drop;
        env.DATABASE_URL = db.url;
        credentialsFile = join(dir, 'creds.json');
        extraArgs = ['--credentials-file', credentialsFile];
      }
    });
    afterAll(async () => {
      await drop?.();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('starts, seeds, serves, and stops on SIGTERM with exit code 0', async () => {
      const cli = run(['start', '--port', '0', '--host', '127.0.0.1', ...extraArgs], env);
      try {
        const [, url] = await cli.waitFor(/listening on (http:\/\/\S+)/);
        expect(cli.stdout()).toContain('Demo data created');
        expect(cli.stdout()).toContain(`${url}/docs`);
        expect(cli.stdout()).toContain(`${url}/openapi.json`);

        const health = await fetch(`${url}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({ status: 'ok' });
        expect((await fetch(`${url}/openapi.json`)).status).toBe(200);

        const creds = JSON.parse(readFileSync(credentialsFile, 'utf8'));
        expect(creds.operatorKey).toBe(OPERATOR_KEY);
        expect(creds.tenants).toHaveLength(3);
        expect(cli.stdout()).toContain(creds.tenants[0].secretKey);
        const products = await fetch(`${url}/v1/commerce/products`, {
          headers: { authorization: `Bearer ${creds.tenants[0].secretKey}` },
        });
        expect(products.status).toBe(200);
        const tenants = await fetch(`${url}/v1/platform/tenants`, {
          headers: { authorization: `Bearer ${OPERATOR_KEY}` },
        });
        expect(((await tenants.json()) as { data: unknown[] }).data).toHaveLength(3);
        seededOrders = await orderIds(url!, creds.tenants[1].secretKey);
        expect(seededOrders.length).toBeGreaterThan(5);
      } finally {
        cli.child.kill('SIGTERM');
      }
      expect(await cli.exited).toEqual({ code: 0, signal: null });
    });

    it('keeps its data on restart without seeding again, and stops on SIGINT with exit code 0', async () => {
      const before = readFileSync(credentialsFile, 'utf8');
      const cli = run(['start', '--port', '0', ...extraArgs], env);
      try {
        const [, url] = await cli.waitFor(/listening on (http:\/\/\S+)/);
        expect(cli.stdout()).not.toContain('Demo data created');
        const creds = JSON.parse(before);
        const products = await fetch(`${url}/v1/commerce/products`, {
          headers: { authorization: `Bearer ${creds.tenants[1].secretKey}` },
        });
        expect(products.status).toBe(200);
        // The demo orders are there once.
        expect(await orderIds(url!, creds.tenants[1].secretKey)).toEqual(seededOrders);
      } finally {
        cli.child.kill('SIGINT');
      }
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(readFileSync(credentialsFile, 'utf8')).toBe(before);
    });

    it('keeps the demo credentials when the first start is killed right after seeding', async () => {
      let startEnv: Record<string, string | undefined> = { ...env, LOG_LEVEL: 'info' };
      let args = ['--data-dir', join(dir, 'killed')];
      let file = join(dir, 'killed', 'demo-credentials.json');
      let dropFresh: (() => Promise<void>) | undefined;
      if (kind === 'postgres') {
        const db = await createPostgresDatabase();
        dropFresh = db.drop;
        startEnv = { ...startEnv, DATABASE_URL: db.url };
        file = join(dir, 'killed-creds.json');
        args = ['--credentials-file', file];
      }
      try {
        const first = run(['start', '--port', '0', ...args], startEnv);
        // The seeding transaction has committed when this is logged: kill the process there.
        await first.waitFor(/"demo data seeded"/);
        first.child.kill('SIGKILL');
        await first.exited;

        const again = run(['start', '--port', '0', ...args], { ...startEnv, LOG_LEVEL: 'warn' });
        try {
          const [, url] = await again.waitFor(/listening on (http:\/\/\S+)/);
          const out = again.stdout();
          expect(out).not.toContain('Demo data created');
          expect(out).toContain(`Demo keys      ${file}`);
          const creds = JSON.parse(readFileSync(file, 'utf8'));
          expect(out).toContain(`${creds.tenants[0].user.email} / ${creds.tenants[0].user.password}`);
          const products = await fetch(`${url}/v1/commerce/products`, {
            headers: { authorization: `Bearer ${creds.tenants[0].secretKey}` },
          });
          expect(products.status).toBe(200);
        } finally {
          again.child.kill('SIGTERM');
        }
        expect((await again.exited).code).toBe(0);
      } finally {
        await dropFresh?.();
      }
    });

    it('says how to start over when the credentials file is gone', async () => {
      if (kind === 'postgres') return; // the data folder is PGlite's
      const data = join(dir, 'killed');
      rmSync(join(data, 'demo-credentials.json'));
      const cli = run(['start', '--port', '0', '--data-dir', data], env);
      try {
        await cli.waitFor(/Stop with Ctrl\+C/);
        expect(cli.stdout()).toContain(`delete ${data}`);
      } finally {
        cli.child.kill('SIGTERM');
      }
      expect((await cli.exited).code).toBe(0);
    });

    it('migrates a fresh database and exits 0', async () => {
      let migrateEnv = env;
      let args = ['--data-dir', join(dir, 'fresh')];
      let dropFresh: (() => Promise<void>) | undefined;
      if (kind === 'postgres') {
        const db = await createPostgresDatabase();
        dropFresh = db.drop;
        migrateEnv = { ...env, DATABASE_URL: db.url };
        args = [];
      }
      try {
        const first = run(['migrate', ...args], migrateEnv);
        expect((await first.exited).code).toBe(0);
        // PostgreSQL applies every migration; a new PGlite folder starts from the build's snapshot,
        // which already carries them.
        if (kind === 'postgres') expect(first.stdout()).toMatch(/Applied 0001_foundation/);
        else expect(first.stdout()).toMatch(/Applied 0001_foundation|up to date/);
        const again = run(['migrate', ...args], migrateEnv);
        expect((await again.exited).code).toBe(0);
        expect(again.stdout()).toContain('up to date');
      } finally {
        await dropFresh?.();
      }
    });

    it('starts without demo data when --no-seed is given', async () => {
      let startEnv = env;
      let args = ['--data-dir', join(dir, 'unseeded')];
      let dropFresh: (() => Promise<void>) | undefined;
      if (kind === 'postgres') {
        const db = await createPostgresDatabase();
        dropFresh = db.drop;
        startEnv = { ...env, DATABASE_URL: db.url };
        args = [];
      }
      const cli = run(['start', '--port', '0', '--no-seed', ...args], startEnv);
      try {
        const [, url] = await cli.waitFor(/listening on (http:\/\/\S+)/);
        expect(cli.stdout()).not.toContain('Demo data created');
        const res = await fetch(`${url}/v1/platform/tenants`, {
          headers: { authorization: `Bearer ${OPERATOR_KEY}` },
        });
        expect(res.status).toBe(401);
        expect(existsSync(join(dir, 'unseeded', 'demo-credentials.json'))).toBe(false);
      } finally {
        cli.child.kill('SIGTERM');
      }
      expect((await cli.exited).code).toBe(0);
      await dropFresh?.();
    });
    // Each of these starts whole server processes that migrate and seed the demo shops (seconds of
    // CPU each): on a machine busy with other suites one test can take minutes.
  },
  300_000,
);
