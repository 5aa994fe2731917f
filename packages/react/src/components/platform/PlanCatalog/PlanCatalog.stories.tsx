import type { Entitlements } from '@agentstack/sdk';
import { computeEntitlements } from '@agentstack/sdk/catalog';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { fn } from 'storybook/test';
import { api, entitlementsHandler, pendingHandler, problem } from '../../../../../../.storybook/fixtures';
import { PlanCatalog } from './PlanCatalog';

const meta = {
  title: 'Platform/PlanCatalog',
  component: PlanCatalog,
} satisfies Meta<typeof PlanCatalog>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar: the tenant's tier is marked. Without handlers, tiers say how to get them in text. */
export const Default: Story = {};

/** Starter tenant, with buttons: choosing a tier or an add-on calls `onSelectPlan` / `onSelectAddon`. */
export const Starter: Story = {
  globals: { tier: 'starter' },
  args: { onSelectPlan: fn(), onSelectAddon: fn() },
};

/** Growth tenant on the Commerce tab: Commerce Growth is current and Advanced analytics is active. */
export const GrowthCommerce: Story = {
  globals: { tier: 'growth' },
  args: { initialDomain: 'commerce', onSelectPlan: fn(), onSelectAddon: fn() },
};

/** Enterprise tenant: every lower tier is included; platform Enterprise has custom pricing. */
export const Enterprise: Story = { globals: { tier: 'enterprise' }, args: { onSelectPlan: fn() } };

/** Calls to action as links (`upgradeHref`), e.g. to a billing page. */
export const WithLinks: Story = {
  globals: { tier: 'starter' },
  args: { upgradeHref: (upgrade) => `#/billing?${upgrade.kind}=${upgrade.id}` },
};

/** The dark Nocturne brand. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'growth' },
  args: { onSelectPlan: fn(), onSelectAddon: fn() },
};

const commerceOnly: Entitlements = (() => {
  const subscription = {
    platform: 'starter',
    commerce: 'commerce_startup',
    fintech: null,
    social: null,
  } as const;
  const computed = computeEntitlements(subscription, ['commerce_payment_gateway']);
  return {
    object: 'entitlements',
    tenantId: 'ten_demo_commerce_only',
    subscription: { ...subscription },
    addons: ['commerce_payment_gateway'],
    features: computed.features,
    limits: Object.fromEntries(Object.entries(computed.limits).map(([k, limit]) => [k, { limit, used: 0 }])),
  };
})();

/** A tenant without a fintech plan, on the Fintech tab: add-ons need a plan first. */
export const NoFintechPlan: Story = {
  args: { initialDomain: 'fintech', onSelectPlan: fn(), onSelectAddon: fn() },
  beforeEach({ msw }) {
    msw.use(entitlementsHandler(commerceOnly));
  },
};

/** Waiting for the catalogue. */
export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(pendingHandler('get', '/v1/platform/plans'));
  },
};

/** The catalogue failed to load. */
export const ErrorState: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(api('/v1/platform/plans'), () =>
        problem(503, 'internal_error', 'The plan catalogue is temporarily unavailable.'),
      ),
    );
  },
};
