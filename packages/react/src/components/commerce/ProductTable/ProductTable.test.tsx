import { DEMO_PRODUCTS, DEMO_TENANTS } from '@agentstack/sdk/catalog';
import { composeStories } from '@storybook/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './ProductTable.stories';

const { Default, Growth, Starter, Enterprise, NearLimit, AtLimit, Empty, Loading, ErrorState, NocturneDark } =
  composeStories(stories);

/** The product a tier's table lists first: the newest of its demo catalogue. */
const newestOf = (slug: 'starter' | 'growth' | 'enterprise') =>
  DEMO_PRODUCTS[DEMO_TENANTS.find((t) => t.slug === slug)!.productCount - 1]!;
const growthFirst = newestOf('growth');
const growthSecond = DEMO_PRODUCTS[DEMO_TENANTS.find((t) => t.slug === 'growth')!.productCount - 2]!;
const euros = (minor: number) => `€${(minor / 100).toFixed(2)}`;

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Products' }))
    .getAllByRole('row')
    .slice(1);
const titles = () => bodyRows().map((row) => within(row).getAllByRole('cell')[1]!.textContent ?? '');

// A search waits out the input's debounce, then the mock API's answer: on a loaded machine that
// takes longer than testing-library's one-second default, so these waits allow more.
const SLOW = { timeout: 10_000 };

describe('ProductTable', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('shows a page of products with money formatted from minor units', async () => {
    await renderStory(Growth);
    await screen.findByRole('checkbox', { name: `Select ${growthFirst.title}` });
    expect(bodyRows()).toHaveLength(10);
    const row = screen.getByRole('checkbox', { name: `Select ${growthFirst.title}` }).closest('tr')!;
    expect(within(row).getByText(euros(growthFirst.price.amount))).toBeTruthy();
    expect(within(row).getByText(growthFirst.sku!)).toBeTruthy();
  });

  it('pages forward and back with the cursor', async () => {
    const user = userEvent.setup();
    await renderStory(Growth);
    await screen.findByRole('checkbox', { name: `Select ${growthFirst.title}` });
    const first = titles();
    expect(screen.getByRole('button', { name: 'Previous page' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(titles()).not.toEqual(first));
    expect(screen.getByText('Page 2')).toBeTruthy();
    const second = titles();
    expect(second.some((t) => first.includes(t))).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(titles()).toEqual(first));
  });

  it('filters by status and searches', async () => {
    const user = userEvent.setup();
    await renderStory(Enterprise);
    await screen.findByRole('checkbox', { name: `Select ${newestOf('enterprise').title}` });
    await user.selectOptions(screen.getByLabelText('Status'), 'draft');
    await waitFor(() => {
      const statuses = bodyRows().map((r) => within(r).getAllByRole('cell')[2]!.textContent);
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set(['Draft']));
    }, SLOW);
    await user.selectOptions(screen.getByLabelText('Status'), 'all');
    await user.type(screen.getByRole('searchbox', { name: 'Search products' }), 'espresso');
    await waitFor(() => expect(titles()).toEqual([expect.stringContaining('Espresso cup set (4)')]), SLOW);
    await user.clear(screen.getByRole('searchbox', { name: 'Search products' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search products' }), 'no-such-thing');
    expect(await screen.findByText('No matching products', {}, SLOW)).toBeTruthy();
  });

  it('sorts on the server, so the next page continues the order, and reflects it in aria-sort', async () => {
    const user = userEvent.setup();
    await renderStory(Growth);
    await screen.findByRole('checkbox', { name: `Select ${growthFirst.title}` });
    const priceHeader = screen.getByRole('columnheader', { name: /Price/ });
    expect(priceHeader.getAttribute('aria-sort')).toBe('none');
    const prices = () =>
      bodyRows().map((r) =>
        Number((within(r).getAllByRole('cell')[3]!.textContent ?? '').replace(/[^\d.]/g, '')),
      );
    const cheapest = Math.min(...DEMO_PRODUCTS.slice(0, 42).map((p) => p.price.amount)) / 100;
    await user.click(within(priceHeader).getByRole('button'));
    expect(priceHeader.getAttribute('aria-sort')).toBe('ascending');
    // The first page now starts at the cheapest product of the whole catalogue, not of the page.
    await waitFor(() => expect(prices()[0]).toBe(cheapest));
    const firstPage = prices();
    expect(firstPage).toEqual([...firstPage].sort((a, b) => a - b));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(screen.getByText('Page 2')).toBeTruthy());
    await waitFor(() => expect(prices()[0]).toBeGreaterThanOrEqual(firstPage.at(-1)!));
    await user.click(within(priceHeader).getByRole('button'));
    expect(priceHeader.getAttribute('aria-sort')).toBe('descending');
    // A new order starts again from the first page.
    await waitFor(() => expect(screen.getByText('Page 1')).toBeTruthy());
    await waitFor(() => {
      const desc = prices();
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      expect(desc[0]).toBeGreaterThan(firstPage.at(-1)!);
    });
  });

  it('bulk-archives the selected products on Growth', async () => {
    const user = userEvent.setup();
    await renderStory(Growth);
    await user.click(await screen.findByRole('checkbox', { name: `Select ${growthFirst.title}` }));
    await user.click(screen.getByRole('checkbox', { name: `Select ${growthSecond.title}` }));
    expect(screen.getByText('2 selected')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Archive selected' }));
    // Nothing is archived until the confirmation.
    const confirm = screen.getByRole('group', { name: 'Archive selected' });
    expect(within(confirm).getByText('Archive 2 products?')).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Yes, archive' }));
    expect(await screen.findByText('2 products archived.')).toBeTruthy();
    await waitFor(() => {
      const row = screen.getByRole('checkbox', { name: `Select ${growthFirst.title}` }).closest('tr')!;
      expect(within(row).getByText('Archived')).toBeTruthy();
    });
    expect(screen.queryByText('2 selected')).toBeNull();
    // Undo restores both.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('2 products restored.')).toBeTruthy();
    const row = screen.getByRole('checkbox', { name: `Select ${growthSecond.title}` }).closest('tr')!;
    expect(within(row).queryByText('Archived')).toBeNull();
  });

  it('offers an upgrade instead of bulk archive on Starter', async () => {
    const user = userEvent.setup();
    await renderStory(Starter);
    await user.click(await screen.findByRole('checkbox', { name: 'Select all products on this page' }));
    expect(screen.getByText('10 selected')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Archive selected' })).toBeNull();
    const prompt = await screen.findByRole('region', { name: 'Not in your plan: Bulk operations' });
    expect(within(prompt).getByText(/Available on the Commerce Growth plan/)).toBeTruthy();
    expect(within(prompt).getByRole('button', { name: 'Upgrade to Commerce Growth' })).toBeTruthy();
  });

  it('archives one row', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await user.click(await screen.findByRole('button', { name: `Archive ${growthFirst.title}` }));
    const confirm = screen.getByRole('group', { name: `Archive ${growthFirst.title}` });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByText(`${growthFirst.title} archived.`)).toBeNull();

    await user.click(screen.getByRole('button', { name: `Archive ${growthFirst.title}` }));
    await user.click(screen.getByRole('button', { name: 'Yes, archive' }));
    expect(await screen.findByText(`${growthFirst.title} archived.`)).toBeTruthy();
    expect(await screen.findByRole('button', { name: `Restore ${growthFirst.title}` })).toBeTruthy();
    // Undo brings it back; the next action clears the notice.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText(`${growthFirst.title} restored.`)).toBeTruthy();
    // Back on sale, as it was (restoring alone would leave a draft).
    expect(growthFirst.status).toBe('active');
    await waitFor(() => {
      const row = screen.getByRole('checkbox', { name: `Select ${growthFirst.title}` }).closest('tr')!;
      expect(within(row).getByText('Active')).toBeTruthy();
    });
    await user.click(await screen.findByRole('button', { name: `Archive ${growthFirst.title}` }));
    expect(screen.queryByText(`${growthFirst.title} restored.`)).toBeNull();
  });

  it('shows the product usage in the header and warns near the limit', async () => {
    await renderStory(NearLimit);
    expect(await screen.findByText('950 / 1,000')).toBeTruthy();
    expect(screen.getByText(/Nearing your limit/)).toBeTruthy();
    expect(screen.getByText('Startup')).toBeTruthy();
  });

  it('shows an upgrade prompt instead of the create form at the limit', async () => {
    const user = userEvent.setup();
    await renderStory(AtLimit);
    await screen.findByText('1,000 / 1,000');
    await user.click(screen.getByRole('button', { name: 'Add product' }));
    const prompt = await screen.findByRole('region', { name: 'You have reached your products limit' });
    expect(within(prompt).getByText(/Available on the Commerce Growth plan/)).toBeTruthy();
    expect(within(prompt).getByText(/\$499\/mo/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create product' })).toBeNull();
  });

  it('shows the empty state', async () => {
    await renderStory(Empty);
    expect(await screen.findByText('No products yet')).toBeTruthy();
  });

  it('shows the loading state', async () => {
    await renderStory(Loading);
    expect(screen.getByRole('table', { name: 'Products' }).getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Loading…')).toBeTruthy();
  });

  it("shows the problem's code and detail on error, with a retry", async () => {
    await renderStory(ErrorState);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The catalogue is temporarily unavailable.')).toBeTruthy();
    expect(within(alert).getByText('Error code: internal_error')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('applies the dark brand theme as CSS variables', async () => {
    const { container } = await renderStory(NocturneDark);
    const root = container.querySelector('.as-root') as HTMLElement;
    expect(root.dataset.asScheme).toBe('dark');
    expect(root.style.getPropertyValue('--as-color-primary')).toBe('#7c3aed');
  });
});
