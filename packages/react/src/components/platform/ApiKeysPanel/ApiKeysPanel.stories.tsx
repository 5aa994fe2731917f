import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import {
  api,
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
import { useTenants } from '../../../hooks/platform/useTenants';
import { withAgency } from '../TenantTable/withOperator';
import { ApiKeysPanel, type ApiKeysPanelProps } from './ApiKeysPanel';

/** The first tenant the console reaches, for the console stories. */
function FirstTenantKeys(props: ApiKeysPanelProps) {
  const tenants = useTenants({ limit: 1 });
  const tenant = tenants.data?.data[0];
  return tenant ? <ApiKeysPanel {...props} tenantId={tenant.id} title={`Keys of ${tenant.name}`} /> : null;
}

const meta = {
  title: 'Platform/ApiKeysPanel',
  component: ApiKeysPanel,
} satisfies Meta<typeof ApiKeysPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar: pick a tier and a brand. A secret and a publishable key. */
export const Default: Story = { play: tableRows('API keys', 2) };

/** Platform Starter. */
export const Starter: Story = { globals: { tier: 'starter' }, play: tableRows('API keys') };

/** Platform Enterprise. */
export const Enterprise: Story = { globals: { tier: 'enterprise' }, play: tableRows('API keys') };

/** The dark Nocturne brand. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'growth' },
  play: all(tableRows('API keys'), darkScheme),
};

/** A revoked key is listed muted, with no actions. */
export const WithRevokedKey: Story = {
  ...withHandlers(
    http.get(api('/v1/platform/api-keys'), () =>
      Response.json({
        object: 'list',
        data: [
          {
            id: 'key_01KDEMO0000000000000000003',
            object: 'api_key',
            type: 'secret',
            name: 'Old backend',
            prefix: 'sk_07be',
            role: 'admin',
            createdBy: {
              type: 'user',
              id: 'usr_01KDEMO0000000000000000001',
              label: 'Ada Admin <ada@example.com>',
            },
            createdAt: '2025-11-02T09:00:00.000Z',
            lastUsedAt: '2026-01-10T09:00:00.000Z',
            revokedAt: '2026-01-12T09:00:00.000Z',
          },
          {
            id: 'key_01KDEMO0000000000000000002',
            object: 'api_key',
            type: 'publishable',
            name: 'Storefront',
            prefix: 'pk_41cd',
            role: null,
            createdBy: null,
            createdAt: '2025-11-01T09:00:00.000Z',
            lastUsedAt: null,
            revokedAt: null,
          },
        ],
        hasMore: false,
        nextCursor: null,
      }),
    ),
  ),
  play: all(tableRows('API keys', 2), shows('Revoked', 'Active')),
};

/** Signed in as support: keys are not visible to the role. */
export const NoAccess: Story = {
  parameters: { agentstack: { role: 'support' } },
  play: hides('API keys are not visible to your role', 'Create key'),
};

/** No keys yet. */
export const Empty: Story = {
  ...withHandlers(listHandler('/v1/platform/api-keys')),
  play: empty('No API keys yet'),
};

/** Waiting for the list. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/platform/api-keys')),
  play: loading('API keys'),
};

/** The API failed: the problem's code, detail and request id, with a retry. */
export const ErrorState: Story = {
  ...withHandlers(unavailableHandler('/v1/platform/api-keys', 'Keys are temporarily unavailable.')),
  play: loadError('Keys are temporarily unavailable.', 'internal_error'),
};

/**
 * An agency's console (`tenantId`): the keys of one of its tenants, created and revoked through
 * `/v1/platform/tenants/:id/api-keys`.
 */
export const AgencyConsoleTenantKeys: Story = {
  decorators: [withAgency],
  render: (args) => <FirstTenantKeys {...args} />,
  play: all(tableRows('API keys', 2), shows(/^Keys of /, 'New key')),
};
