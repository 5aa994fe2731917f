import { composeStories } from '@storybook/react';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './UsageOverview.stories';

const { Growth, Starter, Enterprise, NearLimit, CommerceOnly, Loading, ErrorState, WithoutApi } =
  composeStories(stories);
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

  it('shows API calls today and this month and the rate limit of the tier', async () => {
    await renderStory(Starter);
    const api = await screen.findByRole('region', { name: 'API' });
    const figure = (label: string) =>
      within(api).getByText(label).closest('div')?.querySelector('dd')?.textContent;
    await within(api).findByText('1,240');
    expect(figure('Calls today')).toBe('1,240');
    expect(figure('Calls this month')).toBe('18,400');
    expect(figure('Rate limit')).toBe('25 requests per second, bursts of 50');
  });

  it('leaves the API figures out on request', async () => {
    await renderStory(WithoutApi);
    await screen.findByText('42 / 10,000');
    expect(screen.queryByRole('region', { name: 'API' })).toBeNull();
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
    expect(screen.getAllByText('Loading…').length).toBe(5); // the API figures and four domains
  });

  it('shows the error', async () => {
    await renderStory(ErrorState);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Usage could not be loaded')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
