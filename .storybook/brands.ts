import type { Brand } from '@agentstack/sdk';
import { DEMO_BRANDS } from '@agentstack/sdk/catalog';

const svg = (markup: string) => `data:image/svg+xml,${encodeURIComponent(markup)}`;

/**
 * The white-label brands of the Storybook toolbar: the sdk's two demo brands (Aurora, light teal;
 * Nocturne, dark violet) and Solstice, a warm light brand, to show a third agency's look.
 */
export const SAMPLE_BRANDS = {
  ...DEMO_BRANDS,
  solstice: {
    name: 'Solstice Market',
    logoUrl: svg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="16" fill="#c2410c"/><circle cx="16" cy="18" r="6" fill="#fed7aa"/><path d="M6 24h20" stroke="#fed7aa" stroke-width="2.5" stroke-linecap="round"/></svg>',
    ),
    primaryColor: '#c2410c',
    accentColor: '#0e7490',
    colorScheme: 'light',
  },
} as const satisfies Record<string, Brand>;

/** The name of a sample brand of the toolbar. */
export type SampleBrandName = keyof typeof SAMPLE_BRANDS;
