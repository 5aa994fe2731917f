import { composeStories } from '@storybook/react';
import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import { server } from '../../../../test/server';
import * as stories from './InventoryBoard.stories';

const { Default } = composeStories(stories);

describe('InventoryBoard', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
    20_000,
  );

  it('right-aligns the quantities by their cells and headers (a span cannot align itself)', async () => {
    await renderStory(Default);
    const table = await screen.findByRole('table', { name: 'Stock levels' });
    await within(table).findAllByText('Main warehouse');
    const headers = within(table).getAllByRole('columnheader');
    const numeric = headers.filter((th) => th.classList.contains('as-num')).map((th) => th.textContent);
    expect(numeric).toEqual(['On hand', 'Reserved', 'Available']);
    const [first] = within(table).getAllByRole('row').slice(1);
    const cells = within(first!).getAllByRole('cell');
    const aligned = cells.filter((td) => td.classList.contains('as-num'));
    expect(aligned).toHaveLength(3);
    for (const td of aligned) expect(td.textContent).toMatch(/^\d/);
  });

  it('shows a placeholder, never a bare item id, while the names of the rows load', async () => {
    await Default.load();
    // Names arrive late (after the story's handlers, this one answers products first).
    server.use(http.get('*/v1/commerce/products', async () => void (await delay('infinite'))));
    const { render } = await import('@testing-library/react');
    const { container } = render(<Default />);
    const table = await screen.findByRole('table', { name: 'Stock levels' });
    await within(table).findAllByText('Main warehouse');
    await waitFor(() => expect(container.querySelector('tbody .as-skeleton')).not.toBeNull());
    expect(table.textContent).not.toMatch(/\b(prod|var)_[0-9A-Za-z]/);
  });
});
