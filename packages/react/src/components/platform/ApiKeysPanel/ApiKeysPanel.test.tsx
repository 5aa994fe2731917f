import { composeStories } from '@storybook/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './ApiKeysPanel.stories';

const { Default, WithRevokedKey, NoAccess, Empty, Loading, ErrorState } = composeStories(stories);

const table = () => screen.getByRole('table', { name: 'API keys' });
const rowOf = (name: string) => within(table()).getByText(name).closest('tr')!;

function stubClipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: writeText ? { writeText } : undefined,
  });
}

async function createKey(user: ReturnType<typeof userEvent.setup>, name: string, type = 'Secret') {
  await user.click(await screen.findByRole('button', { name: 'New key' }));
  const form = screen.getByRole('form', { name: 'New API key' });
  await user.type(within(form).getByLabelText('Name'), name);
  await user.click(within(form).getByRole('radio', { name: new RegExp(`^${type}`) }));
  await user.click(within(form).getByRole('button', { name: 'Create key' }));
  return screen.findByRole('dialog', { name: `Copy your new key for ${name}` });
}

describe('ApiKeysPanel', () => {
  afterEach(() => stubClipboard(undefined));

  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('lists secret and publishable keys by prefix', async () => {
    await renderStory(Default);
    await within(table()).findByText('Backend');
    const backend = rowOf('Backend');
    expect(within(backend).getByText('Secret')).toBeTruthy();
    expect(within(backend).getByText('sk_9f3a…')).toBeTruthy();
    expect(within(backend).getByText('Active')).toBeTruthy();
    expect(within(rowOf('Storefront')).getByText('Publishable')).toBeTruthy();
  });

  it('shows a new secret once, copies it, then lists only its prefix', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async (_text: string) => undefined);
    stubClipboard(writeText);
    await renderStory(Default);
    const dialog = await createKey(user, 'CI deploy');
    expect(within(dialog).getByText(/you won't see it again/)).toBeTruthy();
    const secret = (within(dialog).getByLabelText('Key') as HTMLInputElement).value;
    expect(secret).toMatch(/^sk_/);
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(secret);
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeTruthy();

    const row = await waitFor(() => rowOf('CI deploy'));
    expect(within(row).getByText(`${secret.slice(0, 9)}…`)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: "I've saved it" }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.innerHTML).not.toContain(secret);
  });

  it('creates a publishable key', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    const dialog = await createKey(user, 'Web shop', 'Publishable');
    expect((within(dialog).getByLabelText('Key') as HTMLInputElement).value).toMatch(/^pk_/);
    await waitFor(() => expect(within(rowOf('Web shop')).getByText('Publishable')).toBeTruthy());
  });

  it('says so when the clipboard is unavailable, and selects the key to copy by hand', async () => {
    const user = userEvent.setup();
    stubClipboard(undefined);
    await renderStory(Default);
    const dialog = await createKey(user, 'No clipboard');
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByText(/Could not copy/)).toBeTruthy();
  });

  it('revokes a key after confirmation and shows it revoked', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await user.click(await screen.findByRole('button', { name: 'Revoke Backend' }));
    expect(screen.getByText(/Revoke Backend\? Requests using it fail at once/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByText('Backend was revoked.')).toBeTruthy();
    await waitFor(() => expect(within(rowOf('Backend')).getByText('Revoked')).toBeTruthy());
    expect(rowOf('Backend').hasAttribute('data-revoked')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Revoke Backend' })).toBeNull();
  });

  it('shows revoked keys muted, without actions', async () => {
    await renderStory(WithRevokedKey);
    await within(table()).findByText('Old backend');
    const row = rowOf('Old backend');
    expect(row.hasAttribute('data-revoked')).toBe(true);
    expect(within(row).getByText('Revoked')).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
    expect(within(rowOf('Storefront')).getByText('Never')).toBeTruthy();
  });

  it('shows the role a secret key acts as and who created it', async () => {
    await renderStory(WithRevokedKey);
    await within(table()).findByText('Old backend');
    expect(
      within(rowOf('Old backend')).getByText('Acts as Admin · Created by Ada Admin <ada@example.com>'),
    ).toBeTruthy();
    expect(within(rowOf('Storefront')).queryByText(/Acts as|Created by/)).toBeNull();
  });

  it('tells roles without key access, without a table', async () => {
    await renderStory(NoAccess);
    expect(await screen.findByText('API keys are not visible to your role')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'New key' })).toBeNull();
  });

  it('shows the empty state', async () => {
    await renderStory(Empty);
    expect(await screen.findByText('No API keys yet')).toBeTruthy();
  });

  it('shows the loading state', async () => {
    await renderStory(Loading);
    expect(screen.getByRole('table', { name: 'API keys' }).getAttribute('aria-busy')).toBe('true');
  });

  it("shows the problem's code and detail on error, with a retry", async () => {
    await renderStory(ErrorState);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Keys are temporarily unavailable.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
