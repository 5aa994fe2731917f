import type { Meta, StoryObj } from '@storybook/react-vite';
import { shows, upgradePrompt } from '../../../../../../.storybook/play';
import { TierGate } from './TierGate';

const Unlocked = () => (
  <button type="button" className="as-button as-button--primary">
    Archive selected
  </button>
);

const meta = {
  title: 'Platform/TierGate',
  component: TierGate,
  args: { feature: 'commerce.bulkOperations', children: <Unlocked /> },
} satisfies Meta<typeof TierGate>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar tier: the button on Growth and up, an upgrade prompt on Starter. */
export const BulkOperations: Story = { play: shows('Archive selected') };

/** Growth includes bulk operations: the children render. */
export const Granted: Story = { globals: { tier: 'growth' }, play: shows('Archive selected') };

/** Startup lacks bulk operations: the prompt names Commerce Growth. */
export const LockedOnStarter: Story = {
  globals: { tier: 'starter' },
  play: upgradePrompt('Not in your plan: Bulk operations', /Available on the Commerce Growth plan\./),
};

/** A feature no tier includes: the prompt names the add-on. */
export const LockedAddon: Story = {
  args: { feature: 'commerce.erpIntegration' },
  play: upgradePrompt(/Not in your plan: Erp integration/i, /ERP integration add-on/),
};

/** Room under a limit: 5,000 more products do not fit a Startup plan's 1,000. */
export const LimitExceeded: Story = {
  globals: { tier: 'starter' },
  args: { feature: undefined, limit: 'commerce.products', need: 5000 } as never,
  play: upgradePrompt('You have reached your products limit', /18 of 1,000 used\./),
};

/** The compact prompt for toolbars. */
export const InlineLocked: Story = {
  globals: { tier: 'starter' },
  args: { variant: 'inline' },
  play: upgradePrompt('Not in your plan: Bulk operations'),
};
