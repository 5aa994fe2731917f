import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { api, pendingHandler, problem } from '../../../../../../.storybook/fixtures';
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
export const Empty: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(api('/v1/platform/tenants'), () =>
        Response.json({ object: 'list', data: [], hasMore: false, nextCursor: null }),
      ),
    );
  },
};

/** Waiting for the first page. */
export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(pendingHandler('get', '/v1/platform/tenants'));
  },
};

/** The API failed: code, detail and request id, with a retry. */
export const ErrorState: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(api('/v1/platform/tenants'), () =>
        problem(503, 'internal_error', 'Tenants are temporarily unavailable.'),
      ),
    );
  },
};

/** Under a tenant's own key (no operator decorator): the API answers 403, shown as such. */
export const TenantKey: Story = { parameters: { operator: false } };
