import type { Meta, StoryObj } from '@storybook/react-vite';
import { demoEntitlements, entitlementsHandler, withHandlers } from '../../../../../../.storybook/fixtures';
import { shows } from '../../../../../../.storybook/play';
import { UsageMeter } from './UsageMeter';

const meta = {
  title: 'Platform/UsageMeter',
  component: UsageMeter,
  args: { label: 'Products', used: 120, limit: 1000 },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 360 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof UsageMeter>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Well under the limit. */
export const Ok: Story = { play: shows('120 / 1,000') };
/** Past 80 %: warning colour and the plan that lifts it. */
export const NearLimit: Story = {
  args: { limitKey: 'commerce.products', used: 870 },
  play: shows('870 / 1,000', /Nearing your limit/),
};
/** At the limit. */
export const Reached: Story = {
  args: { limitKey: 'commerce.products', used: 1000 },
  play: shows('1,000 / 1,000', /Limit reached/),
};
/** `null` limit: unlimited. */
export const Unlimited: Story = { args: { used: 4210, limit: null }, play: shows('4,210 / Unlimited') };
/** Read from the tenant's entitlements (`commerce.products`), here a Startup tenant at 950 of 1,000. */
export const FromEntitlements: Story = {
  args: { label: undefined, used: undefined, limit: undefined, limitKey: 'commerce.products' },
  globals: { tier: 'starter' },
  ...withHandlers(entitlementsHandler(demoEntitlements('starter', { 'commerce.products': 950 }))),
  play: shows('950 / 1,000'),
};
