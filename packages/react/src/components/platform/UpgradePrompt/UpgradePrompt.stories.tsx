import type { Meta, StoryObj } from '@storybook/react-vite';
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
export const PlanFeature: Story = {};

/** A feature sold as an add-on. */
export const Addon: Story = {
  args: {
    upgrade: { kind: 'addon', id: 'commerce_erp_integration', name: 'ERP integration' },
    feature: 'commerce.erpIntegration',
  },
};

/** A reached limit, with usage. */
export const LimitReached: Story = {
  args: {
    upgrade: { kind: 'plan', id: 'commerce_growth', name: 'Growth' },
    feature: undefined,
    limit: { key: 'commerce.products', limit: 1000, used: 1000 },
  },
};

/** The compact form used in toolbars. */
export const Inline: Story = { args: { variant: 'inline' } };

/** Nothing in the catalogue unlocks it: text only, no button. */
export const NoUpgradeKnown: Story = { args: { upgrade: null } };
