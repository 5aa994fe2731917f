import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  listHandler,
  pendingHandler,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
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
export const Default: Story = {};

/** Platform Starter: 4 of 5 seats used. */
export const Starter: Story = { globals: { tier: 'starter' } };

/** Platform Enterprise: unlimited seats. */
export const Enterprise: Story = { globals: { tier: 'enterprise' } };

/** The dark Nocturne brand. */
export const NocturneDark: Story = { globals: { brand: 'nocturne', tier: 'growth' } };

/** Every seat taken: "Invite member" opens an upgrade prompt naming the plan with more seats. */
export const AtSeatLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { role: 'owner', limitOverrides: { 'platform.dashboardUsers': 4 } } },
};

/** Signed in as an admin: manages everyone but the owner, and cannot grant `owner`. */
export const AsAdmin: Story = { parameters: { agentstack: { role: 'admin' } } };

/** Signed in as support: sees the team, read-only. */
export const ReadOnlySupport: Story = { parameters: { agentstack: { role: 'support' } } };

/** Signed in as a viewer: the role may not list users, so a notice replaces the table. */
export const Viewer: Story = { parameters: { agentstack: { role: 'viewer' } } };

/** No users to show. */
export const Empty: Story = withHandlers(listHandler('/v1/platform/users'));

/** Waiting for the list. */
export const Loading: Story = withHandlers(pendingHandler('get', '/v1/platform/users'));

/** The API failed: the problem's code, detail and request id, with a retry. */
export const ErrorState: Story = withHandlers(
  unavailableHandler('/v1/platform/users', 'The team is temporarily unavailable.'),
);
