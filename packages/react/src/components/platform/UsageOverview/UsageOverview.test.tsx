import { composeStories } from '@storybook/react';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './UsageOverview.stories';

const { Growth, Enterprise, NearLimit, CommerceOnly, Loading, ErrorState } = composeStories(stories);
const domain = (name: string) => screen.getByRole('region', { name });

describe('UsageOverview', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('shows every limit with its usage, the features and the add-ons, by domain (Growth)', async () => {
    await renderStory(Growth);
    await screen.findByText('42 / 10,000');
    const commerce = domain('Commerce');
    expect(within(commerce).getByText('Growth')).toBeTruthy();
    expect(within(commerce).getByText('42 / 10,000')).toBeTruthy();
    expect(within(commerce).getByText('0 / 100,000')).toBeTruthy();
    expect(within(commerce).getByText('Bulk operations')).toBeTruthy();
    expect(within(commerce).getByText('Cart and checkout')).toBeTruthy();
    expect(within(commerce).getByText('Advanced analytics', { selector: '.as-chip' })).toBeTruthy();
    const platform = domain('Platform');
    expect(within(platform).getByText('4 / 25')).toBeTruthy();
    expect(within(platform).getByText('24/7 monitoring')).toBeTruthy();
    expect(within(domain('Fintech')).getByText('0 / 10,000')).toBeTruthy();
    expect(within(domain('Social')).getByText('0 / 50,000')).toBeTruthy();
    expect(within(domain('Social')).getByText('No add-ons')).toBeTruthy();
    expect(screen.getAllByRole('meter')).toHaveLength(5);
  });

  it('reads Unlimited on Enterprise and lists its add-ons', async () => {
    await renderStory(Enterprise);
    await screen.findByText('60 / Unlimited');
    expect(
      within(domain('Fintech')).getByText('Real-time fraud detection', { selector: '.as-chip' }),
    ).toBeTruthy();
    expect(
      within(domain('Social')).getByText('AI content moderation', { selector: '.as-chip' }),
    ).toBeTruthy();
  });

  it('warns near a limit', async () => {
    await renderStory(NearLimit);
    const commerce = await screen.findByRole('region', { name: 'Commerce' });
    expect(await within(commerce).findByText('950 / 1,000')).toBeTruthy();
    expect(within(commerce).getByText(/Nearing your limit/)).toBeTruthy();
  });

  it('says "Not subscribed" for domains without a plan', async () => {
    await renderStory(CommerceOnly);
    await screen.findByText('120 / 1,000');
    expect(within(domain('Fintech')).getByText('Not subscribed')).toBeTruthy();
    expect(within(domain('Social')).getByText('Not subscribed')).toBeTruthy();
  });

  it('shows loading, then errors with a retry', async () => {
    await renderStory(Loading);
    expect(screen.getAllByText('Loading…').length).toBe(4);
  });

  it('shows the error', async () => {
    await renderStory(ErrorState);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Usage could not be loaded')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
