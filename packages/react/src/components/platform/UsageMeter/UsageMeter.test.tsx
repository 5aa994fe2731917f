import { composeStories } from '@storybook/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import { usageState } from './UsageMeter';
import * as stories from './UsageMeter.stories';

const { Ok, NearLimit, Reached, Unlimited, FromEntitlements } = composeStories(stories);

const state = (container: HTMLElement) => container.querySelector('.as-usage')?.getAttribute('data-state');

describe('UsageMeter', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('computes its state', () => {
    expect(usageState(10, 100)).toBe('ok');
    expect(usageState(80, 100)).toBe('warning');
    expect(usageState(100, 100)).toBe('reached');
    expect(usageState(5, null)).toBe('unlimited');
    expect(usageState(50, 100, 0.5)).toBe('warning');
  });

  it('is an accessible meter', async () => {
    const { container } = await renderStory(Ok);
    const meter = screen.getByRole('meter', { name: 'Products: 120 of 1,000' });
    expect(meter.getAttribute('value')).toBe('120');
    expect(state(container)).toBe('ok');
    expect(screen.queryByText(/Nearing/)).toBeNull();
  });

  it('warns near the limit and names the plan that lifts it', async () => {
    const { container } = await renderStory(NearLimit);
    expect(state(container)).toBe('warning');
    expect(screen.getByText(/Nearing your limit · Available on the Commerce Growth plan\./)).toBeTruthy();
  });

  it('marks a reached limit', async () => {
    const { container } = await renderStory(Reached);
    expect(state(container)).toBe('reached');
    expect(screen.getByText(/Limit reached/)).toBeTruthy();
  });

  it('reads null as unlimited', async () => {
    const { container } = await renderStory(Unlimited);
    expect(state(container)).toBe('unlimited');
    expect(screen.getByText('4,210 / Unlimited')).toBeTruthy();
  });

  it('reads usage from the entitlements', async () => {
    const { container } = await renderStory(FromEntitlements);
    expect(await screen.findByText('950 / 1,000')).toBeTruthy();
    expect(state(container)).toBe('warning');
  });
});
