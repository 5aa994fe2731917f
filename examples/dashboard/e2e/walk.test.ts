// The README's run command, walked in Debian's Chromium: `scripts/start.mjs` (what `npm start`
// runs after building) starts the server on embedded PGlite with demo data, the dashboard and the
// storefront; then every demo tier, the operator and the demo agency sign in and visit every page
// at 1280 and 390 px — the Orders page shows each tier's seeded orders, and an order opens on its
// own page — and the storefront lists the Growth shop's products. On each page: no horizontal
// scroll, no console error, no axe-core serious or critical violation; a screenshot of each goes
// to test-results/screenshots/.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Order } from '@agentstack/sdk';
import type { DemoCredentials } from '@agentstack/server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const shotsDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const skip = process.env.SKIP_BROWSER_TESTS === '1';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
type Width = (typeof WIDTHS)[number];

/** The pages of a tenant user, by their link in the navigation. */
const USER_PAGES = [
  { slug: 'overview', link: 'Overview', heading: 'Overview' },
  { slug: 'products', link: 'Products', heading: 'Products' },
  { slug: 'inventory', link: 'Inventory', heading: 'Inventory' },
  { slug: 'orders', link: 'Orders', heading: 'Orders' },
  { slug: 'pricing', link: 'Pricing', heading: 'Pricing' },
  { slug: 'team', link: 'Team', heading: 'Team' },
  { slug: 'api-keys', link: 'API keys', heading: 'API keys' },
  { slug: 'webhooks', link: 'Webhooks', heading: 'Webhooks' },
  { slug: 'plan', link: 'Plan & usage', heading: 'Plan & usage' },
] as const;
const OPERATOR_PAGES = [
  { slug: 'tenants', link: 'Tenants', heading: 'Tenants' },
  { slug: 'brands', link: 'Agencies & brands', heading: 'Agencies & brands' },
] as const;
const AGENCY_PAGES = [
  { slug: 'tenants', link: 'Tenants', heading: 'Tenants' },
  { slug: 'brand', link: 'Brand', heading: 'Brand' },
  { slug: 'agency-keys', link: 'Agency keys', heading: 'Agency keys' },
] as const;

/** Statuses the Orders board folds into its closed column (counted, cards shown on demand). */
const CLOSED: readonly Order['status'][] = ['returned', 'refunded', 'canceled'];

/** The tenant's orders, as its secret key lists them. */
async function seededOrders(secretKey: string): Promise<Order[]> {
  const res = await fetch(`${apiUrl}/v1/commerce/orders?limit=100`, {
    headers: { authorization: `Bearer ${secretKey}` },
  });
  expect(res.status).toBe(200);
  const { data } = (await res.json()) as { data: Order[] };
  expect(data.length, 'seeded orders').toBeGreaterThan(5);
  return data;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let start: ChildProcess;
let dataDir: string;
let browser: Browser;
let siteUrl: string;
let apiUrl: string;
let storefrontUrl: string;
let demo: DemoCredentials;

describe.skipIf(skip)('the dashboard of `npm start`, every page at 1280 and 390 px', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'agentstack-walk-'));
    const [apiPort, dashboardPort, storefrontPort] = [await freePort(), await freePort(), await freePort()];
    start = spawn(process.execPath, [join(repoRoot, 'scripts/start.mjs')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        AGENTSTACK_PORT: String(apiPort),
        DASHBOARD_PORT: String(dashboardPort),
        STOREFRONT_PORT: String(storefrontPort),
        AGENTSTACK_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Stop with Ctrl+C')) resolve();
      };
      start.stdout?.on('data', onData);
      start.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      start.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    siteUrl = `http://127.0.0.1:${dashboardPort}`;
    apiUrl = `http://127.0.0.1:${apiPort}`;
    storefrontUrl = `http://127.0.0.1:${storefrontPort}`;
    // The banner names all three.
    expect(output).toContain(`Storefront     ${storefrontUrl}`);
    demo = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(shotsDir, { recursive: true });
    // `npm start` builds the packages first (a turbo cache hit after `npm run build`, minutes cold).
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (start && start.exitCode === null) {
      const exited = new Promise((resolve) => start.once('exit', resolve));
      start.kill('SIGTERM');
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A page at `width` that records console errors and uncaught exceptions. */
  async function open(width: Width) {
    const context = await browser.newContext({ viewport: { width: width.width, height: width.height } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    return { page, errors };
  }

  /** Waits until nothing on the page is loading: no `aria-busy`, no skeleton. */
  async function settled(page: Page) {
    await page.waitForFunction(
      () => !document.querySelector('[aria-busy="true"], .as-skeleton, .as-usage--pending, .app-loading'),
    );
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  /** The checks every page must pass, then its screenshot. */
  async function check(page: Page, errors: string[], shot: string) {
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${shot}: horizontal scroll of ${overflow}px`).toBeLessThanOrEqual(0);
    // Nor does any table scroll sideways inside its frame (that hides Status and Actions).
    const clipped = await page.evaluate(
      () =>
        [...document.querySelectorAll('.as-table-wrap')].filter((el) => el.scrollWidth > el.clientWidth)
          .length,
    );
    expect(clipped, `${shot}: tables scrolling sideways`).toBe(0);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as any).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return (
        result.violations as Array<{
          id: string;
          impact: string;
          help: string;
          nodes: Array<{ target: string[] }>;
        }>
      )
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations.join('\n'), `${shot}: axe`).toBe('');
    expect(errors.join('\n'), `${shot}: console`).toBe('');
    await page.screenshot({ path: `${shotsDir}${shot}.png`, fullPage: true });
  }

  /** Follows a navigation link; on a phone, through the Menu button. */
  async function go(page: Page, width: Width, link: string, heading: string) {
    if (width.width < 900) {
      const header = await page.locator('.app-header').boundingBox();
      expect(header?.height, 'the phone header stays one row').toBeLessThanOrEqual(72);
      await page.getByRole('button', { name: 'Menu' }).click();
    }
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  }

  /**
   * The pricing dialogs from the keyboard against the real server: its errors at their fields,
   * Escape back to the button that opened it. On the desktop walk (which runs first) a region, a
   * shipping option and a code are added through them, so the phone walk shows them too.
   */
  async function walkPricing(page: Page, errors: string[], width: Width, slug: string) {
    const add = page.getByRole('button', { name: 'Add region' });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add a region' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Name').evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByLabel('Currency').fill('EUR');
    await dialog.getByLabel('Countries').fill('FR, FRA');
    await dialog.getByLabel('Tax rate (%)').fill('150');
    await dialog.getByRole('button', { name: 'Add region' }).press('Enter');
    await dialog.getByText(/^FRA: must be an ISO 3166-1 alpha-2 code/).waitFor();
    for (const label of ['Name', 'Countries', 'Tax rate (%)']) {
      expect(await dialog.getByLabel(label).getAttribute('aria-invalid'), label).toBe('true');
    }
    // The browser logs the refused request (400) it was asked to send: that one is expected.
    const refused = errors.filter((e) => /status of 400/.test(e));
    expect(refused.length).toBeLessThanOrEqual(1);
    errors.splice(0, errors.length, ...errors.filter((e) => !refused.includes(e)));
    await check(page, errors, `${slug}-pricing-errors-${width.name}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await add.evaluate((el) => el === document.activeElement)).toBe(true);
    if (width.width < 900) return;

    await add.click();
    await dialog.getByLabel('Name').fill('Walk Europe');
    await dialog.getByLabel('Currency').fill('EUR');
    await dialog.getByLabel('Countries').fill('fr de');
    await dialog.getByLabel('Tax rate (%)').fill('20');
    await dialog.getByRole('button', { name: 'Add region' }).click();
    await page.getByText('Region Walk Europe added.', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Add shipping option' }).click();
    const shipping = page.getByRole('dialog', { name: 'Add a shipping option' });
    // The seeded shop has its own regions: the option goes to the one just added.
    await shipping.getByLabel('Region').selectOption({ label: 'Walk Europe (EUR)' });
    await shipping.getByLabel('Name').fill('Standard');
    await shipping.getByLabel('Price (EUR)').fill('4.90');
    await shipping.getByLabel('Free from (EUR, optional)').fill('60');
    await shipping.getByRole('button', { name: 'Add shipping option' }).click();
    await page.getByRole('list', { name: 'Shipping options of Walk Europe' }).getByText('€4.90').waitFor();
    await page.getByRole('button', { name: 'Add discount code' }).click();
    const code = page.getByRole('dialog', { name: 'Add a discount code' });
    await code.getByLabel('Code').fill('walk10');
    await code.getByLabel('Percent off').fill('10');
    await code.getByRole('button', { name: 'Add discount code' }).click();
    await page.getByRole('switch', { name: 'WALK10 Active' }).waitFor();
    await check(page, errors, `${slug}-pricing-filled-${width.name}`);
  }

  for (const width of WIDTHS) {
    test(`sign-in page at ${width.width} px: the brand and where the demo sign-ins are`, async () => {
      const { page, errors } = await open(width);
      await page.goto(siteUrl);
      await page.getByRole('heading', { name: 'Demo sign-ins' }).waitFor();
      const growth = demo.tenants.find((t) => t.slug === 'growth')!;
      await page.getByRole('heading', { level: 1, name: `Sign in to ${growth.agency.name}` }).waitFor();
      expect(await page.getByText('demo-credentials.json').count()).toBe(1);
      await check(page, errors, `sign-in-${width.name}`);
      await page.context().close();
    });

    for (const slug of ['starter', 'growth', 'enterprise'] as const) {
      test(`${slug} owner at ${width.width} px: every page`, async () => {
        const tenant = demo.tenants.find((t) => t.slug === slug)!;
        const { page, errors } = await open(width);
        await page.goto(siteUrl);
        await page.getByRole('button', { name: tenant.name }).click();
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
        await check(page, errors, `${slug}-overview-${width.name}`);
        if (width.width > 1100) {
          // From 1101 px the header is one row: brand, every navigation link, plan, user, sign-out.
          for (const wide of [1101, 1260, 1261, 1280, 1360, 1361, 1440]) {
            await page.setViewportSize({ width: wide, height: width.height });
            const tops = await page
              .getByRole('navigation', { name: 'Main' })
              .getByRole('link')
              .evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().top)));
            expect(new Set(tops).size, `the navigation wraps at ${wide} px`).toBe(1);
            const header = await page.locator('.app-header').boundingBox();
            expect(header?.height, `the header grows at ${wide} px`).toBeLessThanOrEqual(72);
          }
          await page.setViewportSize({ width: width.width, height: width.height });
        }
        if (width.width < 900) {
          // The folded menu: navigation, plan, user and sign-out, and it closes again.
          await page.getByRole('button', { name: 'Menu' }).click();
          await page.getByRole('navigation', { name: 'Main' }).waitFor();
          expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
          await check(page, errors, `${slug}-menu-${width.name}`);
          await page.getByRole('button', { name: 'Menu' }).click();
          expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
        }
        for (const target of USER_PAGES.slice(1)) {
          await go(page, width, target.link, target.heading);
          await check(page, errors, `${slug}-${target.slug}-${width.name}`);
          if (target.slug === 'products') {
            // Status and Actions stay in view on a phone.
            const table = page.getByRole('table', { name: 'Products' });
            expect(await table.getByRole('columnheader', { name: 'Status' }).isVisible()).toBe(true);
            expect(
              await table
                .locator('tbody tr')
                .first()
                .getByRole('button', { name: /^Archive / })
                .isVisible(),
            ).toBe(true);
            // The product's own page.
            await table.locator('tbody tr').first().getByRole('link').click();
            await page.getByRole('form', { name: 'Product details' }).waitFor();
            await check(page, errors, `${slug}-product-${width.name}`);
          }
          if (target.slug === 'pricing') await walkPricing(page, errors, width, slug);
          if (target.slug === 'orders') {
            // The seeded orders: each open one has its card, the closed ones are counted.
            const orders = await seededOrders(tenant.secretKey);
            const board = page.locator('.as-order-board');
            for (const o of orders.filter((x) => !CLOSED.includes(x.status))) {
              expect(
                await board.getByRole('button', { name: `Open order #${o.number}`, exact: true }).count(),
                `${slug}: the card of order #${o.number} (${o.status})`,
              ).toBe(1);
            }
            for (const status of CLOSED) {
              const count = page.locator(
                `.as-order-board__closed-group[data-status="${status}"] .as-order-board__count`,
              );
              expect((await count.textContent())?.trim(), `${slug}: ${status} orders`).toBe(
                String(orders.filter((x) => x.status === status).length),
              );
            }
            // More columns than fit at either width: the board says so, and its button brings the
            // next one in (then there are columns before too).
            const columns = board.getByRole('region', { name: 'Orders by status' });
            const before = await columns.evaluate((el) => el.scrollLeft);
            await board.getByRole('button', { name: 'Show more columns' }).click();
            await board.getByRole('button', { name: 'Show the columns before' }).waitFor();
            expect(await columns.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
            // An order's own page, from its card: the partly refunded one, with its parcels and refund.
            const refunded = orders.find((o) => o.paymentStatus === 'partially_refunded')!;
            await board.getByRole('button', { name: `Open order #${refunded.number}`, exact: true }).click();
            await page.getByRole('heading', { level: 1, name: `Order #${refunded.number}` }).waitFor();
            for (const f of refunded.fulfillments) await page.getByText(f.trackingNumber!).first().waitFor();
            await check(page, errors, `${slug}-order-${width.name}`);
          }
        }
        await page.context().close();
      });
    }

    test(`storefront at ${width.width} px: the Growth shop lists its products`, async () => {
      const growth = demo.tenants.find((t) => t.slug === 'growth')!;
      const { page, errors } = await open(width);
      await page.goto(storefrontUrl);
      await page.getByRole('heading', { name: 'Shop' }).waitFor();
      // The newest active products of the Growth catalogue, as its publishable key lists them.
      const listed = await fetch(`${apiUrl}/v1/commerce/products?limit=3`, {
        headers: { authorization: `Bearer ${growth.publishableKey}` },
      });
      const products = ((await listed.json()) as { data: Array<{ title: string }> }).data;
      expect(products).toHaveLength(3);
      for (const p of products)
        await page.locator('.shop-card-title', { hasText: p.title }).first().waitFor();
      expect(await page.locator('.shop-card').count()).toBeGreaterThan(3);
      await check(page, errors, `storefront-${width.name}`);
      await page.context().close();
    });

    test(`operator at ${width.width} px: tenants and brands`, async () => {
      const { page, errors } = await open(width);
      await page.goto(siteUrl);
      await page.getByRole('button', { name: 'Operator or agency? Sign in with a key' }).click();
      await page.getByLabel('Operator or agency key').fill(demo.operatorKey);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Tenants' }).waitFor();
      const tenants = page.getByRole('table', { name: 'Tenants' });
      for (const tenant of demo.tenants) await tenants.getByText(tenant.name, { exact: true }).waitFor();
      await check(page, errors, `operator-tenants-${width.name}`);
      for (const target of OPERATOR_PAGES.slice(1)) {
        await go(page, width, target.link, target.heading);
        await check(page, errors, `operator-${target.slug}-${width.name}`);
      }
      // The demo agency's keys, with the operator key that made them, under its brand.
      await page.getByLabel('Agency', { exact: true }).selectOption({ label: demo.agencyKey!.agency.name });
      const keys = page.getByRole('table', { name: 'Agency keys' });
      await keys.getByText('Demo agency console', { exact: true }).waitFor();
      expect(await keys.getByText(/^Created by operator/).count()).toBeGreaterThan(0);
      await page.context().close();
    });

    test(`agency at ${width.width} px: its own tenants and their keys, its brand and its keys`, async () => {
      const agencyKey = demo.agencyKey!;
      const own = demo.tenants.filter((t) => t.agency.id === agencyKey.agency.id);
      const others = demo.tenants.filter((t) => t.agency.id !== agencyKey.agency.id);
      expect(own.length).toBeGreaterThan(0);
      expect(others.length).toBeGreaterThan(0);
      const { page, errors } = await open(width);
      await page.goto(siteUrl);
      // The demo sign-in fills the agency key.
      await page.getByRole('button', { name: new RegExp(`^Agency · ${agencyKey.agency.name}`) }).click();
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Tenants' }).waitFor();
      // The console wears the agency's brand, and shows no operator page.
      expect(await page.getByTestId('brand-name').textContent()).toBe(agencyKey.agency.name);
      const tenants = page.getByRole('table', { name: 'Tenants' });
      for (const tenant of own) await tenants.getByText(tenant.name, { exact: true }).waitFor();
      for (const tenant of others)
        expect(await tenants.getByText(tenant.name, { exact: true }).count()).toBe(0);
      expect(await tenants.getByRole('button', { name: /^Edit / }).count()).toBe(0);
      expect(await page.getByText('Agencies & brands').count()).toBe(0);
      await check(page, errors, `agency-tenants-${width.name}`);

      // A tenant's page: its keys.
      await tenants.getByRole('link', { name: own[0]!.name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: own[0]!.name, exact: true }).waitFor();
      await page.getByRole('table', { name: 'API keys' }).getByText('Demo secret key').waitFor();
      await check(page, errors, `agency-tenant-${width.name}`);

      for (const target of AGENCY_PAGES.slice(1)) {
        await go(page, width, target.link, target.heading);
        if (target.slug === 'brand') await page.locator('.as-brand-editor__form').waitFor();
        if (target.slug === 'agency-keys') {
          await page.getByRole('table', { name: 'Agency keys' }).getByText('Demo agency console').waitFor();
        }
        await check(page, errors, `agency-${target.slug}-${width.name}`);
      }

      // Another agency's tenant, by its address: not found.
      await page.goto(`${siteUrl}/#/tenants/${others[0]!.id}`);
      await page.getByRole('heading', { level: 1, name: 'Tenant not found' }).waitFor();
      await page.context().close();
    });
  }
});
