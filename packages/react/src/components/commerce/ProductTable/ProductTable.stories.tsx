import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  pendingHandler,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
import { ProductTable } from './ProductTable';

const meta = {
  title: 'Commerce/ProductTable',
  component: ProductTable,
  args: { pageSize: 10, searchDebounceMs: 250 },
} satisfies Meta<typeof ProductTable>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar: pick a tier and a brand. */
export const Default: Story = {};

/** Commerce Growth: bulk archive is available. */
export const Growth: Story = { globals: { tier: 'growth' } };

/** Commerce Startup: selecting rows offers an upgrade instead of bulk archive. */
export const Starter: Story = { globals: { tier: 'starter' } };

/** Commerce Enterprise: unlimited products. */
export const Enterprise: Story = { globals: { tier: 'enterprise' } };

/** The dark Nocturne brand. */
export const NocturneDark: Story = { globals: { brand: 'nocturne', tier: 'growth' } };

/** A Startup tenant with 950 of its 1,000 products: the meter warns and names the plan that lifts it. */
export const NearLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { products: 950 } },
};

/** At the limit: "Add product" opens an upgrade prompt; restoring an archived product gets the API's 402, shown the same way. */
export const AtLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { products: 1000 } },
};

/** No products yet. */
export const Empty: Story = { parameters: { agentstack: { products: 0 } } };

/** Waiting for the first page. */
export const Loading: Story = withHandlers(pendingHandler('get', '/v1/commerce/products'));

/** The API failed: the problem's code, detail and request id are shown, with a retry. */
export const ErrorState: Story = withHandlers(
  unavailableHandler('/v1/commerce/products', 'The catalogue is temporarily unavailable.'),
);
