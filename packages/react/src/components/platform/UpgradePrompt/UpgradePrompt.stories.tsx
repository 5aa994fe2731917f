import type { Meta, StoryObj } from '@storybook/react-vite';
import { shows } from '../../../../../../.storybook/play';
import { UpgradePrompt } from './UpgradePrompt';

const meta = {
  title: 'Platform/UpgradePrompt',
  component: UpgradePrompt,
  args: {
    upgrade: { kind: 'plan', id: 'commerce_growth', name: 'Growth' },
    feature: 'commerce.bulkOperations',
  },
} satisfies Meta<typeof UpgradePrompt>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A feature of a higher plan: names the plan and its price. */
export const PlanFeature: Story = { play: shows('Not in your plan: Bulk operations', /From \$499\/mo/) };

/** A feature sold as an add-on. */
export const Addon: Story = {
  args: {
    upgrade: { kind: 'addon', id: 'commerce_erp_integration', name: 'ERP integration' },
    feature: 'commerce.erpIntegration',
  },
  play: shows(/ERP integration add-on/, /From \$299\/mo/),
};

/** A reached limit, with usage. */
export const LimitReached: Story = {
  args: {
    upgrade: { kind: 'plan', id: 'commerce_growth', name: 'Growth' },
    feature: undefined,
    limit: { key: 'commerce.products', limit: 1000, used: 1000 },
  },
  play: shows('You have reached your products limit', /1,000 of 1,000 used/),
};

/** The compact form used in toolbars. */
export const Inline: Story = {
  args: { variant: 'inline' },
  play: shows('Not in your plan: Bulk operations'),
};

/** Nothing in the catalogue unlocks it: text only, no button. */
export const NoUpgradeKnown: Story = {
  args: { upgrade: null },
  play: shows('Contact your account manager to unlock this.'),
};
