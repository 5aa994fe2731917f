import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { api, problem, withHandlers } from '../../../../../../.storybook/fixtures';
import { all, darkScheme, field, shows, submit, upgradePrompt } from '../../../../../../.storybook/play';
import { InviteUserForm } from './InviteUserForm';

const meta = {
  title: 'Platform/InviteUserForm',
  component: InviteUserForm,
  parameters: { agentstack: { role: 'owner' } },
  decorators: [
    (Story) => (
      <div className="as-card" style={{ maxWidth: 760 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof InviteUserForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Invites a user in the mock API (an owner may grant every role); the link is shown once. */
export const Default: Story = { play: all(field('Email'), field('Role')) };

const invite = submit(
  [
    ['Email', 'lea@growth.demo'],
    ['Name', 'Lea Novak'],
  ],
  'Invite',
);

/** The server emailed the link (`delivery.status: 'sent'`): nothing to send; the link stays as a fallback. */
export const Emailed: Story = {
  parameters: { agentstack: { role: 'owner', invitationEmail: 'sent' } },
  play: all(
    invite,
    shows('Invitation emailed to lea@growth.demo'),
    shows(/If it does not arrive, send them this link/),
  ),
};

/** The server sends no email (`not_configured`, the default): copy the link and send it. */
export const LinkToSend: Story = {
  parameters: { agentstack: { role: 'owner', invitationEmail: 'not_configured' } },
  play: all(
    invite,
    shows('Send Lea Novak this invitation link'),
    shows(/Copy the link and send it to lea@growth.demo/),
  ),
};

/** The email failed (`failed`): the invitation exists; copy the link and send it yourself. */
export const EmailFailed: Story = {
  parameters: { agentstack: { role: 'owner', invitationEmail: 'failed' } },
  play: all(
    invite,
    shows('Could not email lea@growth.demo'),
    shows(/Copy the link and send it to lea@growth.demo/),
  ),
};

/** Platform Starter with every seat taken: the upgrade prompt replaces the form. */
export const AtSeatLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { role: 'owner', limitOverrides: { 'platform.dashboardUsers': 4 } } },
  play: upgradePrompt('You have reached your dashboard users limit', '4 of 4 used.'),
};

/** An admin: `owner` is not offered. */
export const AsAdmin: Story = { parameters: { agentstack: { role: 'admin' } }, play: field('Role') };

/** The dark Nocturne brand. */
export const NocturneDark: Story = { globals: { brand: 'nocturne' }, play: all(field('Email'), darkScheme) };

/** The API refuses the role (`403 forbidden`, `param: 'role'`): shown on the role field. */
export const ForbiddenRole: Story = {
  ...withHandlers(
    http.post(api('/v1/platform/invitations'), () =>
      problem(403, 'forbidden', 'Only an owner may invite an owner.', { param: 'role' }),
    ),
  ),
  play: field('Role'),
};
