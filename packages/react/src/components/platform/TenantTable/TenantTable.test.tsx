import { composeStories } from '@storybook/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import { server } from '../../../../test/server';
import * as stories from './TenantTable.stories';

const { Default, Starter, Empty, Loading, ErrorState, TenantKey, NocturneDark } = composeStories(stories);

const table = () => screen.getByRole('table', { name: 'Tenants' });
const rowOf = (name: string) => within(table()).getByText(name).closest('tr')!;
const names = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('.as-product-cell__title')?.textContent ?? '');

describe('TenantTable', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('lists tenants newest first with agency, plans per domain, add-ons and dates', async () => {
    await renderStory(Default);
    await screen.findByText('Northwind Living');
    expect(names()).toEqual(['Northwind Living', 'Harbour Goods']);
    const growth = rowOf('Harbour Goods');
    // The toolbar's tenant (growth) belongs to the Aurora agency; the others are direct.
    expect(await within(growth).findByText('Aurora Commerce')).toBeTruthy();
    expect(within(rowOf('Northwind Living')).getByText('Direct')).toBeTruthy();
    const badges = [...growth.querySelectorAll('.as-plan-badge')].map((b) => b.getAttribute('data-plan-id'));
    expect(badges).toEqual(['growth', 'commerce_growth', 'fintech_scaling', 'social_network']);
    expect(within(growth).getByText('Commerce plan: Growth')).toBeTruthy();
    expect(await within(growth).findByText('Advanced analytics')).toBeTruthy();
    expect(within(growth).getByText('Jan 6, 2026')).toBeTruthy();
  });

  it('pages forward and back with the cursor', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await screen.findByText('Northwind Living');
    expect(screen.getByRole('button', { name: 'Previous page' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(names()).toEqual(['Kiln & Crumb']));
    expect(screen.getByText('Page 2')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(names()).toEqual(['Northwind Living', 'Harbour Goods']));
  });

  it("edits a tenant's plans and add-ons", async () => {
    const user = userEvent.setup();
    await renderStory(Starter);
    await screen.findByText('Harbour Goods');
    await user.click(screen.getByRole('button', { name: 'Edit Harbour Goods' }));
    const form = await screen.findByRole('form', { name: 'Plans of Harbour Goods' });
    const commerce = within(form).getByLabelText('Commerce plan') as HTMLSelectElement;
    await waitFor(() => expect(within(commerce).getAllByRole('option').length).toBe(4));
    expect(commerce.value).toBe('commerce_growth');
    await user.selectOptions(commerce, 'commerce_enterprise');
    await user.click(within(form).getByRole('checkbox', { name: 'ERP integration' }));
    // No social plan: its add-ons cannot be chosen.
    await user.selectOptions(within(form).getByLabelText('Social plan'), '');
    expect(
      within(form).getByRole('checkbox', { name: /Live streaming \(needs a social plan\)/ }),
    ).toHaveProperty('disabled', true);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Harbour Goods updated.');
    expect(screen.queryByRole('form')).toBeNull();
    await waitFor(() => {
      const badges = [...rowOf('Harbour Goods').querySelectorAll('.as-plan-badge')].map((b) =>
        b.getAttribute('data-plan-id'),
      );
      expect(badges).toEqual(['growth', 'commerce_enterprise', 'fintech_scaling', null]);
    });
    expect(within(rowOf('Harbour Goods')).getByText('Advanced analytics, ERP integration')).toBeTruthy();
    // The notice goes away with the next action.
    await user.click(screen.getByRole('button', { name: 'Edit Northwind Living' }));
    expect(screen.queryByText('Harbour Goods updated.')).toBeNull();
  });

  it('cancels an edit without a request', async () => {
    const user = userEvent.setup();
    const writes: string[] = [];
    const onRequest = ({ request }: { request: Request }) => {
      if (request.method !== 'GET') writes.push(`${request.method} ${new URL(request.url).pathname}`);
    };
    server.events.on('request:start', onRequest);
    onTestFinished(() => {
      server.events.removeListener('request:start', onRequest);
    });
    await renderStory(Default);
    await user.click(await screen.findByRole('button', { name: 'Edit Northwind Living' }));
    expect(screen.getByRole('button', { name: 'Edit Northwind Living' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    expect(writes).toEqual([]);
  });

  it('shows the empty state, without a pager', async () => {
    await renderStory(Empty);
    expect(await screen.findByText('No tenants yet')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: /^Page / })).toBeNull();
  });

  it('shows the loading state', async () => {
    await renderStory(Loading);
    expect(table().getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Loading…')).toBeTruthy();
  });

  it('shows the error with its code and a retry', async () => {
    await renderStory(ErrorState);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Tenants could not be loaded')).toBeTruthy();
    expect(within(alert).getByText('Error code: internal_error')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it("answers a tenant key with the API's 403", async () => {
    await renderStory(TenantKey);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Error code: forbidden')).toBeTruthy();
  });

  it('themes with the dark brand', async () => {
    const { container } = await renderStory(NocturneDark);
    expect((container.querySelector('.as-root') as HTMLElement).dataset.asScheme).toBe('dark');
  });
});
