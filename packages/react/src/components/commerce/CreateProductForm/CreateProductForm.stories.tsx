import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { api, problem, withHandlers } from '../../../../../../.storybook/fixtures';
import { all, field, shows, submit, upgradePrompt } from '../../../../../../.storybook/play';
import { CreateProductForm } from './CreateProductForm';

const meta = {
  title: 'Commerce/CreateProductForm',
  component: CreateProductForm,
  decorators: [
    (Story) => (
      <div className="as-card" style={{ maxWidth: 720 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof CreateProductForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Creates a product in the mock API. */
export const Default: Story = { play: field('Title') };

/** A Startup tenant at its 1,000 products: the mock API answers `402 tier_limit_reached` and an upgrade prompt names Commerce Growth. */
export const OverLimit: Story = {
  globals: { tier: 'starter' },
  parameters: { agentstack: { products: 1000 } },
  play: all(
    submit(
      [
        ['Title', 'Walnut tray'],
        ['SKU', 'NEW-SKU-1'],
        ['Price', '24.50'],
      ],
      'Create product',
    ),
    upgradePrompt('You have reached your products limit', /Available on the Commerce Growth plan\./),
  ),
};

/** A duplicate SKU: the field is marked invalid with the API's message. */
export const DuplicateSku: Story = {
  ...withHandlers(
    http.post(api('/v1/commerce/products'), () =>
      problem(409, 'duplicate_sku', 'A product with this SKU already exists.', { param: 'sku' }),
    ),
  ),
  play: all(
    submit(
      [
        ['Title', 'Walnut tray'],
        ['SKU', 'NEW-SKU-1'],
        ['Price', '24.50'],
      ],
      'Create product',
    ),
    shows('A product with this SKU already exists.'),
  ),
};
