import { composeStories } from '@storybook/react';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
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
});
