import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { api, problem, withHandlers } from '../../../../../../.storybook/fixtures';
import { all, darkScheme, field, upgradePrompt } from '../../../../../../.storybook/play';
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
