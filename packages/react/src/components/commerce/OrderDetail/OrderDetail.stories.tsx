import type { OrderListParams, OrderWorkflowStep } from '@agentstack/sdk';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { useEffect } from 'react';
import { expect, within } from 'storybook/test';
import { api, pendingHandler, problem, withHandlers } from '../../../../../../.storybook/fixtures';
import { all, click, darkScheme, hides, type Play, shows } from '../../../../../../.storybook/play';
import { useOrders } from '../../../hooks/commerce/useOrders';
import { useUpdateOrderWorkflow } from '../../../hooks/commerce/useOrderWorkflow';
import { OrderDetail } from './OrderDetail';

/** Which fixture order a story shows, and the custom steps it sets first (Enterprise). */
interface Pick {
  params: OrderListParams;
  steps?: OrderWorkflowStep[];
}

/** The first fixture order matching `params` (newest first). */
function FirstOrder({ params }: { params: OrderListParams }) {
  const orders = useOrders({ ...params, limit: 1 });
  const first = orders.data?.data[0];
  return first ? <OrderDetail orderId={first.id} /> : null;
}

/** Sets the tenant's custom workflow steps through the API, then shows the order. */
function WithWorkflow({ pick }: { pick: Pick }) {
  const update = useUpdateOrderWorkflow();
  const { mutate } = update;
  const steps = pick.steps;
  useEffect(() => {
    if (steps) mutate({ steps });
  }, [mutate, steps]);
  if (steps && !update.isSuccess) return null;
  return <FirstOrder params={pick.params} />;
}

/** Waits for the order's heading. */
const ready: Play = async ({ canvasElement }) => {
  await within(canvasElement).findByRole('heading', { level: 2, name: /^Order #\d+$/ }, { timeout: 10_000 });
};

const FULFILLING: Pick = { params: { status: 'fulfilling' } };

const meta = {
  title: 'Commerce/OrderDetail',
  component: OrderDetail,
  args: { orderId: '' },
  // Stories pick their order in `parameters.order` (parameters merge deeply: no default here).
  render: (_args, { parameters }) => <WithWorkflow pick={(parameters.order ?? FULFILLING) as Pick} />,
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 960 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof OrderDetail>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Growth (multi-vendor): an order being fulfilled, its lines split by vendor, each with its own
 * fulfilment; the actions are exactly what the order allows.
 */
export const Default: Story = {
  globals: { tier: 'growth' },
  play: all(
    ready,
    shows('Items of Nordic Linen Co.', 'Items of Oak & Iron', 'Ship…', 'Cancel order…', 'Refund…'),
    shows('Fulfilment started', 'Order placed'),
    hides('Ship…', 'Mark delivered', 'Mark paid'),
  ),
};

/** Starter: no vendors, so the lines are one group with one fulfilment. */
export const Starter: Story = {
  globals: { tier: 'starter' },
  play: all(ready, shows('To ship', 'Ship…'), hides('Ship…', /^Items of /)),
};

/**
 * Enterprise with custom steps (Packed, Quality check): the order must pass them before it can
 * ship, so the next step is offered instead of "Ship…".
 */
export const EnterpriseWorkflow: Story = {
  globals: { tier: 'enterprise' },
  parameters: {
    order: {
      ...FULFILLING,
      steps: [
        { key: 'packed', name: 'Packed' },
        { key: 'quality_check', name: 'Quality check' },
      ],
    },
  },
  play: all(
    ready,
    shows('Move to “Packed”'),
    hides('Move to “Packed”', 'Ship…'),
    click('Move to “Packed”'),
    shows('Step: Packed', 'Move to “Quality check”', 'Moved to a workflow step'),
  ),
};

/** Shipped: the carrier and tracking number beside each fulfilment; it can be delivered or returned. */
export const Shipped: Story = {
  parameters: { order: { params: { status: 'shipped' } } },
  play: all(ready, shows(/^DHL · JD01460/, 'Mark delivered', 'Request return', 'Order shipped')),
};

/** Partly refunded: the refund, what is left to refund, and the refund dialog (all that is left by default). */
export const PartiallyRefunded: Story = {
  parameters: { order: { params: { paymentStatus: 'partially_refunded' } } },
  play: all(
    ready,
    shows('Refunds', 'Damaged', /^Left to refund: /, 'Payment: Partially refunded'),
    click('Refund…'),
    async ({ canvasElement }) => {
      const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog');
      const amount = within(dialog).getByLabelText(/^Amount/) as HTMLInputElement;
      await expect(Number(amount.value)).toBeGreaterThan(0);
    },
  ),
};

/** Paid and not yet fulfilled: fulfilment can start. */
export const Paid: Story = {
  parameters: { order: { params: { status: 'paid' } } },
  play: all(ready, shows('Start fulfilment', 'Not fulfilled yet', 'Visa •••• 4242')),
};

/** Canceled: nothing left to do. */
export const Canceled: Story = {
  parameters: { order: { params: { status: 'canceled' } } },
  play: all(ready, shows('Nothing to do on this order now.', 'Order canceled')),
};

/** A viewer reads the order but is offered no action. */
export const Viewer: Story = {
  parameters: { agentstack: { role: 'viewer' } },
  play: all(ready, hides('Nothing to do on this order now.', 'Ship…', 'Refund…')),
};

/** The dark Nocturne brand (Growth). */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'growth' },
  play: all(ready, darkScheme),
};

/** The warm Solstice brand (Enterprise). */
export const SolsticeEnterprise: Story = {
  globals: { brand: 'solstice', tier: 'enterprise' },
  parameters: { order: { params: { status: 'shipped' } } },
  play: all(ready, shows('Mark delivered')),
};

/** A phone (390 px): optional columns drop, nothing scrolls sideways. */
export const Phone: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: 390 - 48, maxWidth: '100%' }}>
        <Story />
      </div>
    ),
  ],
  play: all(ready, shows('Items of Nordic Linen Co.')),
};

/** Waiting for the order: a skeleton, busy for assistive tech. */
export const Loading: Story = {
  render: () => <OrderDetail orderId="ord_01jdemo0000000000000000000" />,
  ...withHandlers(pendingHandler('get', '/v1/commerce/orders/:id')),
  play: async ({ canvasElement }) => {
    const busy = await within(canvasElement).findByLabelText('Loading the order…');
    await expect(busy.getAttribute('aria-busy')).toBe('true');
  },
};

/** No such order (another tenant's, or a mistyped link). */
export const NotFound: Story = {
  render: () => <OrderDetail orderId="ord_01jdemo0000000000000000000" />,
  play: shows('Order not found', 'It may belong to another store, or the link is mistyped.'),
};

/** The API failed: the problem's code and detail, with a retry. */
export const ErrorState: Story = {
  render: () => <OrderDetail orderId="ord_01jdemo0000000000000000000" />,
  ...withHandlers(
    http.get(api('/v1/commerce/orders/:id'), () =>
      problem(503, 'internal_error', 'Orders are temporarily unavailable.'),
    ),
  ),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(within(alert).getByText('Orders are temporarily unavailable.')).toBeTruthy();
    await expect(within(alert).getByText('Error code: internal_error')).toBeTruthy();
  },
};
