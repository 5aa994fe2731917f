import { composeStories } from '@storybook/react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './CreateProductForm.stories';

const { Default, OverLimit, DuplicateSku } = composeStories(stories);

async function fill(user: ReturnType<typeof userEvent.setup>, sku = 'NEW-SKU-1') {
  await user.type(screen.getByLabelText('Title'), 'Walnut tray');
  await user.type(screen.getByLabelText('SKU'), sku);
  await user.type(screen.getByLabelText('Price'), '24.50');
  await user.click(screen.getByRole('button', { name: 'Create product' }));
}

describe('CreateProductForm', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('creates a product', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await fill(user);
    expect(await screen.findByText('Walnut tray created.')).toBeTruthy();
  });

  it('rejects a malformed price before sending', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await user.type(screen.getByLabelText('Title'), 'Tray');
    await user.type(screen.getByLabelText('Price'), '12.345');
    await user.click(screen.getByRole('button', { name: 'Create product' }));
    expect(screen.getByText('Enter a price such as 19.99')).toBeTruthy();
    expect(screen.getByLabelText('Price').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a plan-limit error from the API as an upgrade prompt', async () => {
    const user = userEvent.setup();
    await renderStory(OverLimit);
    await fill(user);
    const prompt = await screen.findByRole('region', { name: 'You have reached your products limit' });
    expect(within(prompt).getByText(/Available on the Commerce Growth plan\./)).toBeTruthy();
    expect(within(prompt).getByRole('button', { name: 'Upgrade to Commerce Growth' })).toBeTruthy();
  });

  it('marks the field the API rejected', async () => {
    const user = userEvent.setup();
    await renderStory(DuplicateSku);
    await fill(user);
    expect(await screen.findByText('A product with this SKU already exists.')).toBeTruthy();
    expect(screen.getByLabelText('SKU').getAttribute('aria-invalid')).toBe('true');
  });
});
