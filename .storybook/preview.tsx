import '@fontsource-variable/inter';
import '../packages/react/src/styles.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { AgentStackProvider, themeFromBrand } from '../packages/react/src';
import { SAMPLE_BRANDS } from './brands';
import { DocsPage } from './DocsPage';
import {
  type DemoBrand,
  type DemoParameters,
  type DemoTier,
  demoRouter,
  demoSession,
  resetDemoSessions,
} from './mockApi';
import { agentStackTheme } from './theme';

const withAgentStack: Decorator = (Story, context) => {
  const tier = (context.globals.tier ?? 'growth') as DemoTier;
  const brand = (context.globals.brand ?? 'aurora') as DemoBrand;
  const params = (context.parameters.agentstack ?? {}) as DemoParameters;
  const { client, queryClient } = demoSession(context.id, tier, brand, params);
  const theme = themeFromBrand(SAMPLE_BRANDS[brand] ?? SAMPLE_BRANDS.aurora);
  // Full-page stories (whole dashboards) bring their own layout.
  const fullPage = context.parameters.fullPage === true;
  return (
    <AgentStackProvider
      key={`${context.id}|${tier}|${brand}`}
      client={client}
      queryClient={queryClient}
      theme={theme}
      onUpgrade={(upgrade) => {
        // The demo has no billing page: say what would happen.
        console.info(`[demo] upgrade to ${upgrade.kind} ${upgrade.id} (${upgrade.name})`);
      }}
    >
      {fullPage ? (
        <Story />
      ) : (
        <div style={{ background: 'var(--as-color-background)', padding: 24, minHeight: '100vh' }}>
          <Story />
        </div>
      )}
    </AgentStackProvider>
  );
};

/**
 * The toolbar picks the tenant's tier (starter / growth / enterprise) and the white-label brand
 * (aurora, light / nocturne, dark / solstice, warm light); every story runs against the sdk's msw
 * mock API for them. Every component gets a docs page from its TSDoc (autodocs).
 */
const preview: Preview = {
  globalTypes: {
    tier: {
      description: 'Plan tier of the demo tenant',
      toolbar: {
        title: 'Tier',
        icon: 'star',
        items: [
          { value: 'starter', title: 'Starter (commerce Startup)' },
          { value: 'growth', title: 'Growth (commerce Growth)' },
          { value: 'enterprise', title: 'Enterprise (commerce Enterprise)' },
        ],
        dynamicTitle: true,
      },
    },
    brand: {
      description: 'White-label brand',
      toolbar: {
        title: 'Brand',
        icon: 'paintbrush',
        items: [
          { value: 'aurora', title: 'Aurora (light)' },
          { value: 'nocturne', title: 'Nocturne (dark)' },
          { value: 'solstice', title: 'Solstice (warm, light)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { tier: 'growth', brand: 'aurora' },
  loaders: [mswLoader()],
  beforeEach(context) {
    resetDemoSessions(context.id);
    context.msw.use(demoRouter);
  },
  decorators: [withAgentStack],
  tags: ['autodocs'],
  parameters: {
    docs: { page: DocsPage, theme: agentStackTheme },
    options: {
      storySort: { order: ['Introduction', 'Dashboards', 'Commerce', 'Platform', '*'] },
    },
    layout: 'fullscreen',
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
