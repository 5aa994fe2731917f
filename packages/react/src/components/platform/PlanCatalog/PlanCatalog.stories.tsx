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
import { all, darkScheme, heading, loadError, shows } from '../../../../../../.storybook/play';
import { PlanCatalog } from './PlanCatalog';

const meta = {
  title: 'Platform/PlanCatalog',
  component: PlanCatalog,
} satisfies Meta<typeof PlanCatalog>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar: the tenant's tier is marked. Without handlers, tiers say how to get them in text. */
export const Default: Story = { play: all(heading('Plans and pricing'), shows('Current plan')) };

/** Starter tenant, with buttons: choosing a tier or an add-on calls `onSelectPlan` / `onSelectAddon`. */
export const Starter: Story = {
  globals: { tier: 'starter' },
  args: { onSelectPlan: fn(), onSelectAddon: fn() },
  play: shows('Current plan'),
};

/** Growth tenant on the Commerce tab: Commerce Growth is current and Advanced analytics is active. */
export const GrowthCommerce: Story = {
  globals: { tier: 'growth' },
  args: { initialDomain: 'commerce', onSelectPlan: fn(), onSelectAddon: fn() },
  play: shows('Current plan', 'Included in your plan'),
};

/** Enterprise tenant: every lower tier is included; platform Enterprise has custom pricing. */
export const Enterprise: Story = {
  globals: { tier: 'enterprise' },
  args: { onSelectPlan: fn() },
  play: shows('Current plan', 'Custom pricing'),
};

/** Calls to action as links (`upgradeHref`), e.g. to a billing page. */
export const WithLinks: Story = {
  globals: { tier: 'starter' },
  args: { upgradeHref: (upgrade) => `#/billing?${upgrade.kind}=${upgrade.id}` },
  play: shows('Current plan'),
};

/** The dark Nocturne brand. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'growth' },
  args: { onSelectPlan: fn(), onSelectAddon: fn() },
  play: all(shows('Current plan'), darkScheme),
};

const commerceOnly = entitlementsFor('ten_demo_commerce_only', COMMERCE_ONLY, ['commerce_payment_gateway']);

/** A tenant without a fintech plan, on the Fintech tab: add-ons need a plan first. */
export const NoFintechPlan: Story = {
  args: { initialDomain: 'fintech', onSelectPlan: fn(), onSelectAddon: fn() },
  ...withHandlers(entitlementsHandler(commerceOnly)),
  play: shows(/Needs a/),
};

/** Waiting for the catalogue. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/platform/plans')),
  play: shows('Loading…'),
};

/** The catalogue failed to load. */
export const ErrorState: Story = {
  ...withHandlers(unavailableHandler('/v1/platform/plans', 'The plan catalogue is temporarily unavailable.')),
  play: loadError('Plans could not be loaded'),
};
