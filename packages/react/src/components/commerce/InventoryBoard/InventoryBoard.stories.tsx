import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
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
  hides,
  loadError,
  loading,
  shows,
  tableRows,
} from '../../../../../../.storybook/play';
import { InventoryBoard } from './InventoryBoard';

const meta = {
  title: 'Commerce/InventoryBoard',
  component: InventoryBoard,
  args: { pageSize: 10 },
  parameters: { agentstack: { role: 'owner' } },
} satisfies Meta<typeof InventoryBoard>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar: pick a tier and a brand. Levels at or below 5 units are marked low. */
export const Default: Story = {
  play: all(heading('Inventory'), tableRows('Stock levels', 10), shows('Low', 'Main warehouse')),
};

/** Commerce Growth (advanced inventory: more than one location). */
export const Growth: Story = { globals: { tier: 'growth' }, play: tableRows('Stock levels', 10) };

/** Commerce Enterprise. */
export const Enterprise: Story = { globals: { tier: 'enterprise' }, play: tableRows('Stock levels', 10) };

/** The dark Nocturne brand. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'growth' },
  play: all(tableRows('Stock levels', 10), darkScheme),
};

/** "Low stock only" keeps the levels at or below their threshold. */
export const LowStockOnly: Story = {
  play: all(tableRows('Stock levels', 10), click('Low stock only', 'checkbox'), tableRows('Stock levels', 2)),
};

/** Adjusting a level: the form under its row takes units and a reason. */
export const Adjusting: Story = {
  play: all(
    tableRows('Stock levels', 10),
    async ({ canvasElement }) => {
      const [first] = await within(canvasElement).findAllByRole('button', { name: /^Adjust stock of/ });
      await userEvent.click(first as HTMLElement);
    },
    shows('Change (units, negative removes)', 'Reason'),
  ),
};

/** A viewer reads stock but cannot change it. */
export const Viewer: Story = {
  parameters: { agentstack: { role: 'viewer' } },
  play: all(
    tableRows('Stock levels', 10),
    shows('You can see stock but not change it.'),
    hides('You can see stock but not change it.', 'Adjust'),
  ),
};

/**
 * A catalogue of 250 products, 100 levels a page: the third page holds the oldest products' stock,
 * and every item is still named (the board asks for the products of the levels it shows).
 */
export const LargeCatalogue: Story = {
  args: { pageSize: 100 },
  parameters: { agentstack: { role: 'owner', products: 250 } },
  play: all(
    tableRows('Stock levels', 100),
    click('Next page'),
    shows('Stock levels, page 2'),
    click('Next page'),
    shows('Stock levels, page 3'),
    tableRows('Stock levels', 50),
    async ({ canvasElement }) => {
      const table = within(canvasElement).getByRole('table', { name: 'Stock levels' });
      const items = () =>
        within(table)
          .getAllByRole('row')
          .slice(1)
          .map((row) => row.querySelector('.as-inventory-board__item')?.textContent ?? '');
      await waitFor(() => expect(items().filter((name) => /^(prod|var)_/.test(name))).toEqual([]), {
        timeout: 5000,
      });
      await expect(items()).toHaveLength(50);
    },
  ),
};

/** No stock recorded yet. */
export const Empty: Story = {
  ...withHandlers(listHandler('/v1/commerce/inventory-levels')),
  play: empty('No stock recorded yet'),
};

/** Waiting for the first page. */
export const Loading: Story = {
  ...withHandlers(pendingHandler('get', '/v1/commerce/inventory-levels')),
  play: loading('Stock levels'),
};

/** The API failed: the problem's code, detail and request id are shown, with a retry. */
export const ErrorState: Story = {
  ...withHandlers(
    unavailableHandler('/v1/commerce/inventory-levels', 'Inventory is temporarily unavailable.'),
  ),
  play: loadError('Inventory is temporarily unavailable.', 'internal_error'),
};
