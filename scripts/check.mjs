#!/usr/bin/env node
// Every check the project has, in the order CI runs them. `npm test` runs this; `.ci/run` too.
// Server tests run on PGlite, and also on PostgreSQL when TEST_DATABASE_URL is set (CI sets it).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const ci = process.env.CI === 'true' || process.env.CI === '1';

function run(title, command, env = {}) {
  console.log(`\n▶ ${title}\n  $ ${command}`);
  const started = Date.now();
  const result = spawnSync(command, {
    cwd: root,
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed after ${seconds}s (exit ${result.status})`);
    summarise();
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds}s)`);
}

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  );
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
    console.log('\n▶ Installing Debian chromium for the browser tests');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
      { stdio: 'inherit' },
    );
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  return undefined;
}

// Test runs write JSON reports under test-results/; the closing line adds them up.
const REPORT_DIRS = [
  'packages/sdk',
  'packages/server',
  'packages/react',
  'examples/dashboard',
  'examples/storefront',
  'examples/quickstart',
  'examples/packaging',
  '.storybook',
];

function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const dir of REPORT_DIRS) {
    const file = join(root, dir, 'test-results', 'vitest.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
}

for (const dir of REPORT_DIRS) {
  rmSync(join(root, dir, 'test-results', 'vitest.json'), { force: true });
}

const chromium = chromiumPath();
if (!chromium && ci) {
  console.error('Chromium is required in CI for the browser tests: apt-get install chromium');
  process.exit(1);
}
const databases = process.env.TEST_DATABASE_URL
  ? 'PGlite and PostgreSQL'
  : 'PGlite only (set TEST_DATABASE_URL for PostgreSQL)';
console.log(
  `AgentStack checks — server tests on ${databases}; browser: ${chromium ?? 'none (browser tests skipped)'}`,
);

run('Format and lint (biome)', 'npx biome check .');
run('Build packages', 'npx turbo run build --filter=./packages/* --output-logs=errors-only');
run('Typecheck', 'npx turbo run typecheck --output-logs=errors-only');
// Before the tests: the dashboard's browser tests open the static Storybook too.
run('Storybook build', 'npm run build-storybook');
if (chromium) {
  run('Storybook accessibility (every story, axe-core in Chromium)', 'node scripts/axe-storybook.mjs', {
    CHROMIUM_PATH: chromium,
  });
} else {
  console.log('\n▷ Storybook accessibility skipped: no Chromium');
}
run(
  'Unit and integration tests',
  'npx turbo run test --concurrency=1 --output-logs=full',
  chromium ? { CHROMIUM_PATH: chromium } : { SKIP_BROWSER_TESTS: '1' },
);
run('Package lint (publint, attw)', 'npx turbo run lint:package --output-logs=errors-only');
run('Size budgets (size-limit)', 'npx turbo run size --output-logs=full');
summarise();
