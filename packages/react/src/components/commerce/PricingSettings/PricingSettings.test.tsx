import { composeStories } from '@storybook/react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, problem } from '../../../../../../.storybook/fixtures';
import { playStory, renderStory } from '../../../../test/renderStory';
import { server } from '../../../../test/server';
import * as stories from './PricingSettings.stories';

const { Default } = composeStories(stories);

describe('PricingSettings', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
    20_000,
  );

  it('works from the keyboard: a dialog takes the focus, Escape closes it and the focus goes back', async () => {
    await renderStory(Default);
    const add = await screen.findByRole('button', { name: 'Add region' });
    add.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Add a region' });
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('Name')));
    // Chromium turns Escape into the dialog's `cancel` event (the walk test presses it there).
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(add);
    // The switch turns with Space, and says so.
    const toggle = screen.getByRole('switch', { name: 'SPRING5 Active' });
    toggle.focus();
    await userEvent.keyboard(' ');
    await screen.findAllByText('SPRING5 is inactive: shoppers can no longer apply it.');
  });

  it('shows an error naming no field of the form as a whole, in the dialog', async () => {
    await Default.load();
    server.use(
      http.post(api('/v1/commerce/shipping-options'), () =>
        problem(409, 'idempotency_conflict', 'This key was used for another request.'),
      ),
    );
    const { render } = await import('@testing-library/react');
    render(<Default />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add shipping option' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a shipping option' });
    const nameInput = within(dialog).getByLabelText('Name') as HTMLInputElement;
    await userEvent.type(nameInput, 'Pickup');
    const price = within(dialog).getByLabelText('Price (EUR)') as HTMLInputElement;
    await userEvent.type(price, '0');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add shipping option' }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('This key was used for another request.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
  });
});
