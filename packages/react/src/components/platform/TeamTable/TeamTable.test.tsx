import { DEMO_TENANTS } from '@agentstack/sdk/catalog';
import { composeStories } from '@storybook/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import { server } from '../../../../test/server';
import * as stories from './TeamTable.stories';

const { Default, AtSeatLimit, AsAdmin, ReadOnlySupport, Viewer, Empty, Loading, ErrorState } =
  composeStories(stories);

const owner = DEMO_TENANTS.find((t) => t.slug === 'growth')!.user;
const table = () => screen.getByRole('table', { name: 'Team members' });
const rowOf = (name: string) => within(table()).getByText(name).closest('tr')!;

describe('TeamTable', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('lists the users with their role and last sign-in; the caller is marked and cannot change themself', async () => {
    await renderStory(Default);
    await screen.findByText(owner.name);
    const self = rowOf(owner.name);
    expect(within(self).getByText('You')).toBeTruthy();
    expect(within(self).getByText('Owner')).toBeTruthy();
    expect(within(self).queryByRole('combobox')).toBeNull();
    expect(within(self).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(within(self).getByText(owner.email)).toBeTruthy();
    expect(within(rowOf('Aiko Tanaka')).getByText('Never')).toBeTruthy();
    expect(await screen.findByText('4 / 25')).toBeTruthy();
  });

  it('invites a user: shows the link once, and closes on Done', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await screen.findByText(owner.name);
    await user.click(screen.getByRole('button', { name: 'Invite member' }));
    const form = await screen.findByRole('form', { name: 'Invite a team member' });
    await user.type(within(form).getByLabelText('Email'), 'lea@growth.demo');
    await user.type(within(form).getByLabelText('Name'), 'Lea Novak');
    await user.selectOptions(within(form).getByLabelText('Role'), 'admin');
    await user.click(within(form).getByRole('button', { name: 'Invite' }));
    const link = await screen.findByRole('region', { name: 'Send Lea Novak this invitation link' });
    expect(within(link).getByLabelText('Invitation link')).toHaveProperty(
      'value',
      expect.stringMatching(/#\/accept\?token=inv_/),
    );
    await user.click(within(link).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('region', { name: /invitation link/ })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Invite a team member' })).toBeNull();
  });

  it('sorts on the server: a header click asks the API for that order, from the first page', async () => {
    const user = userEvent.setup();
    const orders: Array<string | null> = [];
    const onRequest = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (request.method === 'GET' && url.pathname.endsWith('/v1/platform/users')) {
        orders.push(url.searchParams.get('order'));
      }
    };
    server.events.on('request:start', onRequest);
    try {
      await renderStory(Default);
      await screen.findByText(owner.name);
      expect(orders).toEqual([null]);
      const header = screen.getByRole('columnheader', { name: /Member/ });
      expect(header.getAttribute('aria-sort')).toBe('none');
      await user.click(within(header).getByRole('button'));
      expect(header.getAttribute('aria-sort')).toBe('ascending');
      await waitFor(() => expect(orders.at(-1)).toBe('name'));
      const names = () =>
        within(table())
          .getAllByRole('row')
          .slice(1)
          .map((row) => row.querySelector('.as-member__name')?.firstChild?.textContent ?? '');
      await waitFor(() => expect(names()).toEqual([...names()].sort((a, b) => a.localeCompare(b))));
      expect(names()[0]).not.toBe(owner.name);
      await user.click(within(header).getByRole('button'));
      expect(header.getAttribute('aria-sort')).toBe('descending');
      await waitFor(() => expect(orders.at(-1)).toBe('-name'));
      // Last sign-in is not an order the API offers: its header is not a sort button.
      const lastLogin = screen.getByRole('columnheader', { name: 'Last sign-in' });
      expect(within(lastLogin).queryByRole('button')).toBeNull();
    } finally {
      server.events.removeListener('request:start', onRequest);
    }
  });

  it('changes a role with the select', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    const select = await screen.findByRole('combobox', { name: 'Role of Aiko Tanaka' });
    expect(select).toHaveProperty('value', 'viewer');
    await user.selectOptions(select, 'support');
    expect(await screen.findByText('Aiko Tanaka is now Support.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Role of Aiko Tanaka' })).toHaveProperty(
        'value',
        'support',
      ),
    );
  });

  it('removes a user only after the confirm step', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await user.click(await screen.findByRole('button', { name: 'Remove Tomás Ferreira' }));
    expect(screen.getByText('Remove Tomás Ferreira? They lose access immediately.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(within(table()).getByText('Tomás Ferreira')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Remove Tomás Ferreira' }));
    await user.click(screen.getByRole('button', { name: 'Remove member' }));
    expect(await screen.findByText('Tomás Ferreira was removed from the team.')).toBeTruthy();
    await waitFor(() => expect(within(table()).queryByText('Tomás Ferreira')).toBeNull());
    expect(await screen.findByText('3 / 25')).toBeTruthy();
  });

  it('shows the upgrade prompt instead of the invite form at the seat limit', async () => {
    const user = userEvent.setup();
    await renderStory(AtSeatLimit);
    await screen.findByText('4 / 4');
    await user.click(screen.getByRole('button', { name: 'Invite member' }));
    const prompt = await screen.findByRole('region', { name: 'You have reached your dashboard users limit' });
    expect(within(prompt).getByRole('button', { name: /Upgrade to/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Invite' })).toBeNull();
  });

  it('lets an admin manage everyone but the owner, without granting owner', async () => {
    await renderStory(AsAdmin);
    await screen.findByText(owner.name);
    expect(within(rowOf(owner.name)).queryByRole('combobox')).toBeNull();
    expect(within(rowOf(owner.name)).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(within(rowOf('Mara Lindqvist')).getByText('You')).toBeTruthy();
    const select = screen.getByRole('combobox', { name: 'Role of Aiko Tanaka' });
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).not.toContain('Owner');
    expect(options).toContain('Admin');
  });

  it('is read-only for support', async () => {
    await renderStory(ReadOnlySupport);
    await screen.findByText(owner.name);
    expect(screen.getByText(/You can see the team but not change it/)).toBeTruthy();
    expect(within(table()).queryAllByRole('combobox')).toHaveLength(0);
    expect(within(table()).queryAllByRole('button', { name: /Remove/ })).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Invite member' })).toBeNull();
  });

  it('tells a viewer the team is not visible to their role, without asking the API', async () => {
    await renderStory(Viewer);
    expect(await screen.findByText('The team is not visible to your role')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Invite member' })).toBeNull();
  });

  it('shows the empty state, without a pager', async () => {
    await renderStory(Empty);
    expect(await screen.findByText('No team members yet')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: /^Page / })).toBeNull();
  });

  it('shows the loading state', async () => {
    await renderStory(Loading);
    expect(screen.getByRole('table', { name: 'Team members' }).getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Loading…')).toBeTruthy();
  });

  it("shows the problem's code and detail on error, with a retry", async () => {
    await renderStory(ErrorState);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The team is temporarily unavailable.')).toBeTruthy();
    expect(within(alert).getByText('Error code: internal_error')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
