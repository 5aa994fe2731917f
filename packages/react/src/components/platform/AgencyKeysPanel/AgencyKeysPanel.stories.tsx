import { DEMO_BRANDS } from '@agentstack/sdk/catalog';
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
import { useAgencies } from '../../../hooks/platform/useAgencies';
import { useMe } from '../../../hooks/platform/useMe';
import { withAgency, withOperator } from '../TenantTable/withOperator';
import { AgencyKeysPanel, type AgencyKeysPanelProps } from './AgencyKeysPanel';

/** The toolbar brand's agency: by name for an operator, its own for an agency key. */
function ToolbarAgencyKeys({ brand, ...props }: Omit<AgencyKeysPanelProps, 'agencyId'> & { brand: string }) {
  const me = useMe();
  const operator = me.data?.kind === 'operator';
  const agencies = useAgencies({ limit: 100 }, { enabled: operator });
  const name = DEMO_BRANDS[brand as keyof typeof DEMO_BRANDS]?.name;
  const list = agencies.data?.data ?? [];
  const agencyId = me.data?.agencyId ?? (list.find((a) => a.name === name) ?? list.at(-1))?.id;
  return agencyId ? <AgencyKeysPanel agencyId={agencyId} {...props} /> : null;
}

const meta = {
  title: 'Platform/AgencyKeysPanel',
  component: AgencyKeysPanel,
  args: { agencyId: '' },
  decorators: [withOperator],
  render: ({ agencyId: _chosenBelow, ...args }, { globals }) => (
    <ToolbarAgencyKeys brand={globals.brand ?? 'aurora'} {...args} />
  ),
} satisfies Meta<typeof AgencyKeysPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The operator's view of the toolbar brand's agency: its key, who made it, and "New agency key". */
export const Default: Story = {
  play: all(tableRows('Agency keys', 1), shows('New agency key', /^Created by operator/)),
};

/** The agency's own console (its `ag_…` key): it lists and revokes its keys, and mints none. */
export const AgencyConsole: Story = {
  decorators: [withAgency],
  parameters: { operator: false },
  play: all(tableRows('Agency keys', 1), hides('Agency console', 'New agency key'), shows('Revoke')),
};

/** Platform Starter (the tier does not change an agency's keys). */
export const Starter: Story = { globals: { tier: 'starter' }, play: tableRows('Agency keys', 1) };

/** Platform Enterprise. */
export const Enterprise: Story = { globals: { tier: 'enterprise' }, play: tableRows('Agency keys', 1) };

/** The dark Nocturne brand's agency, in its console. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne' },
  decorators: [withAgency],
  parameters: { operator: false },
  play: all(tableRows('Agency keys', 1), darkScheme),
};

/** No keys yet. */
export const Empty: Story = {
  ...withHandlers(listHandler('/v1/platform/agencies/:id/api-keys')),
  play: empty('No agency keys yet'),
};

/** Waiting for the first page. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/platform/agencies/:id/api-keys')),
  play: loading('Agency keys'),
};

/** The API failed: code, detail and request id, with a retry. */
export const ErrorState: Story = {
  ...withHandlers(
    unavailableHandler('/v1/platform/agencies/:id/api-keys', 'Agency keys are temporarily unavailable.'),
  ),
  play: loadError('Agency keys could not be loaded', 'internal_error'),
};
