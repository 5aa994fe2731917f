// Runs index.mjs, as a user would, against a real server (embedded PGlite in memory, demo data).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createServer, seedDemo } from '@agentstack/server';

const script = fileURLToPath(new URL('./index.mjs', import.meta.url));

let server;
let url;
let credentials;

before(async () => {
  server = await createServer({ logLevel: 'silent' });
  credentials = await seedDemo(server.context);
  ({ url } = await server.start({ port: 0 }));
});

after(async () => {
  await server?.stop();
});

function tenant(slug) {
  const found = credentials.tenants.find((t) => t.slug === slug);
  assert.ok(found, `seedDemo returned no ${slug} tenant`);
  return found;
}

/** Runs the quickstart with the given environment; resolves with its exit code and output. */
function runQuickstart(env) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script],
      { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('the Growth tenant walks through every step and may bulk-archive', async () => {
  const growth = tenant('growth');
  const { code, stdout, stderr } = await runQuickstart({
    AGENTSTACK_API_KEY: growth.secretKey,
    AGENTSTACK_BASE_URL: url,
  });
  assert.equal(code, 0, `exit code 0 expected\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  assert.match(
    stdout,
    new RegExp(`Caller: secret_key of tenant "${growth.name}" \\(ten_\\w+\\), role owner`),
  );
  assert.match(stdout, /Plan: platform Growth, commerce Growth/);
  assert.match(stdout, /commerce\.products\s+42 \/ 10000/);
  assert.match(stdout, /Created (prod_\w+) "Quickstart tote" sku=QS-\w+ status=draft/);
  assert.match(stdout, /Retried with the same Idempotency-Key: same product, no duplicate/);
  assert.match(stdout, /Updated prod_\w+: status=active price=2200 EUR/);
  // 42 seeded + the one just created, across three pages of 20.
  assert.match(stdout, /Listed 43 products/);
  assert.match(stdout, /ConflictError 409 code=duplicate_sku/);
  assert.match(stdout, /param: {3}sku/);
  assert.match(stdout, /✓ bulk-archived 1 product\(s\)/);
  assert.match(stdout, /Archived prod_\w+: status=archived/);
  assert.match(stdout, /Done\.$/m);
  assert.equal(stderr, '');
});

test('the Starter tenant gets a PlanLimitError naming the upgrade', async () => {
  const starter = tenant('starter');
  const { code, stdout, stderr } = await runQuickstart({
    AGENTSTACK_API_KEY: starter.secretKey,
    AGENTSTACK_BASE_URL: url,
  });
  assert.equal(code, 0, `exit code 0 expected\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  assert.match(stdout, /Listed 19 products/);
  assert.match(stdout, /PlanLimitError 403 code=feature_not_in_plan/);
  assert.match(stdout, /feature: commerce\.bulkOperations/);
  assert.match(stdout, /upgrade: plan commerce_growth \(.+\)/);
  assert.match(stdout, /detail: {2}\S/);
  assert.match(stdout, /Archived prod_\w+: status=archived/);
});

test('a wrong key fails with the API error code and a non-zero exit', async () => {
  const { code, stdout, stderr } = await runQuickstart({
    AGENTSTACK_API_KEY: 'sk_test_not_a_real_key',
    AGENTSTACK_BASE_URL: url,
  });
  assert.equal(code, 1);
  assert.match(stderr, /Quickstart failed/);
  assert.match(stdout, /AuthenticationError 401 code=invalid_api_key/);
});

test('without a key it says what to set', async () => {
  const { code, stderr } = await runQuickstart({ AGENTSTACK_BASE_URL: url });
  assert.equal(code, 1);
  assert.match(stderr, /Set AGENTSTACK_API_KEY/);
});
