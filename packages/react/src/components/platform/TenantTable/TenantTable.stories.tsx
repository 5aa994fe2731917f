import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  listHandler,
  pendingHandler,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
import { TenantTable } from './TenantTable';
import { withOperator } from './withOperator';

const meta = {
  title: 'Platform/TenantTable',
  component: TenantTable,
  args: { pageSize: 2 },
  decorators: [withOperator],
} satisfies Meta<typeof TenantTable>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The operator console (an `op_…` key): the demo tenants, two per page. The toolbar's tier picks
 * which tenant belongs to the toolbar's brand agency; "Edit" changes plans and add-ons.
 */
export const Default: Story = {};

/** The Starter tenant is the agency's. */
export const Starter: Story = { globals: { tier: 'starter' } };

/** The Enterprise tenant is the agency's. */
export const Enterprise: Story = { globals: { tier: 'enterprise' } };

/** The dark Nocturne brand. */
export const NocturneDark: Story = { globals: { brand: 'nocturne' } };

/** No tenants yet. */
export const Empty: Story = withHandlers(listHandler('/v1/platform/tenants'));

/** Waiting for the first page. */
export const Loading: Story = withHandlers(pendingHandler('get', '/v1/platform/tenants'));

/** The API failed: code, detail and request id, with a retry. */
export const ErrorState: Story = withHandlers(
  unavailableHandler('/v1/platform/tenants', 'Tenants are temporarily unavailable.'),
);

/** Under a tenant's own key (no operator decorator): the API answers 403, shown as such. */
export const TenantKey: Story = { parameters: { operator: false } };
