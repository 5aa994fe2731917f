// AgentStack quickstart: the SDK from a server-side Node script, end to end.
//
//   AGENTSTACK_API_KEY=sk_… node index.mjs
//
// AGENTSTACK_API_KEY    a tenant secret key (sk_…). Keep it on the server: it acts as the tenant's owner.
// AGENTSTACK_BASE_URL   where the API runs, without /v1. Defaults to http://127.0.0.1:4000 (`npm start`).
import { randomUUID } from 'node:crypto';
import { AgentStack, isAgentStackError, isConflictError, isPlanLimitError } from '@agentstack/sdk';
import { findAddon, findPlan } from '@agentstack/sdk/catalog';

const apiKey = process.env.AGENTSTACK_API_KEY;
const baseUrl = process.env.AGENTSTACK_BASE_URL || 'http://127.0.0.1:4000';
if (!apiKey) {
  console.error('Set AGENTSTACK_API_KEY to a tenant secret key (sk_…), e.g. one from demo-credentials.json.');
  process.exit(1);
}

const client = new AgentStack({ apiKey, baseUrl });

/** Prints what an API error carries. Branch on `code`, never on the message. */
function explain(error) {
  if (!isAgentStackError(error)) throw error;
  console.log(`  ✗ ${error.name} ${error.status ?? '-'} code=${error.code}`);
  if (error.detail) console.log(`    detail:  ${error.detail}`);
  if (error.param) console.log(`    param:   ${error.param}`);
  if (isPlanLimitError(error)) {
    if (error.limit) console.log(`    limit:   ${error.limit.key} ${error.limit.used}/${error.limit.limit}`);
    if (error.feature) console.log(`    feature: ${error.feature}`);
    console.log(
      error.upgrade
        ? `    upgrade: ${error.upgrade.kind} ${error.upgrade.id} (${error.upgrade.name})`
        : '    upgrade: none in the catalogue',
    );
  }
  console.log(`    request: ${error.requestId}`);
}

const planName = (id) => (id ? (findPlan(id)?.name ?? id) : '—');

async function main() {
  // 1. Who is calling?
  const me = await client.platform.me.retrieve();
  console.log(`Caller: ${me.kind} of tenant "${me.tenantName}" (${me.tenantId}), role ${me.role}`);

  // 2. What does the plan allow, and how much of it is used?
  const entitlements = await client.platform.entitlements.retrieve();
  const { subscription } = entitlements;
  console.log(
    `Plan: platform ${planName(subscription.platform)}, commerce ${planName(subscription.commerce)}, ` +
      `fintech ${planName(subscription.fintech)}, social ${planName(subscription.social)}`,
  );
  if (entitlements.addons.length) {
    console.log(`Add-ons: ${entitlements.addons.map((id) => findAddon(id)?.name ?? id).join(', ')}`);
  }
  console.log('Usage:');
  for (const [key, { used, limit }] of Object.entries(entitlements.limits)) {
    console.log(`  ${key.padEnd(26)} ${used} / ${limit ?? 'unlimited'}`);
  }

  // 3. Create a product. Pass your own Idempotency-Key so that retrying after a crash or a timeout
  //    cannot create it twice: the same key and body answer the stored response.
  const sku = `QS-${randomUUID().slice(0, 8).toUpperCase()}`;
  const idempotencyKey = `quickstart-${sku}`;
  const draft = {
    title: 'Quickstart tote',
    description: 'Created by the AgentStack quickstart.',
    sku,
    price: { amount: 2500, currency: 'EUR' }, // money is minor units + ISO 4217 code
    inventoryQuantity: 10,
  };
  const product = await client.commerce.products.create(draft, { idempotencyKey });
  console.log(`Created ${product.id} "${product.title}" sku=${product.sku} status=${product.status}`);
  const replay = await client.commerce.products.create(draft, { idempotencyKey });
  console.log(
    `Retried with the same Idempotency-Key: ${replay.id === product.id ? 'same product, no duplicate' : 'DUPLICATE'}`,
  );

  // 4. Update it (PATCH sends only the given fields).
  const updated = await client.commerce.products.update(product.id, {
    status: 'active',
    price: { amount: 2200, currency: 'EUR' },
  });
  console.log(
    `Updated ${updated.id}: status=${updated.status} price=${updated.price.amount} ${updated.price.currency}`,
  );

  // 5. List every product: `for await` follows the cursor pages (`limit` per request) for you.
  let count = 0;
  for await (const p of client.commerce.products.list({ limit: 20 })) {
    if (count < 3) console.log(`  ${p.id}  ${p.status.padEnd(8)} ${p.title}`);
    count += 1;
  }
  console.log(`Listed ${count} products (pages of 20, fetched as the loop needed them)`);

  // 6. Errors are typed and keep the server's problem details: code, detail, param, upgrade, requestId.
  console.log('Creating a second product with the same SKU:');
  try {
    await client.commerce.products.create({ ...draft, title: 'Quickstart tote (copy)' });
  } catch (error) {
    if (!isConflictError(error)) throw error;
    explain(error);
  }
  console.log('Bulk-archiving (a plan feature):');
  try {
    const archived = await client.commerce.products.bulkArchive({ ids: [product.id] });
    console.log(`  ✓ bulk-archived ${archived.data.length} product(s)`);
  } catch (error) {
    // 402 tier_limit_reached / 403 feature_not_in_plan: offer `upgrade` instead of failing.
    if (!isPlanLimitError(error)) throw error;
    explain(error);
  }

  // 7. Archive it: frees its slot under the plan's product limit. Archiving twice is harmless.
  const archived = await client.commerce.products.archive(product.id);
  console.log(`Archived ${archived.id}: status=${archived.status}`);
  console.log('Done.');
}

main().catch((error) => {
  // Anything unexpected: print what the API said (or the raw error) and exit non-zero.
  console.error('Quickstart failed:');
  if (isAgentStackError(error)) explain(error);
  else console.error(error);
  process.exitCode = 1;
});
