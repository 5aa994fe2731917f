import type { Meta, StoryObj } from '@storybook/react-vite';
import { PlanBadge } from './PlanBadge';

const meta = {
  title: 'Platform/PlanBadge',
  component: PlanBadge,
  args: { domain: 'commerce' },
} satisfies Meta<typeof PlanBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The tenant's commerce plan (follows the toolbar tier). */
export const Current: Story = {};
/** Startup tenant. */
export const Starter: Story = { globals: { tier: 'starter' } };
/** Growth tenant. */
export const Growth: Story = { globals: { tier: 'growth' } };
/** Enterprise tenant. */
export const Enterprise: Story = { globals: { tier: 'enterprise' } };
/** The platform tier instead of the commerce one. */
export const PlatformTier: Story = { args: { domain: 'platform' } };
/** A given plan, not the tenant's. */
export const ExplicitPlan: Story = { args: { planId: 'social_network' } };
