import { composeStories } from '@storybook/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './AgencyKeysPanel.stories';

const { Default, AgencyConsole } = composeStories(stories);

const table = () => screen.getByRole('table', { name: 'Agency keys' });
const rowOf = (name: string) => within(table()).getByText(name).closest('tr')!;

describe('AgencyKeysPanel', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('lets an operator create a key, shown once, then listed by its prefix with its creator', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await user.click(await screen.findByRole('button', { name: 'New agency key' }));
    const form = screen.getByRole('form', { name: 'New agency key' });
    await user.type(within(form).getByLabelText('Name'), 'Second console');
    await user.click(within(form).getByRole('button', { name: 'Create key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Copy your new key for Second console' });
    const secret = (within(dialog).getByLabelText('Key') as HTMLInputElement).value;
    expect(secret).toMatch(/^ag_/);
    const row = await waitFor(() => rowOf('Second console'));
    expect(within(row).getByText(`${secret.slice(0, 9)}…`)).toBeTruthy();
    expect(within(row).getByText(/^Created by /)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: "I've saved it" }));
    expect(document.body.innerHTML).not.toContain(secret);
  });

  it("revokes a key from the agency's own console after a confirmation, and can cancel", async () => {
    const user = userEvent.setup();
    await renderStory(AgencyConsole);
    await user.click(await screen.findByRole('button', { name: 'Revoke Agency console' }));
    expect(screen.getByText(/signed out at once/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(within(rowOf('Agency console')).getByText('Active')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Revoke Agency console' }));
    await user.click(screen.getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByText('Agency console was revoked.')).toBeTruthy();
  });
});
