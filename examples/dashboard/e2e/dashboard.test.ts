// The built dashboard (dist/, from `vite build`) in Debian's Chromium, against a real server on
// PGlite with demo data, served by `vite preview` with the app's own proxy configuration.
import { fileURLToPath } from 'node:url';
import { AgentStack, type Brand, isPlanLimitError, type Product } from '@agentstack/sdk';
import type { DemoCredentials } from '@agentstack/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DemoStack, skipBrowserTests, startDemoStack } from '../../../scripts/e2e/demoStack';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));

type DemoTenant = DemoCredentials['tenants'][number];

let stack: DemoStack;
let siteUrl: string;
let apiBase: string;
let growth: DemoTenant;
let starter: DemoTenant;
let enterprise: DemoTenant;
let growthBrand: Brand;
let starterBrand: Brand;
let firstPage: Product[];
let secondPage: Product[];
/** The `upgrade` the API names when Starter creates past its limit. */
let starterLimitUpgrade: string | null;

describe.skipIf(skipBrowserTests)('example dashboard in Chromium', () => {
  beforeAll(async () => {
    stack = await startDemoStack(root, resultsDir);
    const { credentials, apiUrl } = stack;
    apiBase = apiUrl;
    siteUrl = stack.siteUrl;
    growth = credentials.tenants.find((t) => t.slug === 'growth')!;
    starter = credentials.tenants.find((t) => t.slug === 'starter')!;
    enterprise = credentials.tenants.find((t) => t.slug === 'enterprise')!;

    // Starter's product limit is lowered to what it already has, so creating one more is refused
    // (402 tier_limit_reached) — set before any Starter request, so no credential cache holds the old one.
    const operator = new AgentStack({ apiKey: credentials.operatorKey, baseUrl: apiUrl });
    await operator.platform.tenants.update(starter.id, { limitOverrides: { 'commerce.products': 18 } });

    // What the UI should show, read through the SDK with the tenants' secret keys.
    const growthClient = new AgentStack({ apiKey: growth.secretKey, baseUrl: apiUrl });
    const starterClient = new AgentStack({ apiKey: starter.secretKey, baseUrl: apiUrl });
    growthBrand = await growthClient.platform.brand.retrieve();
    starterBrand = await starterClient.platform.brand.retrieve();
    const page1 = await growthClient.commerce.products.list({ limit: 20 });
    firstPage = page1.data;
    secondPage = (await growthClient.commerce.products.list({ limit: 20, startingAfter: page1.nextCursor! }))
      .data;
    const refused = await starterClient.commerce.products
      .create({ title: 'Probe', price: { amount: 100, currency: 'EUR' } })
      .then(
        () => null,
        (error: unknown) => error,
      );
    if (!isPlanLimitError(refused)) throw new Error(`expected a 402 for Starter, got ${String(refused)}`);
    starterLimitUpgrade = refused.upgrade?.id ?? null;
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function signIn(tenant: DemoTenant): Promise<Page> {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(siteUrl);
    await page.getByLabel('Email').fill(tenant.user.email);
    await page.getByLabel('Password').fill(tenant.user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // The dashboard opens on the overview; these checks start from the products.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
    return page;
  }

  const productsTable = (page: Page) => page.getByRole('table', { name: 'Products' });

  test('a wrong password is refused on the sign-in page', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    await page.goto(siteUrl);
    await page.getByLabel('Email').fill(growth.user.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('do not match');
    await page.screenshot({ path: `${resultsDir}sign-in.png` });
    await context.close();
  });

  test('the Growth owner sees the brand, the plan, the seeded products and can page through them', async () => {
    const page = await signIn(growth);

    const brandName = page.getByTestId('brand-name');
    await brandName.waitFor();
    expect(await brandName.textContent()).toBe(growthBrand.name);
    expect(await page.title()).toBe(`Products · ${growthBrand.name}`);
    // The brand's colour themes the kit through its CSS variable.
    const primary = await page
      .locator('.as-root')
      .first()
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--as-color-primary').trim());
    expect(primary.toLowerCase()).toBe(growthBrand.primaryColor.toLowerCase());

    // Platform plan in the header; commerce plan and product usage above the table.
    expect(await page.locator('.app-header .as-plan-badge').getAttribute('data-plan-id')).toBe('growth');
    const usage = page.locator('.page-head__usage .as-usage__value');
    await usage.waitFor();
    expect((await usage.textContent())?.replace(/\s/g, '')).toBe('42/10,000');

    // Page 1: the twenty newest seeded products.
    const table = productsTable(page);
    for (const product of firstPage) await table.getByText(product.title, { exact: true }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(20);
    expect(await table.getByText(secondPage[0]!.title, { exact: true }).count()).toBe(0);

    await page.screenshot({ path: `${resultsDir}dashboard.png`, fullPage: true });

    // Page 2 follows the cursor.
    await page.getByRole('button', { name: 'Next page' }).click();
    for (const product of secondPage) await table.getByText(product.title, { exact: true }).waitFor();
    await page.getByText('Page 2', { exact: true }).waitFor();
    expect(await table.getByText(firstPage[0]!.title, { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await table.getByText(firstPage[0]!.title, { exact: true }).waitFor();

    // Bulk operations are in Growth: selecting rows offers the action itself.
    await page.getByRole('checkbox', { name: `Select ${firstPage[0]!.title}` }).check();
    await page.getByRole('button', { name: 'Archive selected' }).waitFor();

    // Plan & usage: every domain's plan, every limit with its usage, the active add-on…
    await page.getByRole('link', { name: 'Plan & usage' }).click();
    await page.getByRole('heading', { name: 'Plan & usage' }).waitFor();
    const overview = page.locator('.as-usage-overview');
    const commerceBadge = overview.locator('.as-plan-badge[data-plan-id="commerce_growth"]');
    await commerceBadge.waitFor();
    await overview.getByText('Advanced analytics', { exact: true }).waitFor();
    await overview.getByText('42 / 10,000').waitFor();
    expect(await overview.locator('.as-usage').count()).toBe(5);
    // …and the catalogue with the current platform tier marked; choosing another links to the notice.
    const catalog = page.locator('.as-plan-catalog');
    const current = catalog.locator('.as-plan-card[aria-current="true"]');
    await current.waitFor();
    expect(await current.getAttribute('data-plan-id')).toBe('growth');
    await page.screenshot({ path: `${resultsDir}dashboard-plan.png`, fullPage: true });
    await catalog.getByRole('link', { name: 'Choose Scale (Platform plan)' }).click();
    expect(await page.locator('.page-notice').textContent()).toContain('To move to Scale');

    // Team: the seeded owner, marked as the signed-in user, with the seat meter.
    await page.getByRole('link', { name: 'Team' }).click();
    const team = page.getByRole('table', { name: 'Team members' });
    await team.getByText(growth.user.email, { exact: true }).waitFor();
    await team.getByText('You', { exact: true }).waitFor();
    await page.screenshot({ path: `${resultsDir}dashboard-team.png`, fullPage: true });

    // API keys: a new key's secret is shown once, then only its prefix is listed.
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'New key' }).click();
    await page.getByLabel('Name').fill('E2E deploy');
    await page.getByRole('button', { name: 'Create key' }).click();
    const reveal = page.getByRole('dialog', { name: 'Copy your new key for E2E deploy' });
    const secret = await reveal.getByLabel('Key').inputValue();
    expect(secret).toMatch(/^sk_/);
    await page.screenshot({ path: `${resultsDir}dashboard-api-keys.png`, fullPage: true });
    await reveal.getByRole('button', { name: "I've saved it" }).click();
    const keys = page.getByRole('table', { name: 'API keys' });
    await keys.getByText('E2E deploy', { exact: true }).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(secret);

    await page.context().close();
  });

  test('the Starter owner gets upgrade prompts for bulk archive and past the product limit', async () => {
    const page = await signIn(starter);
    const brandName = page.getByTestId('brand-name');
    await brandName.waitFor();
    expect(await brandName.textContent()).toBe(starterBrand.name);

    // Bulk archive is not in Starter: the bulk bar shows an upgrade prompt instead of a button.
    const table = productsTable(page);
    const first = table.locator('tbody tr').first();
    await first.getByRole('checkbox').check();
    const bulkPrompt = page.locator('.as-bulk-bar .as-upgrade');
    await bulkPrompt.waitFor();
    expect(await bulkPrompt.getAttribute('data-upgrade-id')).toBe('commerce_growth');
    const bulkText = await bulkPrompt.textContent();
    expect(bulkText).toContain('Not in your plan: Bulk operations');
    expect(bulkText).toContain('Growth');
    expect(await page.getByRole('button', { name: 'Archive selected' }).count()).toBe(0);

    // Creating past the limit: the API's 402 shows in the form as the kit's upgrade prompt.
    await page.getByRole('button', { name: 'New product' }).click();
    const form = page.locator('form.as-form');
    await form.getByLabel('Title').fill('One too many');
    await form.getByLabel('Price').fill('12.50');
    await form.getByRole('button', { name: 'Create product' }).click();
    const limitPrompt = form.locator('.as-upgrade');
    await limitPrompt.waitFor();
    expect(await limitPrompt.getAttribute('data-upgrade-id')).toBe(starterLimitUpgrade);
    expect(await limitPrompt.textContent()).toContain('You have reached your products limit');

    await page.screenshot({ path: `${resultsDir}dashboard-starter.png`, fullPage: true });

    // Sign out returns to the sign-in page; the session token no longer works.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('dashboard.session'))).toBeNull();
    await page.context().close();
  });

  test('the Enterprise owner edits a product on its page, archives it after a confirmation and undoes that', async () => {
    const page = await signIn(enterprise);
    const client = new AgentStack({ apiKey: enterprise.secretKey, baseUrl: apiBase });
    const [product] = (await client.commerce.products.list({ limit: 1, status: 'active' })).data;
    if (!product) throw new Error('the enterprise demo tenant has no active product');
    await productsTable(page).getByRole('link', { name: product.title, exact: true }).click();
    const form = page.getByRole('form', { name: 'Product details' });
    await form.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(product.title);

    // Only the changed field is sent; the API holds the new price.
    await form.getByLabel(/^Price/).fill('123.45');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    expect((await client.commerce.products.retrieve(product.id)).price.amount).toBe(12345);

    // Archive asks first; the notice offers Undo, which restores it.
    await page.getByRole('button', { name: 'Archive product' }).click();
    const confirm = page.getByRole('group', { name: 'Archive this product' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await client.commerce.products.retrieve(product.id)).status).toBe('active');
    await page.getByRole('button', { name: 'Archive product' }).click();
    await page.getByRole('button', { name: 'Yes, archive' }).click();
    await page.getByText(`“${product.title}” archived.`).waitFor();
    expect((await client.commerce.products.retrieve(product.id)).status).toBe('archived');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`“${product.title}” restored.`).waitFor();
    expect((await client.commerce.products.retrieve(product.id)).status).toBe('active');
    await page.context().close();
  });

  test('an admin invites: the pending list shows it, the invitee sets a password and is signed in; another is revoked after a confirmation', async () => {
    // An admin of the Growth tenant (not its owner) signs in and invites.
    const admin = { email: 'ada.admin@example.com', password: 'admin-password-123' };
    await new AgentStack({ apiKey: growth.secretKey, baseUrl: apiBase }).platform.users.create({
      email: admin.email,
      name: 'Ada Admin',
      role: 'admin',
      password: admin.password,
    });
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(siteUrl);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();

    const invite = async (name: string, email: string, role: string): Promise<string> => {
      await page.getByRole('button', { name: 'Invite member' }).click();
      const form = page.getByRole('form', { name: 'Invite a team member' });
      await form.getByLabel('Email').fill(email);
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Role').selectOption(role);
      await form.getByRole('button', { name: 'Invite', exact: true }).click();
      const shown = page.getByRole('region', { name: `Send ${name} this invitation link` });
      const link = await shown.getByLabel('Invitation link').inputValue();
      await shown.getByRole('button', { name: 'Done' }).click();
      return link;
    };
    const pending = page.getByRole('region', { name: 'Pending invitations' });

    const link = await invite('Nia Newcomer', 'nia@example.com', 'support');
    // The link opens this dashboard's accept page.
    expect(link.startsWith(`${new URL(siteUrl).origin}/#/accept?token=inv_`)).toBe(true);
    await pending.getByText(/Nia Newcomer · nia@example\.com · support/).waitFor();
    await page.screenshot({ path: `${resultsDir}dashboard-invitations.png`, fullPage: true });

    // The invitee, in a browser of their own: chooses a password and is signed in.
    const inviteeContext = await stack.browser.newContext({ viewport: { width: 390, height: 844 } });
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link);
    await invitee.getByRole('heading', { level: 1, name: 'Accept your invitation' }).waitFor();
    await invitee.getByLabel('Choose a password').fill('short');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await invitee.getByText(/^Use at least/).waitFor();
    await invitee.getByLabel('Choose a password').fill('nia-chose-this-123');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await invitee.getByRole('button', { name: 'Menu' }).click();
    expect(await invitee.locator('.app-user__name').textContent()).toBe('Nia Newcomer');
    expect(await invitee.locator('.app-user__meta').textContent()).toContain('nia@example.com · support');
    await invitee.screenshot({ path: `${resultsDir}dashboard-invitation-accepted.png`, fullPage: true });
    // The link worked once.
    await invitee.getByRole('button', { name: 'Sign out' }).click();
    await invitee.goto(link);
    await invitee.reload();
    await invitee.getByLabel('Choose a password').fill('nia-chose-this-456');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await invitee.getByText(/already used, was revoked or has expired/).waitFor();
    await inviteeContext.close();

    // Back on the admin's Team page: a member now, no longer pending.
    await page.reload();
    await page.getByRole('table', { name: 'Team members' }).getByText('nia@example.com').waitFor();
    expect(await page.getByText(/Nia Newcomer · nia@example\.com/).count()).toBe(0);

    // Another invitation, revoked from the pending list — after a confirmation, kept once.
    const revokedLink = await invite('Rae Revoked', 'rae@example.com', 'viewer');
    const raeRow = pending.getByText(/Rae Revoked · rae@example\.com · viewer/);
    await raeRow.waitFor();
    await pending.getByRole('button', { name: 'Revoke the invitation of Rae Revoked' }).click();
    await pending.getByText('Revoke this invitation? Its link stops working.').waitFor();
    await pending.getByRole('button', { name: 'Keep' }).click();
    expect(await raeRow.count()).toBe(1);
    await pending.getByRole('button', { name: 'Revoke the invitation of Rae Revoked' }).click();
    await pending.getByRole('button', { name: 'Revoke', exact: true }).click();
    await raeRow.waitFor({ state: 'detached' });
    const growthClient = new AgentStack({ apiKey: growth.secretKey, baseUrl: apiBase });
    const stillPending = await growthClient.platform.invitations.list({ limit: 100 });
    expect(stillPending.data.some((i) => i.email === 'rae@example.com')).toBe(false);

    // Its link no longer works.
    const late = await stack.browser.newContext();
    const lateInvitee = await late.newPage();
    await lateInvitee.goto(revokedLink);
    await lateInvitee.getByLabel('Choose a password').fill('rae-too-late-123');
    await lateInvitee.getByRole('button', { name: 'Join and sign in' }).click();
    await lateInvitee.getByText(/already used, was revoked or has expired/).waitFor();
    await late.close();
    await context.close();
  });

  test('a tenant of another agency gets that agency brand, in its dark scheme', async () => {
    const page = await signIn(enterprise);
    const brandName = page.getByTestId('brand-name');
    await brandName.waitFor();
    const brand = await new AgentStack({
      apiKey: enterprise.secretKey,
      baseUrl: apiBase,
    }).platform.brand.retrieve();
    expect(await brandName.textContent()).toBe(brand.name);
    expect(brand.name).not.toBe(growthBrand.name);
    expect(await page.locator('.as-root').first().getAttribute('data-as-scheme')).toBe(brand.colorScheme);
    await productsTable(page).locator('tbody tr').nth(19).waitFor();
    await page.screenshot({ path: `${resultsDir}dashboard-enterprise.png` });
    await page.context().close();
  });
});
