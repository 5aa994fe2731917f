import { DEMO_BRANDS } from '@agentstack/sdk/catalog';
import { composeStories } from '@storybook/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import { server } from '../../../../test/server';
import * as stories from './BrandEditor.stories';

const { Default, NocturneDark, Loading, ErrorState, ServerValidation } = composeStories(stories);

const preview = () => screen.getByTestId('brand-preview').closest('.as-root') as HTMLElement;
const hex = (label: string) => screen.getByRole('textbox', { name: label }) as HTMLInputElement;

/** Records the JSON bodies of PATCH requests to the agencies endpoint. */
function recordPatches() {
  const bodies: unknown[] = [];
  const listener = async ({ request }: { request: Request }) => {
    if (request.method === 'PATCH' && request.url.includes('/v1/platform/agencies/'))
      bodies.push(await request.clone().json());
  };
  server.events.on('request:start', listener);
  return bodies;
}
afterEach(() => server.events.removeAllListeners());

describe('BrandEditor', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it("starts from the agency's brand and previews it", async () => {
    await renderStory(Default);
    const aurora = DEMO_BRANDS.aurora;
    expect(((await screen.findByLabelText('Name')) as HTMLInputElement).value).toBe(aurora.name);
    expect(hex('Primary colour').value).toBe(aurora.primaryColor);
    expect((screen.getByLabelText('Primary colour picker') as HTMLInputElement).value).toBe(
      aurora.primaryColor,
    );
    expect(screen.getByRole('radio', { name: 'Light' })).toHaveProperty('checked', true);
    expect(preview().style.getPropertyValue('--as-color-primary')).toBe(aurora.primaryColor);
    expect(within(screen.getByTestId('brand-preview')).getByText(aurora.name)).toBeTruthy();
  });

  it('updates the live preview as the brand is edited', async () => {
    const user = userEvent.setup();
    await renderStory(Default);
    await screen.findByLabelText('Name');
    await user.clear(hex('Primary colour'));
    await user.type(hex('Primary colour'), '#be123c');
    expect(preview().style.getPropertyValue('--as-color-primary')).toBe('#be123c');
    expect(preview().style.getPropertyValue('--as-color-primary-foreground')).toBe('#ffffff');
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Crimson Co');
    expect(within(screen.getByTestId('brand-preview')).getByText('Crimson Co')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(preview().dataset.asScheme).toBe('dark');
  });

  it('saves only the changed fields, as a PATCH of the brand', async () => {
    const user = userEvent.setup();
    const patches = recordPatches();
    await renderStory(Default);
    await screen.findByLabelText('Name');
    await user.clear(hex('Accent colour'));
    await user.type(hex('Accent colour'), '#22c55e');
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await user.click(screen.getByRole('button', { name: 'Save brand' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Brand saved.'));
    expect(patches).toEqual([{ brand: { accentColor: '#22c55e', colorScheme: 'dark' } }]);
    expect(Default.args.onSaved).toHaveBeenCalledWith(
      expect.objectContaining({
        brand: expect.objectContaining({ accentColor: '#22c55e', colorScheme: 'dark' }),
      }),
    );
    // The form starts again from the saved brand: nothing left to discard.
    expect(hex('Accent colour').value).toBe('#22c55e');
    expect(screen.getByRole('button', { name: 'Discard changes' })).toHaveProperty('disabled', true);
  });

  it('marks a bad colour on its field and sends nothing', async () => {
    const user = userEvent.setup();
    const patches = recordPatches();
    await renderStory(Default);
    await screen.findByLabelText('Name');
    await user.clear(hex('Primary colour'));
    await user.type(hex('Primary colour'), '#12zz45');
    await user.click(screen.getByRole('button', { name: 'Save brand' }));
    const field = hex('Primary colour');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(error.textContent).toBe('Enter a colour as #rrggbb, e.g. #0f766e');
    expect(hex('Accent colour').getAttribute('aria-invalid')).toBeNull();
    // The preview keeps the last valid colour.
    expect(preview().style.getPropertyValue('--as-color-primary')).toBe(DEMO_BRANDS.aurora.primaryColor);
    expect(patches).toEqual([]);
  });

  it("shows the API's validation errors field by field", async () => {
    const user = userEvent.setup();
    await renderStory(ServerValidation);
    // A well-formed https URL, so the form sends it and the API's answer is what marks the field.
    const logo = await screen.findByLabelText('Logo URL');
    await user.clear(logo);
    await user.type(logo, 'https://cdn.example.com/logo.svg');
    await user.click(screen.getByRole('button', { name: 'Save brand' }));
    await waitFor(() => expect(logo.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(logo.getAttribute('aria-describedby')!)!.textContent).toBe(
      'The logo host is not allowed.',
    );
    expect(screen.getByRole('alert').textContent).toBe('Check the highlighted fields.');
  });

  it('shows the dark brand dark', async () => {
    await renderStory(NocturneDark);
    await screen.findByLabelText('Name');
    expect(screen.getByRole('radio', { name: 'Dark' })).toHaveProperty('checked', true);
    expect(preview().dataset.asScheme).toBe('dark');
  });

  it('shows the loading and error states', async () => {
    await renderStory(Loading);
    expect(await screen.findByText('Loading…')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Brand' }).getAttribute('aria-busy')).toBe('true');
  });

  it('shows the error', async () => {
    await renderStory(ErrorState);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The brand could not be loaded')).toBeTruthy();
    expect(within(alert).getByText('Error code: not_found')).toBeTruthy();
  });
});
