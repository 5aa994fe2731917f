import { DEMO_BRANDS, DEMO_TENANTS, type DemoTenant, findAddon, findPlan } from '@agentstack/sdk/catalog';
import { newId } from '@agentstack/sdk/schemas';
import { count, eq, sql } from 'drizzle-orm';
import { hashPassword } from './auth/credentials';
import { operatorPrincipal } from './auth/principal';
import type { AppContext } from './context';
import type { Executor } from './db/client';
import { operatorKeys, tenants } from './db/schema';
import { agencyService } from './modules/platform/agencies/service';
import { apiKeyService } from './modules/platform/api-keys/service';
import { createOperatorKey } from './modules/platform/operators/service';
import { tenantService } from './modules/platform/tenants/service';
import { userStore } from './modules/platform/users/store';
import { seedCommerce } from './seedCommerce';

/** The plan names of a demo tenant, per domain (`null` where it has no plan). */
export interface DemoPlanNames {
  platform: string;
  commerce: string | null;
  fintech: string | null;
  social: string | null;
}

/** One seeded demo tenant and the credentials to reach it. */
export interface DemoTenantCredentials {
  slug: DemoTenant['slug'];
  id: string;
  name: string;
  /** The tenant's tier names, e.g. `{ platform: 'Growth', commerce: 'Growth', … }`. */
  plans: DemoPlanNames;
  /** Names of its add-ons. */
  addons: string[];
  /** The agency (and so the brand) the tenant belongs to. */
  agency: { id: string; name: string };
  /** `sk_…`: the tenant's whole API, for servers and curl. */
  secretKey: string;
  /** `pk_…`: the browser key (catalogue, brand, sign-in). */
  publishableKey: string;
  /** The owner who signs in to the dashboards. */
  user: { email: string; password: string };
}

/** What {@link seedDemo} created: the operator key, the agency key and each demo tenant's keys and sign-in. */
export interface DemoCredentials {
  /** `op_…`: manages tenants, agencies and plans. */
  operatorKey: string;
  /**
   * `ag_…`: the agency console of the first demo agency — its own tenants, their keys, its brand
   * and keys, and no other agency's. Absent from credentials saved before agency keys were seeded.
   */
  agencyKey?: { agency: { id: string; name: string }; secret: string };
  tenants: DemoTenantCredentials[];
}

// Serialises seeding across server instances starting at once on one PostgreSQL database.
const SEED_LOCK = 727_275;
// The tenant that shows the second, dark brand; the others sit under the first agency.
const NOCTURNE_TENANT: DemoTenant['slug'] = 'enterprise';

/**
 * Fills an empty database with demo data, in one transaction: an operator key, two agencies
 * (brands Aurora Commerce and Nocturne Labs) and a key of the first, the three demo tenants of `@agentstack/sdk/catalog`
 * (one per tier) each with a secret key, a publishable key, an owner who can sign in and its
 * shop within its plan ({@link seedCommerce}: products and stock, regions, shipping options,
 * discount codes, vendors, workflow steps and orders in every state). A database that already has
 * a tenant or an operator key is left alone and the answer is `null`, so calling it on every
 * start seeds only the first.
 *
 * @param opts.operatorKey - Install this operator key (`op_…`) instead of generating one, e.g.
 *   from `AGENTSTACK_OPERATOR_KEY`.
 * @param opts.persist - Called with the credentials inside the seeding transaction, before it
 *   commits (the CLI writes `demo-credentials.json` here). If it throws, nothing is seeded; so the
 *   data and the saved credentials exist together or not at all.
 * @example
 * ```ts
 * const server = await createServer({ dataDir: './.agentstack-data' });
 * const creds = await seedDemo(server.context);
 * if (creds) console.log(formatDemoCredentials(creds, 'http://127.0.0.1:4000'));
 * ```
 */
export async function seedDemo(
  context: AppContext,
  opts: { operatorKey?: string; persist?: (creds: DemoCredentials) => Promise<void> } = {},
): Promise<DemoCredentials | null> {
  if (!(await isEmpty(context.db))) return null;
  // scrypt is slow: hash before the transaction. One at a time: each takes 32 MiB, and three at
  // once raise the embedded server's resident memory for the rest of its life.
  const hashes: string[] = [];
  for (const t of DEMO_TENANTS) hashes.push(await hashPassword(t.user.password));

  const result = await context.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (!(await isEmpty(tx))) return null;

    const operator = await createOperatorKey(tx, 'demo', opts.operatorKey);
    const aurora = await agencyService.create(tx, {
      name: DEMO_BRANDS.aurora.name,
      brand: DEMO_BRANDS.aurora,
    });
    const nocturne = await agencyService.create(tx, {
      name: DEMO_BRANDS.nocturne.name,
      brand: DEMO_BRANDS.nocturne,
    });

    const agencyKey = await agencyService.createKey(tx, operatorPrincipal(operator.id), aurora.id, {
      name: 'Demo agency console',
    });

    const seeded: DemoTenantCredentials[] = [];
    for (const [i, demo] of DEMO_TENANTS.entries()) {
      const agency = demo.slug === NOCTURNE_TENANT ? nocturne : aurora;
      const tenant = await tenantService.create(tx, {
        name: demo.name,
        agencyId: agency.id,
        subscription: demo.subscription,
        addons: [...demo.addons],
        metadata: { demo: demo.slug },
      });
      const asOperator = operatorPrincipal(operator.id);
      const secret = await apiKeyService.create(
        tx,
        tenant.id,
        { type: 'secret', name: 'Demo secret key' },
        asOperator,
      );
      const publishable = await apiKeyService.create(
        tx,
        tenant.id,
        { type: 'publishable', name: 'Demo publishable key' },
        asOperator,
      );
      const now = new Date();
      await userStore(tx, tenant.id).insert({
        id: newId('usr'),
        email: demo.user.email.toLowerCase(),
        name: demo.user.name,
        role: demo.user.role,
        passwordHash: hashes[i]!,
        createdAt: now,
        updatedAt: now,
      });
      const [row] = await tx.select().from(tenants).where(eq(tenants.id, tenant.id));
      await seedCommerce(tx, demo, row!, {
        secret: { id: secret.id, role: secret.role ?? 'owner' },
        publishableId: publishable.id,
      });
      seeded.push({
        slug: demo.slug,
        id: tenant.id,
        name: tenant.name,
        plans: planNames(demo),
        addons: demo.addons.map((id) => findAddon(id)?.name ?? id),
        agency: { id: agency.id, name: agency.name },
        secretKey: secret.secret,
        publishableKey: publishable.secret,
        user: { email: demo.user.email.toLowerCase(), password: demo.user.password },
      });
    }
    const creds: DemoCredentials = {
      operatorKey: operator.secret,
      agencyKey: { agency: { id: aurora.id, name: aurora.name }, secret: agencyKey.secret },
      tenants: seeded,
    };
    await opts.persist?.(creds);
    return creds;
  });
  if (result) {
    context.auth.invalidate();
    context.log.info('demo data seeded', { tenants: result.tenants.map((t) => t.id) });
  }
  return result;
}

async function isEmpty(db: Executor): Promise<boolean> {
  const [t] = await db.select({ n: count() }).from(tenants);
  const [o] = await db.select({ n: count() }).from(operatorKeys);
  return (t?.n ?? 0) === 0 && (o?.n ?? 0) === 0;
}

function planNames(demo: DemoTenant): DemoPlanNames {
  const name = (id: string | null) => (id ? (findPlan(id)?.name ?? id) : null);
  return {
    platform: name(demo.subscription.platform) ?? demo.subscription.platform,
    commerce: name(demo.subscription.commerce),
    fintech: name(demo.subscription.fintech),
    social: name(demo.subscription.social),
  };
}

/**
 * Renders {@link DemoCredentials} as the block the CLI prints on first start: the operator key,
 * then per tenant its plan, keys and dashboard sign-in, with a curl example.
 *
 * @param baseUrl - The API's address for the examples. Defaults to `http://127.0.0.1:4000`.
 */
export function formatDemoCredentials(creds: DemoCredentials, baseUrl = 'http://127.0.0.1:4000'): string {
  const lines: string[] = [
    'Demo data created (shown once; keep it somewhere safe — keys are stored only as hashes).',
    '',
    `  Operator key    ${creds.operatorKey}`,
    '                  tenants, agencies and plans: /v1/platform/tenants, /v1/platform/agencies',
    '',
  ];
  if (creds.agencyKey) {
    lines.push(
      `  Agency key      ${creds.agencyKey.secret}`,
      `                  ${creds.agencyKey.agency.name}: its own tenants, their keys, its brand and keys`,
      '',
    );
  }
  for (const t of creds.tenants) {
    const plans = [
      `platform ${t.plans.platform}`,
      t.plans.commerce && `commerce ${t.plans.commerce}`,
      t.plans.fintech && `fintech ${t.plans.fintech}`,
      t.plans.social && `social ${t.plans.social}`,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${t.name} (${t.slug}) ${t.id}`,
      `    plans           ${plans}`,
      ...(t.addons.length ? [`    add-ons         ${t.addons.join(', ')}`] : []),
      `    brand           ${t.agency.name}`,
      `    secret key      ${t.secretKey}`,
      `    publishable key ${t.publishableKey}`,
      `    dashboard       ${t.user.email} / ${t.user.password}`,
      '',
    );
  }
  const first = creds.tenants[0];
  if (first) {
    lines.push(
      'Try it:',
      `  curl -H "Authorization: Bearer ${first.secretKey}" ${baseUrl}/v1/commerce/products`,
      '',
      'Sign in to a dashboard with an email and password above, or get a session token:',
      `  curl -X POST ${baseUrl}/v1/platform/sessions -H "Content-Type: application/json" \\`,
      `    -d '{"email":"${first.user.email}","password":"${first.user.password}"}'`,
      '',
    );
  }
  return lines.join('\n');
}
