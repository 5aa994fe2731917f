import { composeStories } from '@storybook/react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderStory } from '../../../../test/renderStory';
import * as stories from './OrderWorkflowBoard.stories';

const { Default, Enterprise, Starter } = composeStories(stories);

/** A stand-in for the browser's DataTransfer (happy-dom has none on synthetic drag events). */
const dataTransfer = () => ({
  setData: () => {},
  getData: () => '',
  effectAllowed: 'all',
  dropEffect: 'none',
});

async function board() {
  const region = await screen.findByRole('region', { name: 'Orders by status' });
  await waitFor(() => expect(region.getAttribute('aria-busy')).toBeNull(), { timeout: 5000 });
  return region;
}

/** The card of order `number`. */
const card = (number: number) =>
  screen.getByText(`Order #${number}`).closest('.as-order-card') as HTMLElement;
/** Where a card can be dropped: a status column, a closed group, or a stage of the fulfilling column. */
const zone = (root: HTMLElement, selector: string) => root.querySelector(selector) as HTMLElement;

/** Fires dragover on `target`: true when the zone accepted (prevented the default). */
function dragOver(target: HTMLElement): boolean {
  return !fireEvent.dragOver(target, { dataTransfer: dataTransfer() });
}

/** The items of an order's "Move to…" menu. */
async function menuOf(number: number): Promise<string[]> {
  await userEvent.click(screen.getByRole('button', { name: `Move to… (order #${number})` }));
  const list = await screen.findByRole('list', { name: `Moves of order #${number}` });
  return within(list)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '');
}

describe('OrderWorkflowBoard', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      const rendered = await renderStory(Story);
      await Story.play?.({ canvasElement: rendered.container });
    },
    20_000,
  );

  it('accepts a drop only where one of the allowed transitions leads, and the drop moves the card', async () => {
    await renderStory(Default);
    const root = await board();
    // #1002 is paid: start fulfilment, cancel and refund are allowed; nothing else.
    fireEvent.dragStart(card(1002), { dataTransfer: dataTransfer() });
    const valid = [...root.querySelectorAll('[data-drop="valid"]')].map((el) =>
      el.getAttribute('data-status'),
    );
    expect(valid.sort()).toEqual(['canceled', 'fulfilling', 'refunded']);
    for (const status of ['pending', 'paid', 'shipped', 'delivered', 'return_requested', 'returned'])
      expect(dragOver(zone(root, `[data-status="${status}"]`)), status).toBe(false);
    expect(dragOver(zone(root, '[data-status="fulfilling"]'))).toBe(true);

    // A refused drop does nothing.
    fireEvent.drop(zone(root, '[data-status="shipped"]'), { dataTransfer: dataTransfer() });
    fireEvent.dragStart(card(1002), { dataTransfer: dataTransfer() });
    fireEvent.drop(zone(root, '[data-status="fulfilling"]'), { dataTransfer: dataTransfer() });
    const fulfilling = zone(root, 'section[data-status="fulfilling"]');
    await waitFor(() => expect(within(fulfilling).getByText('Order #1002')).toBeTruthy(), { timeout: 5000 });
    expect(within(zone(root, 'section[data-status="paid"]')).queryByText('Order #1002')).toBeNull();
    await screen.findByText('Order #1002: Fulfilling.');
  });

  it("lists in the menu exactly the order's allowed actions", async () => {
    await renderStory(Default);
    await board();
    // Pending checkout order: only cancel (a checkout order is paid by its provider, not by hand).
    expect(await menuOf(1001)).toEqual(['Cancel order…']);
    expect(await menuOf(1004)).toEqual(['Mark delivered', 'Request a return', 'Refund…']);
    // Canceled orders can do nothing: no menu at all.
    await userEvent.click(screen.getByRole('button', { name: 'Show closed orders' }));
    await screen.findByText('Order #1008');
    expect(screen.queryByRole('button', { name: 'Move to… (order #1008)' })).toBeNull();
  });

  it('moves a card through the menu, after the dialog of an action that asks', async () => {
    await renderStory(Default);
    const root = await board();
    expect(await menuOf(1003)).toEqual(['Ship…', 'Cancel order…', 'Refund…']);
    await userEvent.click(screen.getByRole('button', { name: 'Ship…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ship order #1003' });
    await userEvent.type(within(dialog).getByLabelText('Carrier (optional)'), 'DHL');
    await userEvent.type(within(dialog).getByLabelText('Tracking number (optional)'), 'JD0001');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ship order' }));
    const shipped = zone(root, 'section[data-status="shipped"]');
    await waitFor(() => expect(within(shipped).getByText('Order #1003')).toBeTruthy(), { timeout: 5000 });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Order #1003: Shipped.')).toBeTruthy();

    // Refund part of a delivered order: it stays delivered, partly refunded.
    await menuOf(1005);
    await userEvent.click(screen.getByRole('button', { name: 'Refund…' }));
    const refund = await screen.findByRole('dialog', { name: 'Refund order #1005' });
    const amount = within(refund).getByLabelText(/^Amount/) as HTMLInputElement;
    // All that is left by default, which is the most it takes.
    const currency = /^Amount \((\w+)\)$/.exec(within(refund).getByText(/^Amount/).textContent!)![1]!;
    const left = new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(Number(amount.value));
    expect(document.activeElement).toBe(amount);
    await userEvent.clear(amount);
    await userEvent.type(amount, '999999');
    await userEvent.click(within(refund).getByRole('button', { name: 'Refund' }));
    expect(await within(refund).findByText(`Only ${left} is left to refund.`)).toBeTruthy();
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(amount);
    await userEvent.type(amount, '1');
    await userEvent.click(within(refund).getByRole('button', { name: 'Refund' }));
    const delivered = zone(root, 'section[data-status="delivered"]');
    await waitFor(() => expect(within(card(1005)).getByText('Partly refunded')).toBeTruthy(), {
      timeout: 5000,
    });
    expect(within(delivered).getByText('Order #1005')).toBeTruthy();
    expect(screen.getByText('Order #1005: Partly refunded.')).toBeTruthy();
  });

  it('shows custom steps as stages on Enterprise; a card moves only to the next one, and ships after the last', async () => {
    await renderStory(Enterprise);
    const root = await board();
    const stages = [...root.querySelectorAll('.as-order-board__stage')].map(
      (s) => s.querySelector('.as-order-board__stage-title')?.firstChild?.textContent,
    );
    expect(stages).toEqual(['Not started', 'Picked', 'Packed', 'Quality check']);
    // One fulfilling order per stage in the demo: the first in "Not started", then one per step.
    const at = (key: string) => zone(root, `.as-order-board__stage[data-stage="${key}"]`);
    expect(within(at('')).getByText('Order #1003')).toBeTruthy();
    const picked = within(at('picked')).getAllByText(/^Order #/)[0]!.textContent!;
    const number = Number(picked.slice('Order #'.length));

    // Dragging the picked order: only "Packed" (the next step) and cancel/refund accept it.
    fireEvent.dragStart(card(number), { dataTransfer: dataTransfer() });
    const valid = [...root.querySelectorAll('[data-drop="valid"]')].map(
      (el) => el.getAttribute('data-stage') ?? el.getAttribute('data-status'),
    );
    expect(valid.sort()).toEqual(['canceled', 'packed', 'refunded']);
    expect(dragOver(at('quality_check'))).toBe(false);
    expect(dragOver(zone(root, '[data-status="shipped"]'))).toBe(false);
    fireEvent.drop(at('packed'), { dataTransfer: dataTransfer() });
    await waitFor(() => expect(within(at('packed')).getByText(picked)).toBeTruthy(), { timeout: 5000 });

    // Not shippable before the last step; at the last one, shipping is offered.
    expect(await menuOf(number)).toEqual(['Next step: Quality check', 'Cancel order…', 'Refund…']);
    await userEvent.click(screen.getByRole('button', { name: 'Next step: Quality check' }));
    await waitFor(() => expect(within(at('quality_check')).getByText(picked)).toBeTruthy(), {
      timeout: 5000,
    });
    expect(await menuOf(number)).toEqual(['Ship…', 'Cancel order…', 'Refund…']);
    expect(screen.queryByRole('region', { name: /Not in your plan/ })).toBeNull();
  });

  it('offers custom workflows as an upgrade below Enterprise, with no stages', async () => {
    await renderStory(Starter);
    const root = await board();
    expect(root.querySelector('.as-order-board__stage')).toBeNull();
    const prompt = await screen.findByRole('region', { name: 'Not in your plan: Custom workflows' });
    expect(within(prompt).getByText(/Available on the/)).toBeTruthy();
  });
});
