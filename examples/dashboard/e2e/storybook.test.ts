// The static Storybook (`npm run build-storybook` → storybook-static/), as a salesperson opens it:
// it starts on the introduction with no first-run checklist, and every full-page dashboard story
// renders its page with no console error and no axe-core serious or critical violation.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../../scripts/e2e/demoStack';

const staticDir = fileURLToPath(new URL('../../../storybook-static/', import.meta.url));
const shotsDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const built = existsSync(join(staticDir, 'index.json'));
if (!built) console.log('storybook-static/ is missing: run `npm run build-storybook` first; skipping.');
const skip = process.env.SKIP_BROWSER_TESTS === '1' || !built;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

let server: Server;
let base: string;
let browser: Browser;

describe.skipIf(skip)('the static Storybook in Chromium', () => {
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      const file = join(staticDir, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(staticDir)) return void res.writeHead(403).end();
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await launchChromium();
    mkdirSync(shotsDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('opens on the introduction, in AgentStack chrome, without a "Get started" checklist', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(base);
    await page.waitForURL(/path=\/docs\/introduction--docs/, { timeout: 60_000 });
    const docs = page.frameLocator('#storybook-preview-iframe');
    await docs.getByRole('heading', { level: 1, name: 'AgentStack' }).waitFor({ timeout: 60_000 });
    await docs.getByRole('heading', { name: 'Switch tier and brand' }).waitFor();
    expect(await page.getByRole('img', { name: /AgentStack/ }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/get started/i).count()).toBe(0);
    await page.screenshot({ path: `${shotsDir}storybook-introduction.png` });
    await page.close();
  });

  // One test per story and width, each with the suite's time (testTimeout): the set grows with
  // every page, and on a busy machine one test for all of them ran out of time.
  const index = built
    ? (JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8')) as {
        entries: Record<string, { id: string; title: string; type: string }>;
      })
    : { entries: {} };
  const stories = Object.values(index.entries).filter((e) => e.title === 'Dashboards' && e.type === 'story');
  const cases = stories.flatMap((story) => [1280, 390].map((width) => ({ id: story.id, width })));

  test('the full-page dashboard stories are all there', () => {
    expect(stories.length).toBeGreaterThanOrEqual(8);
  });

  test.for(cases)(
    'full-page story $id at $width px renders its page, with no console error or axe violation',
    async ({ id, width }) => {
      const page = await browser.newPage({ viewport: { width, height: 844 } });
      const errors: string[] = [];
      page.on('console', (msg) => {
        // The static server has no favicon.ico; Storybook's own server answers it.
        if (msg.type() === 'error' && !msg.location().url.endsWith('/favicon.ico')) errors.push(msg.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
        await page.locator('.app-main h1').first().waitFor({ timeout: 60_000 });
        await page.waitForFunction(
          () => !document.querySelector('[aria-busy="true"], .as-skeleton, .as-usage--pending'),
          undefined,
          { timeout: 60_000 },
        );
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${id} at ${width}px: horizontal scroll`).toBeLessThanOrEqual(0);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
          const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
          };
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations.join('\n'), `${id} at ${width}px: axe`).toBe('');
        expect(errors.join('\n'), `${id} at ${width}px: console`).toBe('');
        await page.screenshot({ path: `${shotsDir}storybook-${id}-${width}.png`, fullPage: true });
      } finally {
        await page.close();
      }
    },
  );
});
