import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  COMMERCE_ONLY,
  entitlementsFor,
  entitlementsHandler,
  pendingHandler,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
import { UsageOverview } from './UsageOverview';

const meta = {
  title: 'Platform/UsageOverview',
  component: UsageOverview,
} satisfies Meta<typeof UsageOverview>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar's tier and brand. */
export const Default: Story = {};

/** Starter: Startup, Early Stage, Community; no add-ons. */
export const Starter: Story = { globals: { tier: 'starter' } };

/** Growth: with the Advanced analytics add-on. */
export const Growth: Story = { globals: { tier: 'growth' } };

/** Enterprise: unlimited everywhere, four add-ons. */
export const Enterprise: Story = { globals: { tier: 'enterprise' } };

/** The dark Nocturne brand. */
export const NocturneDark: Story = { globals: { brand: 'nocturne', tier: 'growth' } };

/** A Startup tenant at 950 of its 1,000 products: the meter warns and names the plan that lifts it. */
export const NearLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { products: 950 } },
};

const commerceOnly = entitlementsFor('ten_demo_commerce_only', COMMERCE_ONLY, [], {
  'commerce.products': 120,
});

/** Only platform and commerce plans: fintech and social read "Not subscribed". */
export const CommerceOnly: Story = withHandlers(entitlementsHandler(commerceOnly));

/** Waiting for the entitlements. */
export const Loading: Story = withHandlers(pendingHandler('get', '/v1/platform/entitlements'));

/** The entitlements failed to load. */
export const ErrorState: Story = withHandlers(
  unavailableHandler('/v1/platform/entitlements', 'Usage is temporarily unavailable.'),
);
