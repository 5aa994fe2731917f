// The storefront in Debian's Chromium: the built shop (dist/, served by `vite preview` with its own
// proxy) against a real server on PGlite with demo data, on the growth tenant's publishable key.
// A shopper browses, fills a cart and pays with the built-in test provider's cards; the tenant's
// secret key then finds the order paid and the stock taken. A declined card leaves no paid order
// (the attempt is canceled, its stock released) and the cart as it was.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgentStack } from '@agentstack/sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DemoStack, skipBrowserTests, startDemoStack } from '../../../scripts/e2e/demoStack';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

let stack: DemoStack;
let admin: AgentStack;

/** Opens the shop at `width` px and collects console errors and failed API calls. */
async function openShop(width: number): Promise<{ page: Page; errors: string[] }> {
  const opened = await stack.open(width);
  await opened.page.goto(stack.siteUrl);
  await opened.page.getByRole('heading', { name: 'Shop' }).waitFor();
  return opened;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
}

describe.skipIf(skipBrowserTests)('the storefront example in Chromium', () => {
  beforeAll(async () => {
    stack = await startDemoStack(root, resultsDir);
    const growth = stack.credentials.tenants.find((t) => t.slug === 'growth')!;
    admin = new AgentStack({ apiKey: growth.secretKey, baseUrl: stack.apiUrl });
  });

  afterAll(async () => {
    await stack?.close();
  });

  for (const width of [1280, 390]) {
    test(`browses, fills a cart and pays with the test card (${width} px)`, async () => {
      const { page, errors } = await openShop(width);
      await shot(page, `storefront-catalogue-${width}`);
      const card = page.locator('.shop-card').first();
      const title = (await card.locator('.shop-card-title').textContent())?.trim() ?? '';
      await card.getByRole('link').click();
      await page.getByRole('heading', { name: title }).waitFor();
      const product = (await admin.commerce.products.list({ query: title, limit: 1 })).data[0]!;
      const before = product.inventoryQuantity;
      await page.getByLabel('Quantity').fill('2');
      await shot(page, `storefront-product-${width}`);
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByRole('heading', { name: 'Your cart' }).waitFor();
      await expect.poll(() => page.getByRole('link', { name: /Cart, 2 items/ }).count()).toBe(1);
      await shot(page, `storefront-cart-${width}`);
      await page.getByRole('link', { name: 'Checkout' }).click();
      await page.getByRole('heading', { name: 'Checkout' }).waitFor();
      await page.getByLabel('Email').fill(`shopper.${width}@example.test`);
      await page.getByLabel('Full name').fill('Ada Shopper');
      await page.getByLabel('Address').fill('1 Market Street');
      await page.getByLabel('City').fill('Dublin');
      await page.getByLabel('Postal code').fill('D01 F5P2');
      await page.getByLabel('Card number').fill('4242 4242 4242 4242');
      await page.getByLabel('Expiry (MM/YY)').fill('12/30');
      await shot(page, `storefront-checkout-${width}`);
      await page.getByRole('button', { name: /^Pay / }).click();
      await page.getByRole('heading', { name: 'Thank you' }).waitFor();
      await shot(page, `storefront-order-${width}`);
      const orderId = (await page.getByTestId('order-id').textContent())?.trim() ?? '';
      expect(orderId).toMatch(/^ord_/);
      const order = await admin.commerce.orders.retrieve(orderId);
      expect(order.paymentStatus).toBe('paid');
      expect(['paid', 'fulfilling']).toContain(order.status);
      const after = await admin.commerce.products.retrieve(product.id);
      expect(after.inventoryQuantity).toBe(before - 2);
      await expect.poll(() => page.getByRole('link', { name: /Cart, 0 items/ }).count()).toBe(1);
      expect(errors).toEqual([]);
    });
  }

  test('a declined card charges nothing and keeps the cart', async () => {
    const { page } = await openShop(1280);
    await page.locator('.shop-card').first().getByRole('link').click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('heading', { name: 'Your cart' }).waitFor();
    const before = new Set((await admin.commerce.orders.list({ limit: 100 })).data.map((o) => o.id));
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByLabel('Email').fill('declined@example.test');
    await page.getByLabel('Full name').fill('Dee Clined');
    await page.getByLabel('Address').fill('2 Market Street');
    await page.getByLabel('City').fill('Dublin');
    await page.getByLabel('Postal code').fill('D01 F5P2');
    await page.getByLabel('Card number').fill('4000 0000 0000 0002');
    await page.getByLabel('Expiry (MM/YY)').fill('12/30');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /declined/i })
      .waitFor();
    await shot(page, 'storefront-declined-1280');
    const attempts = (await admin.commerce.orders.list({ limit: 100 })).data.filter((o) => !before.has(o.id));
    expect(attempts.map((o) => [o.status, o.paymentStatus])).toEqual([['canceled', 'failed']]);
    await page.getByRole('link', { name: /Cart, 1 item\b/ }).waitFor();
  });
});
