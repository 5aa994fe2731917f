import { composeStories } from '@storybook/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './UpgradePrompt.stories';

const { PlanFeature, Addon, LimitReached, NoUpgradeKnown } = composeStories(stories);

describe('UpgradePrompt', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('names the plan, its price and a call to action', async () => {
    await renderStory(PlanFeature);
    expect(screen.getByText('Not in your plan: Bulk operations')).toBeTruthy();
    expect(screen.getByText(/From \$499\/mo/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Upgrade to Commerce Growth' })).toBeTruthy();
  });

  it('names an add-on', async () => {
    await renderStory(Addon);
    expect(screen.getByText(/ERP integration add-on/)).toBeTruthy();
    expect(screen.getByText(/From \$299\/mo/)).toBeTruthy();
  });

  it('shows usage for a reached limit', async () => {
    await renderStory(LimitReached);
    expect(screen.getByText('You have reached your products limit')).toBeTruthy();
    expect(screen.getByText(/1,000 of 1,000 used/)).toBeTruthy();
  });

  it('shows no button when nothing unlocks it', async () => {
    await renderStory(NoUpgradeKnown);
    expect(screen.getByText('Contact your account manager to unlock this.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
