import type { ProductCreate } from '@agentstack/sdk';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { within } from 'storybook/test';
import { all, click, type Play, shows } from '../../../../../../.storybook/play';
import { useProducts } from '../../../hooks/commerce/useProducts';
import { ProductEditor } from './ProductEditor';

/** A product with option axes, a second currency and three images, as a tenant would have it. */
const SHIRT: ProductCreate = {
  title: 'Linen apron',
  sku: 'APRON-LIN',
  status: 'active',
  price: { amount: 3400, currency: 'EUR' },
  prices: [{ amount: 3700, currency: 'USD' }],
  options: [
    { name: 'Size', values: ['S', 'M', 'L'] },
    { name: 'Colour', values: ['Sand', 'Charcoal'] },
  ],
  media: [
    { url: 'https://cdn.example.test/apron-front.jpg', alt: 'Front' },
    { url: 'https://cdn.example.test/apron-back.jpg', alt: 'Back' },
    { url: 'https://cdn.example.test/apron-pocket.jpg', alt: 'Pocket detail' },
  ],
};

/** Waits for the editor: it reads the product list, then the product (two requests). */
const ready: Play = async ({ canvasElement }) => {
  await within(canvasElement).findByText('Catalogue details', {}, { timeout: 10_000 });
};

/** The editor on the mock tenant's newest product. */
function EditFirstProduct() {
  const products = useProducts({ limit: 1 });
  const first = products.data?.data[0];
  return first ? <ProductEditor productId={first.id} /> : null;
}

const meta = {
  title: 'Commerce/ProductEditor',
  component: EditFirstProduct,
  parameters: { agentstack: { products: [SHIRT] } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 880 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof EditFirstProduct>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Growth: every part, the vendor picker included. */
export const Growth: Story = {
  globals: { tier: 'growth' },
  play: all(
    ready,
    shows('Prices in other currencies', '1. Front', 'Kitchen', 'Bestsellers', 'Vendor', 'No variants yet.'),
  ),
};

/** Startup: multi-vendor is locked, and the picker is an upgrade prompt naming Commerce Growth. */
export const StartupVendorLocked: Story = {
  globals: { tier: 'starter' },
  play: all(ready, shows('Prices in other currencies', /Commerce Growth/)),
};

/** Enterprise on the dark Nocturne brand. */
export const EnterpriseNocturne: Story = {
  globals: { tier: 'enterprise', brand: 'nocturne' },
  play: all(ready, shows('Variants', 'Tableware')),
};

/** Growth on the warm Solstice brand. */
export const GrowthSolstice: Story = {
  globals: { tier: 'growth', brand: 'solstice' },
  play: all(ready, shows('Images')),
};

/** The keyboard alternative to dragging: "Move image 1 down" puts "Back" first, and says so. */
export const ReorderWithKeyboard: Story = {
  globals: { tier: 'growth' },
  play: all(ready, click('Move image 1 down'), shows('Image moved to position 2 of 3.', '1. Back')),
};
