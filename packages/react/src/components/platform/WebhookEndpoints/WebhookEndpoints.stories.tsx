import type { Meta, StoryObj } from '@storybook/react-vite';
import { userEvent, within } from 'storybook/test';
import {
  listHandler,
  pendingHandler,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
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
} from '../../../../../../.storybook/play';
import { WebhookEndpoints } from './WebhookEndpoints';

const meta = {
  title: 'Platform/WebhookEndpoints',
  component: WebhookEndpoints,
  parameters: { agentstack: { role: 'owner' } },
} satisfies Meta<typeof WebhookEndpoints>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar: pick a tier and a brand. One endpoint receives product events; one was disabled after failing. */
export const Default: Story = {
  play: all(heading('Webhooks'), tableRows('Webhook endpoints', 2), shows('Enabled', 'Disabled')),
};

/** Platform Starter. */
export const Starter: Story = { globals: { tier: 'starter' }, play: tableRows('Webhook endpoints', 2) };

/** Platform Enterprise. */
export const Enterprise: Story = { globals: { tier: 'enterprise' }, play: tableRows('Webhook endpoints', 2) };

/** The dark Nocturne brand. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'growth' },
  play: all(tableRows('Webhook endpoints', 2), darkScheme),
};

/** Managing an endpoint: its actions, and its deliveries (delivered, retrying, failed) with their last answer and a replay. */
export const Deliveries: Story = {
  play: all(
    tableRows('Webhook endpoints', 2),
    async ({ canvasElement }) => {
      const row = (await within(canvasElement).findByText('Order pipeline')).closest('tr') as HTMLElement;
      await userEvent.click(within(row).getByRole('button', { name: /^Manage / }));
    },
    shows(
      'Send test event',
      'Rotate secret',
      'Delivered',
      'Failed',
      /Last answer: HTTP 200/,
      /Last attempt: timeout/,
    ),
  ),
};

/** Adding an endpoint: the URL, the event filters and a description. */
export const Adding: Story = {
  play: all(tableRows('Webhook endpoints', 2), click('Add endpoint'), shows('Receiver URL (https)')),
};

/** A viewer may not see webhooks. */
export const Viewer: Story = {
  parameters: { agentstack: { role: 'viewer' } },
  play: shows('Webhooks are managed by owners and admins'),
};

/** No endpoints yet. */
export const Empty: Story = {
  ...withHandlers(listHandler('/v1/platform/webhook-endpoints')),
  play: empty('No webhook endpoints yet'),
};

/** Waiting for the first page. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/platform/webhook-endpoints')),
  play: loading('Webhook endpoints'),
};

/** The API failed: the problem's code, detail and request id are shown, with a retry. */
export const ErrorState: Story = {
  ...withHandlers(
    unavailableHandler('/v1/platform/webhook-endpoints', 'Webhooks are temporarily unavailable.'),
  ),
  play: loadError('Webhooks are temporarily unavailable.', 'internal_error'),
};
