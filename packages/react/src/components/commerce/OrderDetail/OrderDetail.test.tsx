import { AgentStack } from '@agentstack/sdk';
import { createMockApi } from '@agentstack/sdk/mocks';
import { composeStories } from '@storybook/react';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { playStory } from '../../../../test/renderStory';
import { server } from '../../../../test/server';
import { AgentStackProvider } from '../../../provider/AgentStackProvider';
import { OrderDetail } from './OrderDetail';
import * as stories from './OrderDetail.stories';

const BASE = 'http://orders.test';

/** A mock tenant on `tier`, the client and a fresh cache, with the detail of its first order of `status`. */
function setup(
  tier: 'starter' | 'growth' | 'enterprise',
  pick: (o: { status: string; paymentStatus: string }) => boolean,
  ...overrides: RequestHandler[]
) {
  const api = createMockApi({ baseUrl: BASE, tenant: tier });
  server.use(...api.handlers);
  server.use(...overrides);
  const client = new AgentStack({ apiKey: 'sk_test_orders', baseUrl: BASE, maxRetries: 0 });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const order = api.db.orders.find(pick);
  if (!order) throw new Error('no such fixture order');
  render(
    <AgentStackProvider client={client} queryClient={queryClient}>
      <OrderDetail orderId={order.id} live={false} />
    </AgentStackProvider>,
  );
  return { api, order, user: userEvent.setup() };
}

const actionButtons = () =>
  within(screen.getByRole('region', { name: 'Actions' }))
    .queryAllByRole('button')
    .map((b) => b.textContent);

describe('OrderDetail', () => {
  afterEach(() => server.resetHandlers());

  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
    20_000,
  );

  it('groups the lines per vendor with each fulfilment on multi-vendor plans, and in one group below', async () => {
    const { order } = setup('growth', (o) => o.status === 'fulfilling');
    await screen.findByText('Items of Nordic Linen Co.');
    const vendors = screen.getAllByRole('heading', { level: 4, name: /^Items of / });
    expect(vendors.map((h) => h.textContent).sort()).toEqual([
      'Items of Nordic Linen Co.',
      'Items of Oak & Iron',
    ]);
    for (const heading of vendors) {
      const table = screen.getByRole('table', { name: heading.textContent ?? '' });
      expect(within(table).getAllByRole('row')).toHaveLength(2);
    }
    const titles = order.items.map((i) => i.title);
    for (const title of titles)
      expect(screen.getAllByText(new RegExp(`^${title}`)).length).toBeGreaterThan(0);
  });

  it('lists every timeline entry newest first, with a readable label and its time', async () => {
    const { order } = setup('growth', (o) => o.status === 'shipped');
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    const entries = within(timeline).getAllByRole('listitem');
    expect(entries).toHaveLength(order.timeline.length);
    expect(entries.map((li) => li.dataset.type)).toEqual(order.timeline.map((e) => e.type).reverse());
    expect(entries[0]!.textContent).toMatch(/^Order shipped/);
    expect(entries.at(-1)!.textContent).toMatch(/^Order placed/);
    const times = entries.map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows one group of every line on Starter', async () => {
    const { order } = setup('starter', (o) => o.status === 'fulfilling');
    await screen.findByRole('heading', { level: 2, name: `Order #${order.number}` });
    expect(screen.queryAllByRole('heading', { level: 4, name: /^Items of / })).toEqual([]);
    const table = screen.getByRole('table', { name: 'Items' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + order.items.length);
    expect(screen.getAllByText('To ship')).toHaveLength(1);
  });

  it('offers exactly the allowed transitions', async () => {
    const { order } = setup('growth', (o) => o.status === 'shipped');
    await screen.findByRole('heading', { level: 2, name: `Order #${order.number}` });
    // shipped: deliver, request a return, refund (the fixture is paid): nothing else.
    expect(actionButtons()).toEqual(['Mark delivered', 'Request return', 'Refund…']);
    expect(screen.getByText(/^DHL · JD01460/)).toBeTruthy();
  });

  it('refunds part of the payment: the refund is listed and less is left', async () => {
    const { order, user } = setup('growth', (o) => o.status === 'paid');
    await screen.findByRole('heading', { level: 2, name: `Order #${order.number}` });
    const total = order.total.amount;
    const fmt = (minor: number) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency: order.currency }).format(minor / 100);
    expect(screen.getByText(`Left to refund: ${fmt(total)}`)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Refunds' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Refund…' }));
    const dialog = screen.getByRole('dialog', { name: `Refund order #${order.number}` });
    const amount = within(dialog).getByLabelText(`Amount (${order.currency})`) as HTMLInputElement;
    // All that is left by default, and the focus is on it.
    expect(amount.value).toBe((total / 100).toFixed(2));
    expect(document.activeElement).toBe(amount);
    await user.clear(amount);
    await user.type(amount, '5.00');
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'damaged');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const refunds = screen.getByRole('region', { name: 'Refunds' });
    const row = within(within(refunds).getByRole('table')).getAllByRole('row')[1]!;
    expect(within(row).getByText(fmt(500))).toBeTruthy();
    expect(within(row).getByText('Damaged')).toBeTruthy();
    expect(screen.getByText(`Left to refund: ${fmt(total - 500)}`)).toBeTruthy();
    expect(screen.getByText('Payment: Partially refunded')).toBeTruthy();
    expect(screen.getAllByText('Refund issued').length).toBeGreaterThan(0);
    // The timeline names the money, never raw minor units.
    expect(
      screen.getByText(`Refunded ${order.currency} 5.00 of ${order.currency} ${(total / 100).toFixed(2)}`),
    ).toBeTruthy();
  });

  it('names the card brand as shoppers know it', async () => {
    setup('growth', (o) => o.status === 'paid');
    expect(await screen.findAllByText('Visa •••• 4242')).not.toHaveLength(0);
    expect(screen.queryByText(/visa ••••/)).toBeNull();
  });

  it('shows the custom workflow step only while the order is fulfilling', async () => {
    const api = createMockApi({
      baseUrl: BASE,
      tenant: 'enterprise',
      orderWorkflow: [
        { key: 'packed', name: 'Packed' },
        { key: 'quality_check', name: 'Quality check' },
      ],
    });
    server.use(...api.handlers);
    const client = new AgentStack({ apiKey: 'sk_test_orders', baseUrl: BASE, maxRetries: 0 });
    const at = api.db.orders.find((o) => o.status === 'fulfilling' && o.workflowStep !== null)!;
    const step = api.db.orderWorkflow.steps.find((s) => s.key === at.workflowStep)!;
    // A shipped order that passed the same step on its way: the step is history, in its timeline.
    const shipped = api.db.orders.find((o) => o.status === 'shipped')!;
    shipped.workflowStep = step.key;
    const view = (orderId: string) => (
      <AgentStackProvider client={client} queryClient={new QueryClient()}>
        <OrderDetail orderId={orderId} live={false} />
      </AgentStackProvider>
    );
    const { rerender } = render(view(at.id));
    expect(await screen.findByText(`Step: ${step.name}`)).toBeTruthy();
    rerender(view(shipped.id));
    await screen.findByRole('heading', { level: 2, name: `Order #${shipped.number}` });
    expect(screen.queryByText(`Step: ${step.name}`)).toBeNull();
  });

  it('shows on the amount a refund above what is left: ours at once, the server’s 409 refund_exceeds_captured', async () => {
    const { api, order, user } = setup('growth', (o) => o.status === 'paid');
    await screen.findByRole('heading', { level: 2, name: `Order #${order.number}` });
    const fmt = (minor: number) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency: order.currency }).format(minor / 100);
    await user.click(screen.getByRole('button', { name: 'Refund…' }));
    const dialog = screen.getByRole('dialog');
    const amount = within(dialog).getByLabelText(`Amount (${order.currency})`);
    await user.clear(amount);
    await user.type(amount, '999999.00');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    await within(dialog).findByText(`Only ${fmt(order.total.amount)} is left to refund.`);
    expect(amount.getAttribute('aria-invalid')).toBe('true');

    // Someone else refunds all but 5.00 meanwhile: the page still thinks the whole total is left.
    const payment = api.db.orders
      .find((o) => o.id === order.id)!
      .payments.find((p) => p.status === 'succeeded')!;
    payment.refunded = { amount: payment.captured.amount - 500, currency: order.currency };
    await user.clear(amount);
    await user.type(amount, '10.00');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    // The server's word on what is left wins.
    await within(dialog).findByText(`Only ${fmt(500)} is left to refund.`);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Refunds' })).toBeNull();
  });

  it('shows a 409 invalid_transition and reloads the order with what it can do now', async () => {
    const { api, order, user } = setup('growth', (o) => o.status === 'shipped');
    await screen.findByRole('heading', { level: 2, name: `Order #${order.number}` });
    // Someone else delivers it meanwhile: our "Mark delivered" is stale.
    const fixture = api.db.orders.find((o) => o.id === order.id)!;
    fixture.status = 'delivered';
    await user.click(screen.getByRole('button', { name: 'Mark delivered' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Error code: invalid_transition')).toBeTruthy();
    expect(screen.getByText('The order had changed: it was reloaded with what it can do now.')).toBeTruthy();
    await waitFor(() => expect(actionButtons()).toEqual(['Request return', 'Refund…']));
    expect(screen.getAllByText('Delivered').length).toBeGreaterThan(0);
  });

  it('ships with a carrier and tracking number from the dialog, and cancels only once confirmed', async () => {
    const { order, user } = setup('growth', (o) => o.status === 'fulfilling');
    await screen.findByRole('heading', { level: 2, name: `Order #${order.number}` });
    await user.click(screen.getByRole('button', { name: 'Cancel order…' }));
    let dialog = screen.getByRole('dialog', { name: `Cancel order #${order.number}?` });
    // The safe choice has the focus; keeping the order changes nothing.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep order' }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep order' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getAllByText('Fulfilling').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Ship…' }));
    dialog = screen.getByRole('dialog', { name: `Ship order #${order.number}` });
    await user.type(within(dialog).getByLabelText('Carrier (optional)'), 'UPS');
    await user.type(within(dialog).getByLabelText('Tracking number (optional)'), '1Z999AA10123456784');
    await user.click(within(dialog).getByRole('button', { name: 'Ship order' }));
    await waitFor(() => expect(screen.getAllByText('UPS · 1Z999AA10123456784')).toHaveLength(2));
    expect(actionButtons()).toEqual(['Mark delivered', 'Request return', 'Refund…']);
    expect(screen.getByRole('status').textContent).toMatch(/Shipped, payment Paid/);
  });

  it('shows an order passed in at once, then keeps it fresh from the API', async () => {
    const api = createMockApi({ baseUrl: BASE, tenant: 'growth' });
    server.use(...api.handlers);
    const { reservations: _, ...fixture } = api.db.orders.find((o) => o.status === 'shipped')!;
    const client = new AgentStack({ apiKey: 'sk_test_orders', baseUrl: BASE, maxRetries: 0 });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <AgentStackProvider client={client} queryClient={queryClient}>
        <OrderDetail order={{ ...fixture, allowedTransitions: [] }} live={false} />
      </AgentStackProvider>,
    );
    // Rendered from the prop before any answer: no loading state.
    expect(screen.getByRole('heading', { level: 2, name: `Order #${fixture.number}` })).toBeTruthy();
    await waitFor(() => expect(actionButtons()).toEqual(['Mark delivered', 'Request return', 'Refund…']));
  });

  it('says when the order does not exist', async () => {
    setup(
      'growth',
      () => true,
      http.get(`${BASE}/v1/commerce/orders/:id`, () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: 'No order.' },
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    expect(await screen.findByText('It may belong to another store, or the link is mistyped.')).toBeTruthy();
  });
});
