import type { Entitlements } from '@agentstack/sdk';
import { computeEntitlements } from '@agentstack/sdk/catalog';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { api, entitlementsHandler, pendingHandler, problem } from '../../../../../../.storybook/fixtures';
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

const commerceOnly: Entitlements = (() => {
  const subscription = {
    platform: 'starter',
    commerce: 'commerce_startup',
    fintech: null,
    social: null,
  } as const;
  const computed = computeEntitlements(subscription);
  return {
    object: 'entitlements',
    tenantId: 'ten_demo_commerce_only',
    subscription: { ...subscription },
    addons: [],
    features: computed.features,
    limits: Object.fromEntries(
      Object.entries(computed.limits).map(([k, limit]) => [
        k,
        { limit, used: k === 'commerce.products' ? 120 : 0 },
      ]),
    ),
  };
})();

/** Only platform and commerce plans: fintech and social read "Not subscribed". */
export const CommerceOnly: Story = {
  beforeEach({ msw }) {
    msw.use(entitlementsHandler(commerceOnly));
  },
};

/** Waiting for the entitlements. */
export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(pendingHandler('get', '/v1/platform/entitlements'));
  },
};

/** The entitlements failed to load. */
export const ErrorState: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(api('/v1/platform/entitlements'), () =>
        problem(503, 'internal_error', 'Usage is temporarily unavailable.'),
      ),
    );
  },
};
