import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  demoEntitlements,
  entitlementsHandler,
  listHandler,
  pendingHandler,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
import {
  all,
  click,
  darkScheme,
  empty,
  hides,
  loadError,
  loading,
  shows,
  tableRows,
  upgradePrompt,
} from '../../../../../../.storybook/play';
import { TeamTable } from './TeamTable';

const meta = {
  title: 'Platform/TeamTable',
  component: TeamTable,
  // Signed in as the tenant's owner: they manage everyone, themself excepted.
  parameters: { agentstack: { role: 'owner' } },
} satisfies Meta<typeof TeamTable>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar: pick a tier and a brand. Signed in as the owner. */
export const Default: Story = { play: all(tableRows('Team members', 4), shows('4 / 25', 'You')) };

/** Platform Starter: 4 of 5 seats used. */
export const Starter: Story = {
  globals: { tier: 'starter' },
  play: all(tableRows('Team members', 4), shows('4 / 5')),
};

/** Platform Enterprise: unlimited seats. */
export const Enterprise: Story = { globals: { tier: 'enterprise' }, play: tableRows('Team members', 4) };

/** The dark Nocturne brand. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'growth' },
  play: all(tableRows('Team members', 4), darkScheme),
};

/** Every seat taken: "Invite member" opens an upgrade prompt naming the plan with more seats. */
export const AtSeatLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { role: 'owner', limitOverrides: { 'platform.dashboardUsers': 4 } } },
  play: all(
    tableRows('Team members', 4),
    shows('4 / 4', /Limit reached/),
    click('Invite member'),
    upgradePrompt('You have reached your dashboard users limit'),
  ),
};

/** Signed in as an admin: manages everyone but the owner, and cannot grant `owner`. */
export const AsAdmin: Story = {
  parameters: { agentstack: { role: 'admin' } },
  play: tableRows('Team members', 4),
};

/** Signed in as support: sees the team, read-only. */
export const ReadOnlySupport: Story = {
  parameters: { agentstack: { role: 'support' } },
  play: all(tableRows('Team members', 4), shows(/You can see the team but not change it/)),
};

/** Signed in as a viewer: the role may not list users, so a notice replaces the table. */
export const Viewer: Story = {
  parameters: { agentstack: { role: 'viewer' } },
  play: hides('The team is not visible to your role', 'Team members'),
};

/** No users to show. */
export const Empty: Story = {
  ...withHandlers(
    listHandler('/v1/platform/users'),
    entitlementsHandler(demoEntitlements('growth', { 'platform.dashboardUsers': 0 })),
  ),
  play: all(empty('No team members yet'), shows('0 / 25')),
};

/** Waiting for the list. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/platform/users')),
  play: loading('Team members'),
};

/** The API failed: the problem's code, detail and request id, with a retry. */
export const ErrorState: Story = {
  ...withHandlers(unavailableHandler('/v1/platform/users', 'The team is temporarily unavailable.')),
  play: loadError('The team is temporarily unavailable.', 'internal_error'),
};
