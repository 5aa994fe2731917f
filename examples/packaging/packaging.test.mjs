// The published artefacts, used as a user would (after stripe-node's testProjects): each package
// is packed with `npm pack`, unpacked into a scratch node_modules, then required from CJS,
// imported from ESM, bundled for the browser and — for the server — run as a CLI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url).pathname;
const scratch = join(here, '.scratch');
const packages = { sdk: 'packages/sdk', react: 'packages/react', server: 'packages/server' };

before(() => {
  rmSync(scratch, { recursive: true, force: true });
  for (const [name, dir] of Object.entries(packages)) {
    const out = join(scratch, 'tarballs');
    mkdirSync(out, { recursive: true });
    const [info] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
        cwd: join(here, '../..', dir),
        encoding: 'utf8',
      }),
    );
    const target = join(scratch, 'node_modules', '@agentstack', name);
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', join(out, info.filename), '-C', target, '--strip-components=1']);
  }
});
after(() => rmSync(scratch, { recursive: true, force: true }));

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
