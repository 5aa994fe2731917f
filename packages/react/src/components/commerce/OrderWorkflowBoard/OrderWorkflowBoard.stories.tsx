import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  api,
  DEMO_ORDER_WORKFLOW,
  listHandler,
  pendingHandler,
  problem,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
import {
  all,
  click,
  darkScheme,
  empty,
  heading,
  hides,
  loadError,
  type Play,
  shows,
  upgradePrompt,
} from '../../../../../../.storybook/play';
import { OrderWorkflowBoard } from './OrderWorkflowBoard';

const meta = {
  title: 'Commerce/OrderWorkflowBoard',
  component: OrderWorkflowBoard,
  args: { onOpenOrder: fn() },
  // Enterprise tenants get custom steps (Picked, Packed, Quality check); other tiers have none.
  parameters: { agentstack: { role: 'owner', orderWorkflow: DEMO_ORDER_WORKFLOW } },
} satisfies Meta<typeof OrderWorkflowBoard>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The board has loaded: every column's count is shown. */
const loaded: Play = async ({ canvasElement }) => {
  const region = await within(canvasElement).findByRole('region', { name: 'Orders by status' });
  await waitFor(() => expect(region.getAttribute('aria-busy')).toBeNull(), { timeout: 5000 });
};

/** Opens the "Move to…" menu of an order. */
const openMenu =
  (number: number): Play =>
  async ({ canvasElement }) => {
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: `Move to… (order #${number})` }),
    );
  };

/** Follows the toolbar: pick a tier and a brand. */
export const Default: Story = {
  play: all(heading('Orders'), loaded, shows('Awaiting payment', 'Order #1001', 'customer1@example.com')),
};

/** Commerce Startup: no custom steps; what unlocks them is named under the board. */
export const Starter: Story = {
  globals: { tier: 'starter' },
  play: all(loaded, upgradePrompt('Not in your plan: Custom workflows', /Available on the .* plan\./)),
};

/** Commerce Growth: the plain workflow, and the upgrade prompt for custom steps. */
export const Growth: Story = {
  globals: { tier: 'growth' },
  play: all(loaded, upgradePrompt('Not in your plan: Custom workflows')),
};

/** Commerce Enterprise with custom steps: the fulfilling column shows one stage per step. */
export const Enterprise: Story = {
  globals: { tier: 'enterprise' },
  play: all(
    loaded,
    shows('Not started', 'Picked', 'Packed', 'Quality check'),
    hides('Picked', /Not in your plan/),
  ),
};

/** The dark Nocturne brand, on Enterprise. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'enterprise' },
  play: all(loaded, shows('Quality check'), darkScheme),
};

/** The warm Solstice brand, on Growth. */
export const SolsticeBrand: Story = {
  globals: { brand: 'solstice', tier: 'growth' },
  play: all(loaded, shows('Order #1001')),
};

/** The closed orders (returned, refunded, canceled) fold open. */
export const ClosedShown: Story = {
  play: all(loaded, click('Show closed orders'), shows('Order #1007', 'Order #1008')),
};

/** The "Move to…" menu of a paid order offers exactly what it allows. */
export const MoveMenu: Story = {
  play: all(
    loaded,
    openMenu(1002),
    shows('Start fulfilment', 'Cancel order…', 'Refund…'),
    hides('Refund…', 'Ship…'),
  ),
};

/** Shipping asks for a carrier and a tracking number. */
export const Shipping: Story = {
  play: all(loaded, openMenu(1003), click('Ship…'), shows('Ship order #1003', 'Carrier (optional)')),
};

/** A viewer reads the board but moves nothing. */
export const Viewer: Story = {
  parameters: { agentstack: { role: 'viewer' } },
  play: all(loaded, shows('You can see orders but not move them.'), hides('Order #1001', /^Move to/)),
};

/** Someone moved the order first: the server's 409 is shown and the board reloads. */
export const InvalidTransition: Story = {
  ...withHandlers(
    http.post(api('/v1/commerce/orders/:id/start-fulfillment'), () =>
      problem(409, 'invalid_transition', 'Order is fulfilling (payment paid): it cannot start fulfillment.'),
    ),
  ),
  play: all(
    loaded,
    openMenu(1002),
    click('Start fulfilment'),
    shows('Order #1002 could not move', 'The board was out of date and has been reloaded.'),
  ),
};

/** No orders yet. */
export const Empty: Story = {
  ...withHandlers(listHandler('/v1/commerce/orders')),
  play: all(loaded, empty('No orders yet')),
};

/** Waiting for the orders: placeholder cards, the board busy. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/commerce/orders')),
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole('region', { name: 'Orders by status' });
    await expect(region.getAttribute('aria-busy')).toBe('true');
    await expect((await within(region).findAllByText('Loading…')).length).toBeGreaterThan(0);
  },
};

/** The API failed: the problem's code, detail and request id are shown, with a retry. */
export const ErrorState: Story = {
  ...withHandlers(unavailableHandler('/v1/commerce/orders', 'Orders are temporarily unavailable.')),
  play: loadError('Orders are temporarily unavailable.', 'internal_error'),
};
