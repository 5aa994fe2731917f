import type { Meta, StoryObj } from '@storybook/react-vite';
import { pendingHandler, unavailableHandler, withHandlers } from '../../../../../../.storybook/fixtures';
import {
  all,
  click,
  darkScheme,
  empty,
  heading,
  loadError,
  loading,
  shows,
  tableRows,
  upgradePrompt,
} from '../../../../../../.storybook/play';
import { ProductTable } from './ProductTable';

const meta = {
  title: 'Commerce/ProductTable',
  component: ProductTable,
  args: { pageSize: 10, searchDebounceMs: 250 },
} satisfies Meta<typeof ProductTable>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar: pick a tier and a brand. */
export const Default: Story = { play: all(heading('Products'), tableRows('Products', 10)) };

/** Commerce Growth: bulk archive is available. */
export const Growth: Story = {
  globals: { tier: 'growth' },
  play: all(tableRows('Products', 10), shows('42 / 10,000')),
};

/** Commerce Startup: selecting rows offers an upgrade instead of bulk archive. */
export const Starter: Story = {
  globals: { tier: 'starter' },
  play: all(
    tableRows('Products'),
    shows('Startup'),
    click('Select all products on this page', 'checkbox'),
    upgradePrompt('Not in your plan: Bulk operations', /Available on the Commerce Growth plan/),
  ),
};

/** Commerce Enterprise: unlimited products. */
export const Enterprise: Story = {
  globals: { tier: 'enterprise' },
  play: all(tableRows('Products', 10), shows('Enterprise')),
};

/** The dark Nocturne brand. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'growth' },
  play: all(tableRows('Products', 10), darkScheme),
};

/** A Startup tenant with 950 of its 1,000 products: the meter warns and names the plan that lifts it. */
export const NearLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { products: 950 } },
  play: all(tableRows('Products', 10), shows('950 / 1,000', /Nearing your limit/)),
};

/** At the limit: "Add product" opens an upgrade prompt; restoring an archived product gets the API's 402, shown the same way. */
export const AtLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { products: 1000 } },
  play: all(
    tableRows('Products', 10),
    shows('1,000 / 1,000', /Limit reached/),
    click('Add product'),
    upgradePrompt('You have reached your products limit', /Available on the Commerce Growth plan/),
  ),
};

/** No products yet. */
export const Empty: Story = {
  parameters: { agentstack: { products: 0 } },
  play: all(empty('No products yet'), shows('0 / 10,000')),
};

/** Waiting for the first page. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/commerce/products')),
  play: loading('Products'),
};

/** The API failed: the problem's code, detail and request id are shown, with a retry. */
export const ErrorState: Story = {
  ...withHandlers(unavailableHandler('/v1/commerce/products', 'The catalogue is temporarily unavailable.')),
  play: loadError('The catalogue is temporarily unavailable.', 'internal_error'),
};
