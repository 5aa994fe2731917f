import { composeStories } from '@storybook/react';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './ProductEditor.stories';

const { Growth } = composeStories(stories);

const mediaOrder = () =>
  within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((li) => li.textContent?.match(/\d+\. ([^↑]+)/)?.[1]);

describe('ProductEditor', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('reorders images by drag and drop and saves the new order with the groups in one request', async () => {
    const user = userEvent.setup();
    await renderStory(Growth);
    await screen.findByText('1. Front');
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    fireEvent.dragStart(items[2]!, { dataTransfer: { effectAllowed: '' } });
    fireEvent.dragOver(items[0]!);
    fireEvent.drop(items[0]!);
    expect(mediaOrder()).toEqual(['Pocket detail', 'Front', 'Back']);
    await user.click(screen.getByRole('checkbox', { name: 'Textiles' }));
    await user.click(screen.getByRole('button', { name: 'Save catalogue' }));
    expect(await screen.findByText('Catalogue saved.')).toBeTruthy();
    expect(mediaOrder()).toEqual(['Pocket detail', 'Front', 'Back']);
    expect((screen.getByRole('checkbox', { name: 'Textiles' }) as HTMLInputElement).checked).toBe(true);
  });

  it('adds a variant with option values, and refuses a duplicate SKU with the API message', async () => {
    const user = userEvent.setup();
    await renderStory(Growth);
    const sku = await screen.findByLabelText('SKU');
    await user.type(sku, 'APRON-M-SAND');
    await user.selectOptions(screen.getByLabelText('Size'), 'M');
    await user.type(screen.getByLabelText('Price (EUR)'), '34.00');
    await user.click(screen.getByRole('button', { name: 'Add variant' }));
    expect(await screen.findByText('M / Sand')).toBeTruthy();
    await user.type(screen.getByLabelText('SKU'), 'APRON-LIN');
    await user.selectOptions(screen.getByLabelText('Size'), 'L');
    await user.type(screen.getByLabelText('Price (EUR)'), '34.00');
    await user.click(screen.getByRole('button', { name: 'Add variant' }));
    expect(await screen.findByText(/already has SKU 'APRON-LIN'/)).toBeTruthy();
  });
});
