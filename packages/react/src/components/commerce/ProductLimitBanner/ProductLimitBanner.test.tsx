import { composeStories } from '@storybook/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './ProductLimitBanner.stories';

const { Default, NearLimit, Unlimited } = composeStories(stories);

describe('ProductLimitBanner', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('shows the plan and usage (Growth)', async () => {
    await renderStory(Default);
    expect(await screen.findByText('42 / 10,000')).toBeTruthy();
    expect(screen.getByText('Commerce plan: Growth')).toBeTruthy();
  });

  it('warns near the limit', async () => {
    await renderStory(NearLimit);
    expect(await screen.findByText('950 / 1,000')).toBeTruthy();
    expect(screen.getByText(/Nearing your limit/)).toBeTruthy();
  });

  it('shows unlimited on Enterprise', async () => {
    await renderStory(Unlimited);
    expect(await screen.findByText(/\/ Unlimited/)).toBeTruthy();
  });
});
