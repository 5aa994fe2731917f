import type { Meta, StoryObj } from '@storybook/react-vite';
import { HttpResponse, http } from 'msw';
import { expect, waitFor, within } from 'storybook/test';
import { api, pendingHandler, problem, withHandlers } from '../../../../../../.storybook/fixtures';
import { all, darkScheme, type Play, tableRows } from '../../../../../../.storybook/play';
import { ProductTable } from '../../commerce/ProductTable/ProductTable';
import { LiveIndicator } from './LiveIndicator';

const meta = {
  title: 'Platform/LiveIndicator',
  component: LiveIndicator,
} satisfies Meta<typeof LiveIndicator>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The indicator says `text` (its state in words, after "Live updates:"), and nothing else. */
const says =
  (text: string, status: string): Play =>
  async ({ canvasElement }) => {
    const region = (await within(canvasElement).findAllByRole('status')).find((el) =>
      el.classList.contains('as-live'),
    );
    await waitFor(() => expect(region?.textContent).toBe(`Live updates: ${text}`), { timeout: 5000 });
    await expect(region?.getAttribute('data-status')).toBe(status);
  };

/** Streaming the tenant's product events from the mock API: live (follows the toolbar). */
export const Connected: Story = { play: says('Live', 'connected') };
/** Waiting for the stream to open. */
export const Connecting: Story = {
  ...withHandlers(pendingHandler('get', '/v1/realtime')),
  play: says('Connecting…', 'connecting'),
};
/** The stream dropped (here: the network fails every attempt); it keeps trying with backoff. */
export const Reconnecting: Story = {
  ...withHandlers(http.get(api('/v1/realtime'), () => HttpResponse.error())),
  play: says('Reconnecting…', 'reconnecting'),
};
/** The server refused the stream (`403`): live updates are off, the page works as before. */
export const Offline: Story = {
  ...withHandlers(
    http.get(api('/v1/realtime'), () =>
      problem(403, 'forbidden', "This credential may not read the realtime topic 'products'."),
    ),
  ),
  play: says('Offline', 'offline'),
};
/** A role that may not read products (a moderator): no stream is opened at all. */
export const OfflineForRole: Story = {
  parameters: { agentstack: { role: 'moderator' } },
  play: says('Offline', 'offline'),
};
/** Told its status by a page that already streams (`useRealtime` once per page). */
export const GivenStatus: Story = {
  args: { status: 'reconnecting' },
  play: says('Reconnecting…', 'reconnecting'),
};
/** Startup tenant: streaming is not a plan feature, every tier has it. */
export const Starter: Story = { globals: { tier: 'starter' }, play: says('Live', 'connected') };
/** Enterprise tenant. */
export const Enterprise: Story = { globals: { tier: 'enterprise' }, play: says('Live', 'connected') };
/** The Nocturne brand (dark scheme). */
export const NocturneBrand: Story = {
  globals: { brand: 'nocturne' },
  play: all(darkScheme, says('Live', 'connected')),
};
/** The Solstice brand, offline: the state is a word and a hollow dot, not a colour alone. */
export const SolsticeBrandOffline: Story = {
  globals: { brand: 'solstice' },
  ...withHandlers(http.get(api('/v1/realtime'), () => problem(403, 'forbidden', 'Refused.'))),
  play: says('Offline', 'offline'),
};

/** A product created through the API (here: a `POST` to the mock API) appears in the table by itself. */
export const WithProductTable: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 12 }}>
      <div>
        <LiveIndicator />
      </div>
      <ProductTable pageSize={10} />
    </div>
  ),
  play: all(says('Live', 'connected'), tableRows('Products', 10), async ({ canvasElement }) => {
    const response = await fetch(api('/v1/commerce/products'), {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_back_office', 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Created elsewhere',
        price: { amount: 1900, currency: 'EUR' },
        status: 'active',
      }),
    });
    await expect(response.status).toBe(201);
    await expect(
      await within(canvasElement).findByText('Created elsewhere', {}, { timeout: 5000 }),
    ).toBeTruthy();
  }),
};
