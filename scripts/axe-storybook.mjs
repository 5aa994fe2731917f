#!/usr/bin/env node
// Every story of the built Storybook (storybook-static/) checked with axe-core in Chromium: no
// serious or critical violation. One browser, one page: stories are switched through Storybook's
// channel, so the preview and the mock service worker load once. A story whose play function
// throws fails too. Writes a vitest-compatible JSON report (test-results/vitest.json under
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
 * Shows a story in the preview and waits until it has rendered and its play function has run
 * (or failed), then until the DOM has been quiet for a moment (requests answered, state settled).
 */
function showStory(page, storyId) {
  return page.evaluate(
    ({ storyId }) =>
      new Promise((resolve) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const events = {
          storyRendered: () => ({ ok: true }),
          storyFinished: (e) =>
            e?.status === 'error' ? { ok: false, error: 'play function failed' } : { ok: true },
          playFunctionThrewException: (e) => ({ ok: false, error: `play: ${e?.message ?? e}` }),
          storyThrewException: (e) => ({ ok: false, error: `render: ${e?.message ?? e}` }),
          storyErrored: (e) => ({ ok: false, error: `error: ${e?.title ?? ''} ${e?.description ?? ''}` }),
          storyMissing: () => ({ ok: false, error: 'story missing' }),
        };
        const handlers = [];
        let outcome;
        const settle = () => {
          for (const [name, fn] of handlers) channel.off(name, fn);
          // Quiet DOM: 250 ms without a mutation, at most 4 s (a loading story never settles).
          let timer;
          const observer = new MutationObserver(() => {
            clearTimeout(timer);
            timer = setTimeout(done, 250);
          });
          const limit = setTimeout(done, 4000);
          function done() {
            observer.disconnect();
            clearTimeout(limit);
            resolve(outcome);
          }
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
          timer = setTimeout(done, 250);
        };
        for (const [name, map] of Object.entries(events)) {
          const fn = (e) => {
            // storyRendered fires before the play function finishes: wait for storyFinished then.
            if (name === 'storyRendered') return;
            if (outcome) return;
            outcome = map(e);
            settle();
          };
          handlers.push([name, fn]);
          channel.on(name, fn);
        }
        setTimeout(() => {
          if (outcome) return;
          outcome = { ok: false, error: 'did not finish rendering within 30 s' };
          settle();
        }, 30_000);
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    { storyId },
  );
}

const started = Date.now();
if (!existsSync(join(staticDir, 'index.json'))) {
  console.error(`${staticDir}/index.json not found: run npm run build-storybook first`);
  process.exit(1);
}
const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const { server, port } = await serve(staticDir);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const results = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // The first story loads the preview (and registers the mock service worker); the rest switch.
  // Opened on the last story, so switching to the first one renders it too.
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${stories.at(-1).id}&viewMode=story`);
  await page.waitForFunction(() =>
    Boolean(window.__STORYBOOK_ADDONS_CHANNEL__ && window.__STORYBOOK_PREVIEW__),
  );
  await page.addScriptTag({ content: axeSource });
  for (const story of stories) {
    const t0 = Date.now();
    const shown = await showStory(page, story.id);
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
