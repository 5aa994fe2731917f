import type { Meta, StoryObj } from '@storybook/react-vite';
import { shows } from '../../../../../../.storybook/play';
import { PlanBadge } from './PlanBadge';

const meta = {
  title: 'Platform/PlanBadge',
  component: PlanBadge,
  args: { domain: 'commerce' },
} satisfies Meta<typeof PlanBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The tenant's commerce plan (follows the toolbar tier). */
export const Current: Story = { play: shows('Growth') };
/** Startup tenant. */
export const Starter: Story = { globals: { tier: 'starter' }, play: shows('Startup') };
/** Growth tenant. */
export const Growth: Story = { globals: { tier: 'growth' }, play: shows('Growth') };
/** Enterprise tenant. */
export const Enterprise: Story = { globals: { tier: 'enterprise' }, play: shows('Enterprise') };
/** The platform tier instead of the commerce one. */
export const PlatformTier: Story = { args: { domain: 'platform' }, play: shows('Growth') };
/** A given plan, not the tenant's. */
export const ExplicitPlan: Story = { args: { planId: 'social_network' }, play: shows('Network') };
