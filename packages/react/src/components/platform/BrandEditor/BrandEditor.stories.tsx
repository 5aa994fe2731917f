import { DEMO_BRANDS } from '@agentstack/sdk/catalog';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { fn } from 'storybook/test';
import { api, pendingHandler, problem, withHandlers } from '../../../../../../.storybook/fixtures';
import { all, darkScheme, field, loadError, shows } from '../../../../../../.storybook/play';
import { useAgencies } from '../../../hooks/platform/useAgencies';
import { withOperator } from '../TenantTable/withOperator';
import { BrandEditor, type BrandEditorProps } from './BrandEditor';

/** The agency of the toolbar's brand (the mock has one per sample brand). */
function ToolbarAgencyEditor({ brand, ...props }: Omit<BrandEditorProps, 'agencyId'> & { brand: string }) {
  const agencies = useAgencies({ limit: 100 });
  const name = DEMO_BRANDS[brand as keyof typeof DEMO_BRANDS]?.name;
  const agency = agencies.data?.data.find((a) => a.name === name) ?? agencies.data?.data[0];
  return agency ? <BrandEditor agencyId={agency.id} {...props} /> : null;
}

const meta = {
  title: 'Platform/BrandEditor',
  component: BrandEditor,
  args: { agencyId: '', onSaved: fn() },
  decorators: [withOperator],
  render: (args, { globals }) => (
    <ToolbarAgencyEditor brand={globals.brand ?? 'aurora'} onSaved={args.onSaved} />
  ),
} satisfies Meta<typeof BrandEditor>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The toolbar brand's agency: edit it and watch the preview follow. */
export const Default: Story = { play: all(field('Name'), shows('Aurora Commerce')) };

/** The light Aurora brand. */
export const Aurora: Story = {
  globals: { brand: 'aurora' },
  play: all(field('Name'), shows('Aurora Commerce')),
};

/** The dark Nocturne brand: the preview renders dark. */
export const NocturneDark: Story = { globals: { brand: 'nocturne' }, play: all(field('Name'), darkScheme) };

/** Waiting for the agency. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/platform/agencies/:id')),
  play: shows('Loading…'),
};

/** The agency could not be loaded. */
export const ErrorState: Story = {
  ...withHandlers(
    http.get(api('/v1/platform/agencies/:id'), () =>
      problem(404, 'not_found', "No agency with id 'agy_unknown'.", { param: 'id' }),
    ),
  ),
  play: loadError('The brand could not be loaded', 'not_found'),
};

/** The API refuses the save (`400 validation_failed`): each `errors[].param` marks its field. */
export const ServerValidation: Story = {
  ...withHandlers(
    http.patch(api('/v1/platform/agencies/:id'), () =>
      problem(400, 'validation_failed', 'brand.logoUrl: the logo host is not allowed', {
        param: 'brand.logoUrl',
        errors: [
          { param: 'brand.logoUrl', code: 'invalid_string', message: 'The logo host is not allowed.' },
        ],
      }),
    ),
  ),
  play: field('Logo URL'),
};
