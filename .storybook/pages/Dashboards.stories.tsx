import type { Meta, StoryObj } from '@storybook/react-vite';
import { withOperator } from '../../packages/react/src/components/platform/TenantTable/withOperator';
import type { SampleBrandName } from '../brands';
import { DEMO_ORDER_WORKFLOW } from '../fixtures';
import type { DemoTier } from '../mockApi';
import { DashboardStory } from './DashboardStory';

/** Opens the dashboard on a page: the shell routes by the URL hash, as the example app does. */
const at = (hash: string) => () => {
  window.location.hash = hash;
};

/**
 * Whole dashboards, as a tenant's team or an agency's client sees them: the example app's shell
 * and pages over the mock API. Switch **Tier** and **Brand** in the toolbar; click around — the
 * navigation, the product pages, archive with undo and the upgrade prompts all work.
 */
const meta = {
  title: 'Dashboards',
  component: DashboardStory,
  tags: ['!autodocs'],
  parameters: { fullPage: true, layout: 'fullscreen' },
  args: { tier: 'growth', brand: 'aurora' },
  argTypes: { tier: { table: { disable: true } }, brand: { table: { disable: true } } },
  render: (args, { globals }) => (
    <DashboardStory
      {...args}
      tier={(globals.tier ?? 'growth') as DemoTier}
      brand={(globals.brand ?? 'aurora') as SampleBrandName}
    />
  ),
} satisfies Meta<typeof DashboardStory>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Starter: the essentials, with upgrade prompts where Growth would add bulk edits and analytics. */
export const StarterOverview: Story = {
  name: 'Starter · Overview',
  globals: { tier: 'starter' },
  beforeEach: at('#/overview'),
};

/** Growth: bulk operations and the advanced-analytics add-on included. */
export const GrowthOverview: Story = {
  name: 'Growth · Overview',
  globals: { tier: 'growth' },
  beforeEach: at('#/overview'),
};

/** Enterprise, under the dark Nocturne brand of another agency. */
export const EnterpriseOverview: Story = {
  name: 'Enterprise · Overview',
  globals: { tier: 'enterprise', brand: 'nocturne' },
  beforeEach: at('#/overview'),
};

/** The catalogue: search, filters, server-side sorting, archive with undo; titles open the product page. */
export const Products: Story = { beforeEach: at('#/products') };

/** Orders by status: drag a card, or its "Move to…" menu; the custom-workflow upgrade prompt below. */
export const Orders: Story = { beforeEach: at('#/orders') };

/** Enterprise orders: the custom steps (Picked, Packed, Quality check) as stages of the fulfilling column. */
export const EnterpriseOrders: Story = {
  name: 'Enterprise · Orders',
  globals: { tier: 'enterprise' },
  parameters: { agentstack: { orderWorkflow: DEMO_ORDER_WORKFLOW } },
  beforeEach: at('#/orders'),
};

/** Pricing: regions with their tax rates, shipping options per region and discount codes, each edited in a dialog. */
export const Pricing: Story = { beforeEach: at('#/pricing') };

/** Starter's pricing: every commerce plan has all of it, under the warm Solstice brand. */
export const StarterPricing: Story = {
  name: 'Starter · Pricing',
  globals: { tier: 'starter', brand: 'solstice' },
  beforeEach: at('#/pricing'),
};

/** Starter's catalogue: selecting products shows the bulk-operations upgrade prompt. */
export const StarterProducts: Story = {
  name: 'Starter · Products',
  globals: { tier: 'starter' },
  beforeEach: at('#/products'),
};

/** The team: invite, change roles, remove (after a confirmation), seats against the plan. */
export const Team: Story = { beforeEach: at('#/team') };

/** API keys: secret and publishable keys, shown once, revoked after a confirmation. */
export const ApiKeys: Story = { name: 'API keys', beforeEach: at('#/api-keys') };

/** Plan & usage: every domain's plan and limits, then the whole catalogue with prices. */
export const PlanAndUsage: Story = { name: 'Plan & usage', beforeEach: at('#/plan') };

/** The Solstice brand: the same dashboard, a third agency's look. */
export const SolsticeBrand: Story = {
  name: 'Growth · Solstice brand',
  globals: { brand: 'solstice' },
  beforeEach: at('#/overview'),
};

/** The installation's operator: every tenant with its plans, and each agency's brand editor. */
export const OperatorConsole: Story = {
  name: 'Operator · Tenants',
  args: { operator: true },
  decorators: [withOperator],
  beforeEach: at('#/tenants'),
};

/** The operator edits an agency's brand beside a live preview. */
export const OperatorBrands: Story = {
  name: 'Operator · Agencies & brands',
  args: { operator: true },
  decorators: [withOperator],
  beforeEach: at('#/brands'),
};
