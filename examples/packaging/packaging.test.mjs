// The published artefacts, used as a user would (after stripe-node's testProjects): each package
// is packed with `npm pack` and installed with npm into a new project in the system's temporary
// folder — outside the repository, so a dependency a package uses but does not declare fails
// here. Then they are required from CJS, imported from ESM, bundled for the browser, the server
// runs as a CLI, and every JavaScript snippet in the READMEs runs verbatim against it.
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '../..');
const packages = { sdk: 'packages/sdk', react: 'packages/react', server: 'packages/server' };
let scratch;

before(
  () => {
    scratch = mkdtempSync(join(tmpdir(), 'agentstack-packaging-'));
    const tarballs = join(scratch, 'tarballs');
    mkdirSync(tarballs);
    const files = Object.values(packages).map((dir) => {
      const [info] = JSON.parse(
        execFileSync('npm', ['pack', '--json', '--pack-destination', tarballs], {
          cwd: join(root, dir),
          encoding: 'utf8',
        }),
      );
      return join(tarballs, info.filename);
    });
    // What `npm init -y` makes: CommonJS by default.
    const project = join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      '{ "name": "user-project", "version": "1.0.0", "private": true }\n',
    );
    // msw is the SDK's optional peer, needed for @agentstack/sdk/mocks: installed as its README says.
    const msw = `msw@${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.msw}`;
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...files, msw],
      {
        cwd: project,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    scratch = project;
  },
  { timeout: 600_000 },
);
after(() => rmSync(join(scratch, '..'), { recursive: true, force: true }));

const run = (code, type) =>
  execFileSync(
    process.execPath,
    [type === 'esm' ? '--input-type=module' : '--input-type=commonjs', '-e', code],
    {
      cwd: scratch,
      encoding: 'utf8',
    },
  );

test('the SDK works from require() and import', () => {
  const cjs = run(
    `const { AgentStack, isAgentStackError } = require('@agentstack/sdk');
     const { Product } = require('@agentstack/sdk/schemas');
     const { PLANS } = require('@agentstack/sdk/catalog');
     const c = new AgentStack({ apiKey: 'sk_x' });
     console.log(typeof c.commerce.products.list, typeof isAgentStackError, typeof Product.parse, PLANS.length);`,
    'cjs',
  );
  assert.equal(cjs.trim(), 'function function function 13');
  const esm = run(
    `import { AgentStack } from '@agentstack/sdk';
     import { createMockApi } from '@agentstack/sdk/mocks';
     console.log(typeof AgentStack, createMockApi({ tenant: 'starter' }).handlers.length > 0);`,
    'esm',
  );
  assert.equal(esm.trim(), 'function true');
});

test('the React kit loads in Node from both module systems without touching window', () => {
  const out = run(
    `const kit = require('@agentstack/react');
     console.log(typeof kit.ProductTable, typeof kit.AgentStackProvider, typeof globalThis.window);`,
    'cjs',
  );
  assert.equal(out.trim(), 'function function undefined');
  assert.equal(
    run(`import { TierGate } from '@agentstack/react'; console.log(typeof TierGate);`, 'esm').trim(),
    'function',
  );
});

test('the SDK and the kit bundle for the browser', async () => {
  const entry = join(scratch, 'browser-entry.js');
  writeFileSync(
    entry,
    `import { AgentStack } from '@agentstack/sdk';
     import { ProductTable } from '@agentstack/react';
     import '@agentstack/react/styles.css';
     export const app = [AgentStack, ProductTable];`,
  );
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    outdir: join(scratch, 'out'),
    logLevel: 'silent',
  });
  assert.equal(result.errors.length, 0);
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'));
  assert.match(css.text, /@layer agentstack/);
});

test('the server package exports createServer and runs as the agentstack-server CLI', () => {
  assert.equal(
    run(`const s = require('@agentstack/server'); console.log(typeof s.createServer);`, 'cjs').trim(),
    'function',
  );
  const help = execFileSync(
    process.execPath,
    [join(scratch, 'node_modules/@agentstack/server/dist/cli.js'), '--help'],
    {
      cwd: scratch,
      encoding: 'utf8',
    },
  );
  assert.match(help, /agentstack-server start/);
});

// ---- The READMEs' snippets ----------------------------------------------------------------
// Every ```js block runs as an ES module file (`<name>.mjs`), verbatim, in the project above,
// against a server started from the installed CLI. Blocks that are not meant to run say so in
// their info string (```ts fragment, ```tsx fragment); a TypeScript block without it fails the
// test, since Node 20 cannot run it as printed.
const READMES = [
  'README.md',
  'packages/sdk/README.md',
  'packages/server/README.md',
  'packages/react/README.md',
];
const CODE = new Set(['js', 'mjs', 'javascript', 'ts', 'typescript', 'tsx', 'jsx']);
// What each README's snippets must print: the product a snippet creates shows in its own listing.
const EXPECTED = {
  'README.md': [/^created prod_/m, /^→ Linen shirt/m],
  'packages/sdk/README.md': [/^found Linen apron$/m, /^not_found: /m],
  'packages/server/README.md': [/^listening on http:/m, /^200 \{ status: 'ok' \}$/m],
};

function snippets(file) {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map(([, info, code]) => {
    const [lang = '', ...flags] = info.trim().split(/\s+/);
    return { lang, fragment: flags.includes('fragment'), code };
  });
}

function startServerCli(dataDir) {
  const child = spawn(
    process.execPath,
    [
      join(scratch, 'node_modules/@agentstack/server/dist/cli.js'),
      'start',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { cwd: scratch, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`agentstack-server exited with ${code}:\n${out}`)));
  });
}

function runFile(file, env) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file],
      { cwd: scratch, env: { PATH: process.env.PATH, ...env }, timeout: 180_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('every JavaScript snippet in the READMEs runs verbatim against a running server', {
  timeout: 900_000,
}, async () => {
  const dataDir = join(scratch, '.agentstack-data');
  const { child, url } = await startServerCli(dataDir);
  try {
    const creds = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8'));
    const growth = creds.tenants.find((t) => t.slug === 'growth');
    const env = { AGENTSTACK_API_KEY: growth.secretKey, AGENTSTACK_BASE_URL: url };
    let ran = 0;
    for (const readme of READMES) {
      let output = '';
      for (const [i, snippet] of snippets(readme).entries()) {
        if (!CODE.has(snippet.lang) || snippet.fragment) continue;
        assert.ok(
          ['js', 'mjs', 'javascript'].includes(snippet.lang),
          `${readme} snippet ${i + 1} is \`${snippet.lang}\`: write it as runnable JavaScript, or mark it \`${snippet.lang} fragment\``,
        );
        const file = join(scratch, `${readme.replace(/\W+/g, '-')}-${i + 1}.mjs`);
        writeFileSync(file, snippet.code);
        const result = await runFile(file, env);
        assert.equal(
          result.code,
          0,
          `${readme} snippet ${i + 1} failed:\n${snippet.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`,
        );
        output += result.stdout;
        ran++;
      }
      for (const pattern of EXPECTED[readme] ?? [])
        assert.match(output, pattern, `${readme}: its snippets printed\n${output}`);
    }
    assert.ok(ran >= 4, `only ${ran} snippets ran`);
  } finally {
    child.kill('SIGTERM');
  }
});
