import { composeStories } from '@storybook/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './PlanCatalog.stories';

const { Default, Starter, GrowthCommerce, Enterprise, WithLinks, NoFintechPlan, Loading, ErrorState } =
  composeStories(stories);

const card = (name: string) => screen.getByRole('article', { name });
const currentCards = () =>
  screen.getAllByRole('article').filter((a) => a.getAttribute('aria-current') === 'true');

describe('PlanCatalog', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it.each([
    ['Starter', Starter, 'Starter', '$299/mo'],
    ['Growth', Default, 'Growth', '$799/mo'],
    ['Enterprise', Enterprise, 'Enterprise', 'Custom pricing'],
  ] as const)('marks the current platform tier for %s', async (_tier, Story, name, price) => {
    await renderStory(Story);
    await waitFor(() => expect(currentCards()).toHaveLength(1));
    const current = currentCards()[0]!;
    expect(current).toBe(card(name));
    expect(within(current).getByText('Current plan')).toBeTruthy();
    expect(within(current).getByText(price)).toBeTruthy();
    // Four platform tiers side by side, each with its price.
    expect(within(card('Scale')).getByText('$2,499/mo')).toBeTruthy();
    expect(within(card('Growth')).getByText('Everything in Starter, plus')).toBeTruthy();
    expect(within(card('Growth')).getByText('24/7 monitoring')).toBeTruthy();
  });

  it('shows the commerce tiers with limits, and Growth’s active add-on', async () => {
    await renderStory(GrowthCommerce);
    await waitFor(() => expect(currentCards()[0]).toBe(card('Growth')));
    expect(screen.getByRole('tab', { name: 'Commerce' }).getAttribute('aria-selected')).toBe('true');
    const startup = card('Startup');
    expect(within(startup).getByText('$199/mo')).toBeTruthy();
    expect(within(startup).getByText('1,000')).toBeTruthy();
    expect(within(startup).getByText('Included in your plan')).toBeTruthy();
    expect(within(card('Enterprise')).getAllByText('Unlimited')).toHaveLength(2);

    const analytics = screen.getByText('Advanced analytics', { selector: '.as-addon__name' }).closest('li')!;
    expect(analytics.hasAttribute('data-active')).toBe(true);
    expect(within(analytics).getByText('Active')).toBeTruthy();
    expect(within(analytics).getByText('+$29/mo')).toBeTruthy();
    const gateway = screen.getByText('Payment gateway integration').closest('li')!;
    expect(gateway.hasAttribute('data-active')).toBe(false);
    expect(within(gateway).getByRole('button', { name: 'Add Payment gateway integration' })).toBeTruthy();
  });

  it('calls onSelectPlan and onSelectAddon with the chosen catalogue entry', async () => {
    const user = userEvent.setup();
    const onSelectPlan = vi.fn();
    const onSelectAddon = vi.fn();
    await GrowthCommerce.load();
    render(<GrowthCommerce onSelectPlan={onSelectPlan} onSelectAddon={onSelectAddon} />);
    await waitFor(() => expect(currentCards()).toHaveLength(1));
    // No button for the current tier or those it includes.
    expect(within(card('Growth')).queryByRole('button')).toBeNull();
    expect(within(card('Startup')).queryByRole('button')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Choose Enterprise (Commerce plan)' }));
    expect(onSelectPlan).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'commerce_enterprise', kind: 'plan', name: 'Enterprise' }),
    );
    await user.click(screen.getByRole('button', { name: 'Add ERP integration' }));
    expect(onSelectAddon).toHaveBeenCalledWith(expect.objectContaining({ id: 'commerce_erp_integration' }));
  });

  it('shows text, not a button, when nothing handles a choice', async () => {
    await renderStory(Default);
    await waitFor(() => expect(currentCards()).toHaveLength(1));
    expect(within(card('Scale')).getByText('Ask your provider to switch to this plan.')).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: /^Choose/ })).toHaveLength(0);
  });

  it('renders links with upgradeHref', async () => {
    await renderStory(WithLinks);
    const link = await screen.findByRole('link', { name: 'Choose Growth (Platform plan)' });
    expect(link.getAttribute('href')).toBe('#/billing?plan=growth');
  });

  it('switches domains with the tabs, by click and arrow keys', async () => {
    const user = userEvent.setup();
    await renderStory(Starter);
    await screen.findByRole('article', { name: 'Scale' });
    await user.click(screen.getByRole('tab', { name: 'Social' }));
    expect(await screen.findByRole('article', { name: 'Community' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Social add-ons' })).toBeTruthy();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Fintech' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('article', { name: 'Early Stage' })).toBeTruthy();
  });

  it('shows the bundles with their discounts and marks the matching one', async () => {
    await renderStory(Default);
    const growthBundle = await screen.findByRole('article', { name: 'Growth Bundle' });
    expect(within(growthBundle).getByText('Save 25%')).toBeTruthy();
    // Commerce Growth $499 + Fintech Scaling $899 + Social Network $699 = $2,097, less 25 %.
    expect(within(growthBundle).getByText('$1,573/mo')).toBeTruthy();
    expect(within(growthBundle).getByText('instead of $2,097')).toBeTruthy();
    expect(within(growthBundle).getByText('Your plans match this bundle')).toBeTruthy();
    expect(within(card('Starter Bundle')).getByText('Save 20%')).toBeTruthy();
    expect(within(card('Scale Bundle')).getByText('Save 30%')).toBeTruthy();
  });

  it('says add-ons need a plan in a domain without one', async () => {
    await renderStory(NoFintechPlan);
    expect(await screen.findByText('No fintech plan')).toBeTruthy();
    expect(screen.getAllByText('Needs a fintech plan').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /^Add / })).toBeNull();
  });

  it('shows the loading and error states', async () => {
    await renderStory(Loading);
    expect(screen.getByRole('tabpanel').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Loading…')).toBeTruthy();
  });

  it('shows the error with a retry', async () => {
    await renderStory(ErrorState);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Plans could not be loaded')).toBeTruthy();
    expect(within(alert).getByText('Error code: internal_error')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
