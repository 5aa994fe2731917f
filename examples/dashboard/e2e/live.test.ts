// Live updates in Debian's Chromium: the built dashboard (dist/, served by `vite preview` with the
// app's own proxy) against a real server on PGlite with demo data. A product created through the
// API with the tenant's secret key appears in the open products table without a reload; the
// header's live indicator says so in words.
import { fileURLToPath } from 'node:url';
import { AgentStack } from '@agentstack/sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DemoStack, skipBrowserTests, startDemoStack } from '../../../scripts/e2e/demoStack';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

let stack: DemoStack;

describe.skipIf(skipBrowserTests)('live updates of the example dashboard in Chromium', () => {
  beforeAll(async () => {
    stack = await startDemoStack(root, resultsDir);
  });

  afterAll(async () => {
    await stack?.close();
  });

  for (const width of [1280, 390]) {
    test(`a product created through the API appears in the open products table (${width} px)`, async () => {
      const growth = stack.credentials.tenants.find((t) => t.slug === 'growth')!;
      const { page, errors } = await stack.open(width);
      await page.goto(stack.siteUrl);
      await page.getByLabel('Email').fill(growth.user.email);
      await page.getByLabel('Password').fill(growth.user.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await page.goto(`${stack.siteUrl}#/products`);
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
      const client = new AgentStack({ apiKey: growth.secretKey, baseUrl: stack.apiUrl });
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
      await page.context().close();
    });
  }
});
