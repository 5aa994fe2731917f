// Invitation emails in the built dashboard (dist/, `vite preview`) in Debian's Chromium, against a
// real server on PGlite with the development outbox (what `npm start` runs): the owner invites,
// the form says the invitation was emailed, the Team page's outbox shows the email, and its link —
// on the server's public URL, this dashboard — lets the invitee join.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DemoStack, freePort, skipBrowserTests, startDemoStack } from '../../../scripts/e2e/demoStack';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));

describe.skipIf(skipBrowserTests)('invitation emails in the dashboard (outbox) in Chromium', () => {
  let stack: DemoStack;
  let siteUrl: string;
  let owner: { email: string; password: string };

  beforeAll(async () => {
    const port = await freePort();
    siteUrl = `http://127.0.0.1:${port}/`;
    stack = await startDemoStack(root, resultsDir, {
      server: { publicUrl: siteUrl, email: { outbox: true } },
      sitePort: port,
    });
    owner = stack.credentials.tenants.find((t) => t.slug === 'growth')!.user;
  });

  afterAll(async () => {
    await stack?.close();
  });

  test('the owner invites, the email is in the outbox, its link signs the invitee in; an admin sees no outbox', async () => {
    const { page, errors } = await stack.open(1280);
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
    await page.context().close();

    // The invitee, in a browser of their own, follows the emailed link and joins as an admin,
    // whose Team page has no outbox (its links could make them an owner).
    const { page: invitee } = await stack.open(390, 844);
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
    await invitee.context().close();
  });
});
