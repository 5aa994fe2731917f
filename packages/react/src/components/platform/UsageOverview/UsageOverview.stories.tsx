import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  COMMERCE_ONLY,
  entitlementsFor,
  entitlementsHandler,
  pendingHandler,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
import { all, darkScheme, loadError, shows } from '../../../../../../.storybook/play';
import { UsageOverview } from './UsageOverview';

const meta = {
  title: 'Platform/UsageOverview',
  component: UsageOverview,
} satisfies Meta<typeof UsageOverview>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar's tier and brand. */
export const Default: Story = { play: shows('42 / 10,000', '4 / 25') };

/** Starter: Startup, Early Stage, Community; no add-ons; 25 API requests per second. */
export const Starter: Story = {
  globals: { tier: 'starter' },
  play: shows('Startup', '1,240', '18,400', '25 requests per second, bursts of 50'),
};

/** Growth: with the Advanced analytics add-on; 50 API requests per second. */
export const Growth: Story = {
  globals: { tier: 'growth' },
  play: shows(
    '42 / 10,000',
    'Advanced analytics',
    '8,930',
    '212,500',
    '50 requests per second, bursts of 100',
  ),
};

/** Enterprise: unlimited everywhere, four add-ons, 250 API requests per second. */
export const Enterprise: Story = {
  globals: { tier: 'enterprise' },
  play: shows('60 / Unlimited', '2,870,000', '250 requests per second, bursts of 500'),
};

/** The dark Nocturne brand. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'growth' },
  play: all(shows('42 / 10,000', '8,930'), darkScheme),
};

/** The domains alone, without the API figures (`showApi={false}`). */
export const WithoutApi: Story = {
  globals: { tier: 'growth' },
  args: { showApi: false },
  play: shows('42 / 10,000'),
};

/** A Startup tenant at 950 of its 1,000 products: the meter warns and names the plan that lifts it. */
export const NearLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { products: 950 } },
  play: shows('950 / 1,000', /Nearing your limit/),
};

const commerceOnly = entitlementsFor('ten_demo_commerce_only', COMMERCE_ONLY, [], {
  'commerce.products': 120,
});

/** Only platform and commerce plans: fintech and social read "Not subscribed". */
export const CommerceOnly: Story = {
  ...withHandlers(entitlementsHandler(commerceOnly)),
  play: shows('120 / 1,000'),
};

/** Waiting for the entitlements. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/platform/entitlements')),
  play: shows('Loading…'),
};

/** The entitlements failed to load. */
export const ErrorState: Story = {
  ...withHandlers(unavailableHandler('/v1/platform/entitlements', 'Usage is temporarily unavailable.')),
  play: loadError(/could not be loaded/),
};
