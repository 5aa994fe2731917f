// Live updates in Debian's Chromium: the built dashboard (dist/, served by `vite preview` with the
// app's own proxy) against a real server on PGlite with demo data. A product created through the
// API with the tenant's secret key appears in the open products table without a reload; the
// header's live indicator says so in words.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AgentStack } from '@agentstack/sdk';
import { type AgentStackServer, createServer, type DemoCredentials, seedDemo } from '@agentstack/server';
import { type Browser, chromium } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const skip = process.env.SKIP_BROWSER_TESTS === '1';

let server: AgentStackServer;
let site: PreviewServer;
let browser: Browser;
let siteUrl: string;
let apiUrl: string;
let credentials: DemoCredentials;

describe.skipIf(skip)('live updates of the example dashboard in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(`${root}dist/index.html`)) {
      throw new Error('examples/dashboard/dist is missing: run `vite build` first (`npm test` does).');
    }
    server = await createServer({ logLevel: 'silent' });
    const seeded = await seedDemo(server.context);
    if (!seeded) throw new Error('seedDemo did not seed a fresh database');
    credentials = seeded;
    apiUrl = (await server.start({ port: 0 })).url;
    process.env.AGENTSTACK_API_URL = apiUrl;
    site = await preview({
      root,
      logLevel: 'silent',
      preview: { port: 0, host: '127.0.0.1', strictPort: true },
    });
    siteUrl = site.resolvedUrls?.local[0] ?? '';
    if (!siteUrl) throw new Error('vite preview did not report its URL');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(resultsDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`a product created through the API appears in the open products table (${width} px)`, async () => {
      const growth = credentials.tenants.find((t) => t.slug === 'growth')!;
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(siteUrl);
      await page.getByLabel('Email').fill(growth.user.email);
      await page.getByLabel('Password').fill(growth.user.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await page.goto(`${siteUrl.replace(/\/$/, '')}/#/products`);
      await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();

      const indicator = page.locator('.app-header .as-live');
      await page.waitForFunction(
        () => document.querySelector('.as-live')?.getAttribute('data-status') === 'connected',
      );
      expect(await indicator.getAttribute('role')).toBe('status');
      expect(await indicator.textContent()).toBe('Live updates: Live');
      const table = page.getByRole('table', { name: 'Products' });
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));

      // The same document all along: a reload or navigation would drop this marker.
      await page.evaluate(() => {
        (window as unknown as { liveMarker: string }).liveMarker = 'still here';
      });
      const title = `Live lantern ${width}`;
      const client = new AgentStack({ apiKey: growth.secretKey, baseUrl: apiUrl });
      const created = await client.commerce.products.create({
        title,
        price: { amount: 2400, currency: 'EUR' },
        status: 'active',
      });
      const row = table.getByRole('row').filter({ hasText: title });
      await row.waitFor();
      expect(await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe(
        'still here',
      );
      // A change made elsewhere to a product shown: the table follows it too.
      await client.commerce.products.update(created.id, { title: `${title} (renamed)` });
      await table
        .getByRole('row')
        .filter({ hasText: `${title} (renamed)` })
        .waitFor();
      await page.screenshot({ path: `${resultsDir}live-products-${width}.png`, fullPage: false });
      expect(errors.join('\n')).toBe('');
      await context.close();
    });
  }
});
