import type { Brand } from '@agentstack/sdk';
import { DEMO_BRANDS } from '@agentstack/sdk/catalog';

/**
 * The white-label brands of the Storybook toolbar: the sdk's two demo brands (Aurora, light teal;
 * Nocturne, dark violet) and Solstice, a warm light brand, to show a third agency's look.
 */
export const SAMPLE_BRANDS = {
  ...DEMO_BRANDS,
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
