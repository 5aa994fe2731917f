// The API reference as a person sees it: /docs in Debian's Chromium, with every request that
// leaves this server refused, renders the operations and asks for nothing from elsewhere.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

const skip = process.env.SKIP_BROWSER_TESTS === '1';
if (skip) console.log('docs.browser.test: skipped (SKIP_BROWSER_TESTS=1)');

describe.skipIf(skip)('/docs in Chromium', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t?.stop());

  it('renders the operations offline, with search and the bearer scheme', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const local = new URL(t.url).host;
      const elsewhere: string[] = [];
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`);
      });
      // The reference logs its phases; it wires its keyboard shortcuts once the document is in
      // (a press before that is lost, and a busy machine can take many seconds to get there).
      const documentAdded = page.waitForEvent('console', {
        predicate: (m) => m.text().startsWith('addDocument'),
        timeout: 120_000,
      });
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.host === local || url.protocol === 'data:' || url.protocol === 'blob:')
          return route.continue();
        elsewhere.push(url.href);
        return route.abort();
      });
      await page.goto(`${t.url}/docs`);
      await page.getByText('Retrieve the caller').first().waitFor({ timeout: 60_000 });
      expect(await page.getByText('bearerAuth').count()).toBeGreaterThan(0);
      await documentAdded;
      await page.keyboard.press('Control+k');
      await page.keyboard.type('archive');
      await page.getByRole('dialog').getByText('Archive a product').first().waitFor({ timeout: 60_000 });
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/docs.png' });
      expect(elsewhere).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
