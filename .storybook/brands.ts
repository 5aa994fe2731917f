import type { Brand } from '@agentstack/sdk';
import { DEMO_BRANDS } from '@agentstack/sdk/catalog';

const svg = (markup: string) => `data:image/svg+xml,${encodeURIComponent(markup)}`;

/**
 * The white-label brands of the Storybook toolbar: the sdk's two demo brands (Aurora, light teal;
 * Nocturne, dark violet) and Solstice, a warm light brand, to show a third agency's look.
 */
export const SAMPLE_BRANDS = {
  // The API takes only https: logos, so the sdk's demo brands carry none; Storybook's toolbar
  // brands show inline logos (no network needed) to look like a real agency's.
  aurora: {
    ...DEMO_BRANDS.aurora,
    logoUrl: svg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#0f766e"/><path d="M7 21c4-9 14-9 18 0" stroke="#5eead4" stroke-width="3" fill="none" stroke-linecap="round"/></svg>',
    ),
  },
  nocturne: {
    ...DEMO_BRANDS.nocturne,
    logoUrl: svg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#1e1b4b"/><path d="M20 6a10 10 0 1 0 6 16A8 8 0 0 1 20 6z" fill="#a78bfa"/></svg>',
    ),
  },
  solstice: {
    name: 'Solstice Market',
    logoUrl: null,
    primaryColor: '#c2410c',
    accentColor: '#0e7490',
    colorScheme: 'light',
  },
} as const satisfies Record<string, Brand>;

/** The name of a sample brand of the toolbar. */
export type SampleBrandName = keyof typeof SAMPLE_BRANDS;
