// Invitation emails in the built dashboard (dist/, `vite preview`) in Debian's Chromium, against a
// real server on PGlite with the development outbox (what `npm start` runs): the owner invites,
// the form says the invitation was emailed, the Team page's outbox shows the email, and its link —
// on the server's public URL, this dashboard — lets the invitee join.
import { existsSync, mkdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type AgentStackServer, createServer, seedDemo } from '@agentstack/server';
import { type Browser, chromium } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
const skip = process.env.SKIP_BROWSER_TESTS === '1';

/** A loopback port free now (the dashboard's, which the server must know before it starts). */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe.skipIf(skip)('invitation emails in the dashboard (outbox) in Chromium', () => {
  let server: AgentStackServer;
  let site: PreviewServer;
  let browser: Browser;
  let siteUrl: string;
  let owner: { email: string; password: string };

  beforeAll(async () => {
    if (!existsSync(`${root}dist/index.html`)) {
      throw new Error('examples/dashboard/dist is missing: run `vite build` first (`npm test` does).');
    }
    const port = await freePort();
    siteUrl = `http://127.0.0.1:${port}/`;
    server = await createServer({ logLevel: 'silent', publicUrl: siteUrl, email: { outbox: true } });
    const credentials = await seedDemo(server.context);
    if (!credentials) throw new Error('seedDemo did not seed a fresh database');
    owner = credentials.tenants.find((t) => t.slug === 'growth')!.user;
    const { url: apiUrl } = await server.start({ port: 0 });
    process.env.AGENTSTACK_API_URL = apiUrl;
    site = await preview({
      root,
      logLevel: 'silent',
      preview: { port, host: '127.0.0.1', strictPort: true },
    });
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

  test('the owner invites, the email is in the outbox, its link signs the invitee in; an admin sees no outbox', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(siteUrl);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();

    await page.getByRole('button', { name: 'Invite member' }).click();
    const form = page.getByRole('form', { name: 'Invite a team member' });
    await form.getByLabel('Email').fill('ada@example.com');
    await form.getByLabel('Name').fill('Ada Admin');
    await form.getByLabel('Role').selectOption('admin');
    await form.getByRole('button', { name: 'Invite', exact: true }).click();
    const shown = page.getByRole('region', { name: 'Invitation emailed to ada@example.com' });
    await shown.waitFor();
    const link = await shown.getByLabel('Invitation link').inputValue();
    expect(link.startsWith(`${siteUrl}#/accept?token=inv_`)).toBe(true);
    await shown.getByRole('button', { name: 'Done' }).click();

    const outbox = page.getByRole('region', { name: 'Outbox (development)' });
    await outbox.getByText(/invited you to join .* · to Ada Admin <ada@example.com>/).click();
    const open = outbox.getByRole('link', { name: 'Open the invitation link' });
    expect(await open.getAttribute('href')).toBe(link);
    await page.screenshot({ path: `${resultsDir}dashboard-outbox.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();

    // The invitee, in a browser of their own, follows the emailed link and joins as an admin,
    // whose Team page has no outbox (its links could make them an owner).
    const inviteeContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link);
    await invitee.getByLabel('Choose a password').fill('ada-chose-this-123');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await invitee.goto(`${siteUrl}#/team`);
    await invitee
      .getByRole('region', { name: 'Pending invitations' })
      .or(invitee.getByRole('table'))
      .first()
      .waitFor();
    expect(await invitee.getByRole('region', { name: 'Outbox (development)' }).count()).toBe(0);
    await inviteeContext.close();
  });
});
