// The stack every browser test of the examples runs on: a real server on PGlite with demo data,
// the example's built app (dist/) served by `vite preview` with the app's own proxy, and Debian's
// Chromium. One place for it, so the dashboard's and the storefront's tests start the same way.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AgentStackServer,
  createServer,
  type DemoCredentials,
  type ServerOptions,
  seedDemo,
} from '@agentstack/server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';

/** The browser tests are skipped when `SKIP_BROWSER_TESTS=1`. */
export const skipBrowserTests = process.env.SKIP_BROWSER_TESTS === '1';

/** A running server, app and browser; `close()` stops all three. */
export interface DemoStack {
  server: AgentStackServer;
  credentials: DemoCredentials;
  /** The API's own URL (`http://127.0.0.1:<port>`). */
  apiUrl: string;
  /** The app's URL, ending in `/`. */
  siteUrl: string;
  browser: Browser;
  /** A fresh page at `width` × `height`, recording console errors and uncaught exceptions. */
  open(width: number, height?: number): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium (`CHROMIUM_PATH` overrides) the way this machine allows. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** What a test may change of the stack. */
export interface DemoStackOptions {
  /** Server options beside `logLevel: 'silent'` (an outbox, a public URL). */
  server?: ServerOptions;
  /** The app's port, when the server must know it before it starts (its public URL). */
  sitePort?: number;
}

/**
 * Starts the demo stack for the example at `root` (its folder, ending in `/`): the server on a
 * fresh PGlite seeded with the demo, then the built app — whose vite config proxies `/v1` to
 * `AGENTSTACK_API_URL` and may read the demo sign-ins from `AGENTSTACK_DEMO_CREDENTIALS` — then
 * Chromium. `resultsDir` is created for screenshots.
 */
export async function startDemoStack(
  root: string,
  resultsDir: string,
  options: DemoStackOptions = {},
): Promise<DemoStack> {
  if (!existsSync(`${root}dist/index.html`)) {
    throw new Error(`${root}dist is missing: run \`vite build\` first (\`npm test\` does).`);
  }
  const server = await createServer({ logLevel: 'silent', ...options.server });
  let site: PreviewServer | undefined;
  let browser: Browser | undefined;
  const credentialsFile = join(tmpdir(), `agentstack-demo-${process.pid}-${Date.now()}.json`);
  const close = async () => {
    await browser?.close();
    await site?.close();
    await server.stop();
    rmSync(credentialsFile, { force: true });
  };
  try {
    const credentials = await seedDemo(server.context);
    if (!credentials) throw new Error('seedDemo did not seed a fresh database');
    const apiUrl = (await server.start({ port: 0 })).url;
    writeFileSync(credentialsFile, JSON.stringify(credentials));
    process.env.AGENTSTACK_API_URL = apiUrl;
    process.env.AGENTSTACK_DEMO_CREDENTIALS = credentialsFile;
    site = await preview({
      root,
      logLevel: 'silent',
      preview: { port: options.sitePort ?? 0, host: '127.0.0.1', strictPort: true },
    });
    const siteUrl = site.resolvedUrls?.local[0];
    if (!siteUrl) throw new Error('vite preview did not report its URL');
    browser = await launchChromium();
    mkdirSync(resultsDir, { recursive: true });
    const opened = browser;
    return {
      server,
      credentials,
      apiUrl,
      siteUrl: siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`,
      browser: opened,
      async open(width, height = 900) {
        const context = await opened.newContext({ viewport: { width, height } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (msg) => {
          if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
        });
        page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
        return { page, errors };
      },
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

/** A loopback port free now (an app's, which the server must know before it starts). */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
