import type { Meta, StoryObj } from '@storybook/react-vite';
import { shows } from '../../../../../../.storybook/play';
import { ProductLimitBanner } from './ProductLimitBanner';

const meta = {
  title: 'Commerce/ProductLimitBanner',
  component: ProductLimitBanner,
} satisfies Meta<typeof ProductLimitBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar tier. */
export const Default: Story = { play: shows('42 / 10,000', 'Commerce plan: Growth') };
/** Startup at 950 of 1,000 products. */
export const NearLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { products: 950 } },
  play: shows('950 / 1,000', /Nearing your limit/),
};
/** Enterprise: unlimited. */
export const Unlimited: Story = { globals: { tier: 'enterprise' }, play: shows(/\/ Unlimited/) };
