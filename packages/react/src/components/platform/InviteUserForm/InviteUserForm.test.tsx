import { composeStories } from '@storybook/react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './InviteUserForm.stories';

const { Default, AtSeatLimit, AsAdmin, ForbiddenRole } = composeStories(stories);

async function fill(
  user: ReturnType<typeof userEvent.setup>,
  { email = 'lea@growth.demo', role = 'viewer' } = {},
) {
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Name'), 'Lea Novak');
  await user.selectOptions(screen.getByLabelText('Role'), role);
  await user.click(screen.getByRole('button', { name: 'Invite' }));
}

describe('InviteUserForm', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('invites a user and shows the link once, until Done', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await fill(user);
    const link = await screen.findByRole('region', { name: 'Send Lea Novak this invitation link' });
    expect(within(link).getByText(/lea@growth.demo: it is shown only once/)).toBeTruthy();
    const url = within(link).getByLabelText('Invitation link') as HTMLInputElement;
    expect(url.value).toMatch(/#\/accept\?token=inv_/);
    await user.click(within(link).getByRole('button', { name: 'Done' }));
    expect(screen.queryByDisplayValue(url.value)).toBeNull();
    expect(screen.getByLabelText('Email')).toHaveProperty('value', '');
  });

  it('describes the chosen role', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await user.selectOptions(await screen.findByLabelText('Role'), 'admin');
    expect(screen.getByText('Manages the team, API keys and products.')).toBeTruthy();
  });

  it('marks the email field when it is taken (409 conflict)', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await fill(user, { email: 'mara@growth.demo' });
    expect(await screen.findByText(/already exists/)).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('marks the role field when the API refuses it (403 forbidden)', async () => {
    const user = userEvent.setup();
    await renderStory(ForbiddenRole);
    await fill(user, { role: 'owner' });
    expect(await screen.findByText('Only an owner may invite an owner.')).toBeTruthy();
    expect(screen.getByLabelText('Role').getAttribute('aria-invalid')).toBe('true');
  });

  it('offers owner to owners only', async () => {
    await renderStory(AsAdmin);
    const roles = within(await screen.findByLabelText('Role'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(roles).toEqual(['Admin', 'Support', 'Compliance', 'Moderator', 'Viewer']);
  });

  it('shows the upgrade prompt instead of the form without a free seat', async () => {
    await renderStory(AtSeatLimit);
    const prompt = await screen.findByRole('region', { name: 'You have reached your dashboard users limit' });
    expect(within(prompt).getByText('4 of 4 used.')).toBeTruthy();
    expect(within(prompt).getByRole('button', { name: /Upgrade to Growth/ })).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });
});
