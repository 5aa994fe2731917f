import { composeStories } from '@storybook/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './PlanBadge.stories';

const { Starter, Growth, Enterprise, PlatformTier, ExplicitPlan } = composeStories(stories);

describe('PlanBadge', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it.each([
    [Starter, 'Commerce plan: Startup', '1'],
    [Growth, 'Commerce plan: Growth', '2'],
    [Enterprise, 'Commerce plan: Enterprise', '3'],
    [PlatformTier, 'Platform plan: Growth', '2'],
    [ExplicitPlan, 'Social plan: Network', '2'],
  ] as const)('shows the tenant plan (%#)', async (Story, label, rank) => {
    await renderStory(Story);
    const text = await screen.findByText(label);
    expect(text.closest('.as-plan-badge')?.getAttribute('data-rank')).toBe(rank);
  });
});
