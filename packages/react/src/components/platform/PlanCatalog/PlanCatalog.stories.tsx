import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import {
  COMMERCE_ONLY,
  entitlementsFor,
  entitlementsHandler,
  pendingHandler,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
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

const commerceOnly = entitlementsFor('ten_demo_commerce_only', COMMERCE_ONLY, ['commerce_payment_gateway']);

/** A tenant without a fintech plan, on the Fintech tab: add-ons need a plan first. */
export const NoFintechPlan: Story = {
  args: { initialDomain: 'fintech', onSelectPlan: fn(), onSelectAddon: fn() },
  ...withHandlers(entitlementsHandler(commerceOnly)),
};

/** Waiting for the catalogue. */
export const Loading: Story = withHandlers(pendingHandler('get', '/v1/platform/plans'));

/** The catalogue failed to load. */
export const ErrorState: Story = withHandlers(
  unavailableHandler('/v1/platform/plans', 'The plan catalogue is temporarily unavailable.'),
);
