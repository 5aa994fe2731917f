import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  listHandler,
  pendingHandler,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
import {
  all,
  darkScheme,
  empty,
  hides,
  loadError,
  loading,
  shows,
  tableRows,
} from '../../../../../../.storybook/play';
import { TenantTable } from './TenantTable';
import { withAgency, withOperator } from './withOperator';

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
export const Default: Story = { play: all(tableRows('Tenants', 2), shows('Page 1')) };

/** The Starter tenant is the agency's. */
export const Starter: Story = { globals: { tier: 'starter' }, play: tableRows('Tenants', 2) };

/** The Enterprise tenant is the agency's. */
export const Enterprise: Story = { globals: { tier: 'enterprise' }, play: tableRows('Tenants', 2) };

/** The dark Nocturne brand. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne' },
  play: all(tableRows('Tenants', 2), darkScheme),
};

/** No tenants yet. */
export const Empty: Story = {
  ...withHandlers(listHandler('/v1/platform/tenants')),
  play: empty('No tenants yet'),
};

/** Waiting for the first page. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/platform/tenants')),
  play: loading('Tenants'),
};

/** The API failed: code, detail and request id, with a retry. */
export const ErrorState: Story = {
  ...withHandlers(unavailableHandler('/v1/platform/tenants', 'Tenants are temporarily unavailable.')),
  play: loadError('Tenants could not be loaded', 'internal_error'),
};

/** Under a tenant's own key (no operator decorator): the API answers 403, shown as such. */
export const TenantKey: Story = {
  parameters: { operator: false },
  play: loadError('Tenants could not be loaded', 'forbidden'),
};

/**
 * An agency's console (its `ag_…` key): its own agency's tenant only, no agency column and no plan
 * form — plans are the operator's.
 */
export const AgencyConsole: Story = {
  decorators: [withAgency],
  parameters: { operator: false },
  args: { pageSize: 20 },
  play: all(tableRows('Tenants', 1), hides(/^ten_/, 'Edit', 'Agency')),
};
