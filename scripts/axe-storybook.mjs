#!/usr/bin/env node
// Every story of the built Storybook (storybook-static/) checked with axe-core in Chromium: no
// serious or critical violation. One browser and one page for all of them: the preview loads once
// and stories are switched through Storybook's channel (a fresh load when a story navigated). A
// story whose play function throws fails too. Writes a vitest-compatible JSON report (test-results/vitest.json under
// .storybook/) so the closing count of `npm test` includes it.
//
//   node scripts/axe-storybook.mjs [storybook-static]      (CHROMIUM_PATH overrides /usr/bin/chromium)
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const staticDir = join(root, process.argv[2] ?? 'storybook-static');
const reportFile = join(root, '.storybook', 'test-results', 'vitest.json');
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
};

/** A static file server for the built Storybook on a free port (127.0.0.1 only). */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port })),
  );
}

function chromiumPath() {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
    .filter(Boolean)
    .find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
  return found;
}

/**
 * Installed in every page before its scripts: records how the story's render and play function
 * ended (`window.__storyOutcome`), from Storybook's channel events.
 */
function recordOutcome() {
  const events = {
    storyFinished: (e) =>
      e?.status === 'error' ? { ok: false, error: 'play function failed' } : { ok: true },
    playFunctionThrewException: (e) => ({ ok: false, error: `play: ${e?.message ?? e}` }),
    storyThrewException: (e) => ({ ok: false, error: `render: ${e?.message ?? e}` }),
    storyErrored: (e) => ({ ok: false, error: `error: ${e?.title ?? ''} ${e?.description ?? ''}` }),
    storyMissing: () => ({ ok: false, error: 'story missing' }),
  };
  const timer = setInterval(() => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    if (!channel) return;
    clearInterval(timer);
    for (const [name, outcome] of Object.entries(events)) {
      channel.on(name, (e) => {
        window.__storyOutcome ??= outcome(e);
      });
    }
  }, 5);
}

/**
 * Waits until the story on screen has rendered and its play function has run (or failed), then
 * until the DOM has been quiet for 250 ms (requests answered, state settled; at most 4 s, as a
 * loading story never settles).
 */
async function settle(page) {
  try {
    await page.waitForFunction(() => window.__storyOutcome, null, { timeout: 30_000 });
  } catch {
    return { ok: false, error: 'did not finish rendering within 30 s' };
  }
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let timer;
        const done = () => {
          observer.disconnect();
          clearTimeout(limit);
          resolve(window.__storyOutcome);
        };
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 250);
        });
        const limit = setTimeout(done, 4000);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        timer = setTimeout(done, 250);
      }),
  );
}

/**
 * Loads the preview on a story, in a fresh document. The mock service worker reloads the page
 * once when it first takes control: wait for that before using the page.
 */
async function openStory(page, port, storyId) {
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${storyId}&viewMode=story`, { waitUntil: 'load' });
  await page
    .waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 15_000 })
    .catch(() => {});
  await page.waitForLoadState('load');
  await page.addScriptTag({ content: axeSource });
  return settle(page);
}

/** Switches the loaded preview to another story through Storybook's channel (no reload). */
async function switchStory(page, storyId) {
  await page.evaluate((id) => {
    window.__storyOutcome = undefined;
    window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
  }, storyId);
  return settle(page);
}

const started = Date.now();
if (!existsSync(join(staticDir, 'index.json'))) {
  console.error(`${staticDir}/index.json not found: run npm run build-storybook first`);
  process.exit(1);
}
const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
// STORIES=commerce-inventoryboard checks only the stories whose id contains it (while working on one).
const only = process.env.STORIES;
const stories = Object.values(index.entries).filter(
  (e) => e.type === 'story' && (!only || e.id.includes(only)),
);
const { server, port } = await serve(staticDir);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const results = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(recordOutcome);
  let loaded = false;
  for (const story of stories) {
    const t0 = Date.now();
    // Switching is fast; a story that navigated (or a first story) gets a fresh document.
    const shown = await (loaded ? switchStory(page, story.id) : openStory(page, port, story.id)).catch(() =>
      openStory(page, port, story.id),
    );
    loaded = true;
    const axe = await page.evaluate(async () => {
      const result = await window.axe.run(document.querySelector('#storybook-root') ?? document.body, {
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    });
    const blocking = axe.filter((v) => BLOCKING.has(v.impact));
    const failures = [
      ...(shown.ok ? [] : [shown.error]),
      ...blocking.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`),
    ];
    results.push({ story, failures, ms: Date.now() - t0 });
    console.log(`${failures.length ? '✖' : '✔'} ${story.title} › ${story.name}`);
    for (const f of failures) console.log(`    ${f}`);
  }
} finally {
  await browser.close();
  server.close();
}

const failed = results.filter((r) => r.failures.length > 0);
const byTitle = Map.groupBy
  ? Map.groupBy(results, (r) => r.story.title)
  : results.reduce((m, r) => m.set(r.story.title, [...(m.get(r.story.title) ?? []), r]), new Map());
mkdirSync(join(root, '.storybook', 'test-results'), { recursive: true });
writeFileSync(
  reportFile,
  JSON.stringify(
    {
      numTotalTests: results.length,
      numPassedTests: results.length - failed.length,
      numFailedTests: failed.length,
      numPendingTests: 0,
      numTodoTests: 0,
      success: failed.length === 0,
      testResults: [...byTitle].map(([title, rs]) => ({
        name: `storybook: ${title}`,
        status: rs.some((r) => r.failures.length) ? 'failed' : 'passed',
        assertionResults: rs.map((r) => ({
          title: `${r.story.name}: renders and passes axe (no serious or critical violation)`,
          fullName: `${title} ${r.story.name}`,
          status: r.failures.length ? 'failed' : 'passed',
          duration: r.ms,
          failureMessages: r.failures,
        })),
      })),
    },
    null,
    2,
  ),
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\naxe: ${results.length - failed.length} of ${results.length} stories clean in ${seconds}s`);
process.exit(failed.length ? 1 : 0);
