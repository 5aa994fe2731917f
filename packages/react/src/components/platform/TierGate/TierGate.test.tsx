import { composeStories } from '@storybook/react';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './TierGate.stories';

const { Granted, LockedOnStarter, LockedAddon, LimitExceeded, InlineLocked } = composeStories(stories);

describe('TierGate', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('renders the children when the plan includes the feature', async () => {
    await renderStory(Granted);
    expect(await screen.findByRole('button', { name: 'Archive selected' })).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('names the plan that unlocks a locked feature, with a working call to action', async () => {
    await renderStory(LockedOnStarter);
    const prompt = await screen.findByRole('region', { name: 'Not in your plan: Bulk operations' });
    expect(within(prompt).getByText(/Available on the Commerce Growth plan\./)).toBeTruthy();
    expect(within(prompt).getByText(/From \$499\/mo/)).toBeTruthy();
    const cta = within(prompt).getByRole('button', { name: 'Upgrade to Commerce Growth' });
    expect(cta.hasAttribute('disabled')).toBe(false);
    expect(screen.queryByRole('button', { name: 'Archive selected' })).toBeNull();
  });

  it('names the add-on when no tier includes the feature', async () => {
    await renderStory(LockedAddon);
    const prompt = await screen.findByRole('region', { name: /Not in your plan: Erp integration/i });
    expect(within(prompt).getByText(/Available with the ERP integration add-on\./)).toBeTruthy();
    expect(within(prompt).getByRole('button', { name: 'Add ERP integration' })).toBeTruthy();
  });

  it('gates on room left under a limit', async () => {
    await renderStory(LimitExceeded);
    const prompt = await screen.findByRole('region', { name: 'You have reached your products limit' });
    expect(within(prompt).getByText(/Commerce Growth plan/)).toBeTruthy();
    expect(within(prompt).getByText(/18 of 1,000 used\./)).toBeTruthy();
  });

  it('has a compact variant', async () => {
    const { container } = await renderStory(InlineLocked);
    await screen.findByRole('region');
    expect(container.querySelector('.as-upgrade--inline')).toBeTruthy();
  });
});
