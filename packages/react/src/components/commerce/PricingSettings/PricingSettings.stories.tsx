import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { expect, userEvent, within } from 'storybook/test';
import {
  api,
  listHandler,
  pendingHandler,
  problem,
  unavailableHandler,
  withHandlers,
} from '../../../../../../.storybook/fixtures';
import {
  all,
  click,
  darkScheme,
  hides,
  type Play,
  shows,
  upgradePrompt,
} from '../../../../../../.storybook/play';
import { PricingSettings } from './PricingSettings';

const meta = {
  title: 'Commerce/PricingSettings',
  component: PricingSettings,
  args: { codePageSize: 20 },
  parameters: { agentstack: { role: 'owner' } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 1040 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PricingSettings>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The lists have loaded (a loaded machine may take seconds). */
const ready: Play = async ({ canvasElement }) => {
  await within(canvasElement).findByRole('list', { name: 'Discount codes' }, { timeout: 10_000 });
  await within(canvasElement).findByRole('list', { name: 'Regions' }, { timeout: 10_000 });
};

/** The demo's regions, shipping options and codes are there. */
const loaded: Play = all(
  ready,
  shows('Europe', 'United Kingdom', '21%', '20%'),
  shows('Standard (3–5 days)', '€4.90', 'Free from €60.00', 'Not offered'),
  shows('WELCOME10', 'SPRING5', /€5\.00 off · Minimum spend €40\.00 · 12 of 200 used/),
);

/** The dialog on screen, once open. */
const dialog = async (canvasElement: HTMLElement, name: string | RegExp) =>
  within(canvasElement).findByRole('dialog', { name });

/** Types `text` into the field labelled `label` of the open dialog, replacing what it held. */
const fill =
  (dialogName: string | RegExp, label: string | RegExp, text: string): Play =>
  async ({ canvasElement }) => {
    const input = within(await dialog(canvasElement, dialogName)).getByLabelText(label);
    await userEvent.clear(input);
    if (text) await userEvent.type(input, text);
  };

/** Clicks the button named `name` inside the open dialog. */
const press =
  (dialogName: string | RegExp, name: string | RegExp): Play =>
  async ({ canvasElement }) => {
    await userEvent.click(within(await dialog(canvasElement, dialogName)).getByRole('button', { name }));
  };

/** The field labelled `label` of the open dialog shows `error` (and is marked invalid). */
const fieldError =
  (dialogName: string | RegExp, label: string | RegExp, error: string | RegExp): Play =>
  async ({ canvasElement }) => {
    const box = within(await dialog(canvasElement, dialogName));
    await box.findByText(error);
    const input = box.getByLabelText(label);
    await expect(input.getAttribute('aria-invalid')).toBe('true');
    await expect(input.getAttribute('aria-describedby') ?? '').toContain('-err');
  };

/**
 * Commerce Growth: regions with their currency and tax rate, the shipping options of each with
 * their price and free threshold, and the discount codes with what they take off, their minimum
 * spend and their use so far. Every plan manages pricing: the server gates none of it.
 */
export const Default: Story = { globals: { tier: 'growth' }, play: loaded };

/** Commerce Startup: the same — pricing is no paid feature. */
export const Starter: Story = { globals: { tier: 'starter' }, play: loaded };

/** Commerce Enterprise. */
export const Enterprise: Story = { globals: { tier: 'enterprise' }, play: loaded };

/** The dark Nocturne brand. */
export const NocturneDark: Story = {
  globals: { brand: 'nocturne', tier: 'growth' },
  play: all(loaded, darkScheme),
};

/** The warm Solstice brand (Enterprise). */
export const SolsticeEnterprise: Story = {
  globals: { brand: 'solstice', tier: 'enterprise' },
  play: loaded,
};

/** A phone (390 px): the lists wrap, nothing scrolls sideways. */
export const Phone: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: 390 - 48, maxWidth: '100%' }}>
        <Story />
      </div>
    ),
  ],
  play: loaded,
};

/** A viewer reads pricing: no add or edit buttons, codes show their status instead of a switch. */
export const Viewer: Story = {
  parameters: { agentstack: { role: 'viewer' } },
  play: all(
    loaded,
    shows('You can see pricing but not change it.'),
    hides('You can see pricing but not change it.', 'Add region', 'Add discount code', 'Edit'),
    async ({ canvasElement }) => {
      await expect(within(canvasElement).queryAllByRole('switch')).toHaveLength(0);
    },
  ),
};

/** A moderator may not see pricing at all. */
export const NoAccess: Story = {
  parameters: { agentstack: { role: 'moderator' } },
  play: all(
    shows('Pricing is not visible to your role'),
    hides('Pricing is not visible to your role', 'Europe'),
  ),
};

/** Adding a region: name, currency, countries and tax rate; the new region shows in its list. */
export const AddRegion: Story = {
  play: all(
    loaded,
    click('Add region'),
    fill('Add a region', 'Name', 'Switzerland'),
    fill('Add a region', 'Currency', 'chf'),
    fill('Add a region', 'Countries', 'ch li'),
    fill('Add a region', 'Tax rate (%)', '8.1'),
    press('Add a region', 'Add region'),
    shows('Region Switzerland added.', '8.1%', 'CH, LI'),
  ),
};

/**
 * Every error of the API at its field: an empty name, a bad country code (named) and a rate past
 * 100 % (the API counts basis points: the field says it in percent).
 */
export const ServerErrorsAtFields: Story = {
  play: all(
    loaded,
    click('Add region'),
    fill('Add a region', 'Currency', 'EUR'),
    fill('Add a region', 'Countries', 'FR, FRA'),
    fill('Add a region', 'Tax rate (%)', '150'),
    press('Add a region', 'Add region'),
    fieldError('Add a region', 'Name', /^Too small/),
    fieldError('Add a region', 'Countries', /^FRA: must be an ISO 3166-1 alpha-2 code/),
    fieldError('Add a region', 'Tax rate (%)', 'Enter a rate from 0 to 100, such as 5.5.'),
  ),
};

/** Editing a shipping option: a new price and free threshold, saved in the region's currency. */
export const EditShippingOption: Story = {
  play: all(
    loaded,
    click('Edit Standard (3–5 days) (Europe)'),
    fill('Edit Standard (3–5 days)', 'Price (EUR)', '5.50'),
    fill('Edit Standard (3–5 days)', 'Free from (EUR, optional)', '75'),
    press('Edit Standard (3–5 days)', 'Save changes'),
    shows('Standard (3–5 days) saved.', '€5.50', 'Free from €75.00'),
  ),
};

/** A code that exists already (in any case): `409 conflict`, shown at the code. */
export const DuplicateCode: Story = {
  play: all(
    loaded,
    click('Add discount code'),
    fill('Add a discount code', 'Code', 'welcome10'),
    fill('Add a discount code', 'Percent off', '15'),
    press('Add a discount code', 'Add discount code'),
    fieldError('Add a discount code', 'Code', "A discount code 'WELCOME10' exists already."),
  ),
};

/** A fixed amount off with a minimum spend, in one of the regions' currencies. */
export const AddFixedCode: Story = {
  play: all(
    loaded,
    click('Add discount code'),
    fill('Add a discount code', 'Code', 'uk-five'),
    async ({ canvasElement }) => {
      const box = within(await dialog(canvasElement, 'Add a discount code'));
      await userEvent.click(box.getByRole('radio', { name: 'Fixed amount off' }));
      await userEvent.selectOptions(box.getByLabelText('Currency'), 'GBP');
    },
    fill('Add a discount code', 'Amount off (GBP)', '5'),
    fill('Add a discount code', 'Minimum spend (GBP, optional)', '30'),
    fill('Add a discount code', 'Usage limit (optional)', '100'),
    press('Add a discount code', 'Add discount code'),
    shows('Discount code UK-FIVE added.', /£5\.00 off · Minimum spend £30\.00 · 0 of 100 used/),
  ),
};

/** A usage limit below the redemptions so far: `409 invalid_state`, shown at the limit. */
export const LimitBelowRedemptions: Story = {
  play: all(
    loaded,
    click('Edit discount code SPRING5'),
    shows('Redeemed 12 times so far.'),
    fill('Edit discount code SPRING5', 'Usage limit (optional)', '5'),
    press('Edit discount code SPRING5', 'Save changes'),
    fieldError('Edit discount code SPRING5', 'Usage limit (optional)', /its limit cannot go below that/),
  ),
};

/** The active switch: a code turned off stays listed, struck through, and shoppers can no longer apply it. */
export const Deactivate: Story = {
  play: all(
    loaded,
    async ({ canvasElement }) => {
      await userEvent.click(await within(canvasElement).findByRole('switch', { name: 'WELCOME10 Active' }));
    },
    shows('WELCOME10 is inactive: shoppers can no longer apply it.'),
    async ({ canvasElement }) => {
      const toggle = within(canvasElement).getByRole('switch', { name: 'WELCOME10 Active' });
      await expect((toggle as HTMLInputElement).checked).toBe(false);
    },
  ),
};

/** Should the API refuse a write for the plan, the dialog shows the upgrade prompt naming what lifts it. */
export const UpgradeOnPlanError: Story = {
  ...withHandlers(
    http.post(api('/v1/commerce/regions'), () =>
      problem(403, 'feature_not_in_plan', 'Multi-market support is needed for a third currency.', {
        feature: 'commerce.multiMarket',
        upgrade: { kind: 'addon', id: 'commerce_multi_market', name: 'Multi-market support' },
      }),
    ),
  ),
  play: all(
    loaded,
    click('Add region'),
    fill('Add a region', 'Name', 'Japan'),
    fill('Add a region', 'Currency', 'JPY'),
    fill('Add a region', 'Countries', 'JP'),
    fill('Add a region', 'Tax rate (%)', '10'),
    press('Add a region', 'Add region'),
    upgradePrompt(/Multi-market/),
  ),
};

/** A new shop: nothing set up yet. */
export const Empty: Story = {
  ...withHandlers(
    listHandler('/v1/commerce/regions'),
    listHandler('/v1/commerce/shipping-options'),
    listHandler('/v1/commerce/discount-codes'),
  ),
  play: all(
    shows(
      'No regions yet',
      'Add a region first: each shipping option belongs to one.',
      'No discount codes yet',
    ),
    hides('No regions yet', 'Add shipping option'),
  ),
};

/** Waiting for the lists. */
export const Loading: Story = {
  ...withHandlers(
    pendingHandler('get', '/v1/commerce/regions'),
    pendingHandler('get', '/v1/commerce/discount-codes'),
  ),
  play: async ({ canvasElement }) => {
    const busy = await within(canvasElement).findAllByRole('status', { name: 'Loading…' });
    await expect(busy.length).toBeGreaterThan(0);
    await expect(busy[0]?.getAttribute('aria-busy')).toBe('true');
  },
};

/** The API failed: the problem's code and detail, with a retry, in place of the regions. */
export const ErrorState: Story = {
  ...withHandlers(unavailableHandler('/v1/commerce/regions', 'Pricing is temporarily unavailable.')),
  play: async ({ canvasElement }) => {
    const [alert] = await within(canvasElement).findAllByRole('alert');
    await expect(within(alert as HTMLElement).getByText('Pricing is temporarily unavailable.')).toBeTruthy();
    await expect(within(alert as HTMLElement).getByText('Error code: internal_error')).toBeTruthy();
    await expect(within(alert as HTMLElement).getByRole('button', { name: 'Try again' })).toBeTruthy();
  },
};
