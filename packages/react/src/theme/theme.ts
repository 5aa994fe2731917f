import type { Brand } from '@agentstack/sdk';

/**
 * Appearance tokens, in the spirit of Stripe's appearance API: each one becomes a CSS variable
 * (`colorPrimary` → `--as-color-primary`) on the provider's root element, so anything the tokens
 * do not reach can still be styled with the stable `as-` class names inside `@layer agentstack`.
 */
export interface ThemeVariables {
  /** Buttons, links, focus ring, selected states. */
  colorPrimary: string;
  /** Text on `colorPrimary`. */
  colorPrimaryForeground: string;
  /** A secondary brand colour for highlights (badges, meters). */
  colorAccent: string;
  /** The page behind the components. */
  colorBackground: string;
  /** Cards, tables, inputs. */
  colorSurface: string;
  /** Table headers, hovered rows, subtle fills. */
  colorSurfaceMuted: string;
  colorText: string;
  /** Secondary text, placeholders, captions. */
  colorTextMuted: string;
  colorBorder: string;
  colorDanger: string;
  colorSuccess: string;
  colorWarning: string;
  /** The focus outline. Defaults to `colorPrimary`. */
  colorFocusRing: string;
  /**
   * The text font. Defaults to `"Inter Variable", Inter`, then the system UI font: load Inter in the
   * host app (e.g. `import '@fontsource-variable/inter'`) to ship it with the app, or set a brand's.
   */
  fontFamily: string;
  /** Monospace font for SKUs, ids, codes. */
  fontFamilyMono: string;
  /** The base font size; other sizes scale from it. Defaults to `14px`. */
  fontSizeBase: string;
  /** Corner radius of buttons, inputs and cards. Defaults to `8px`. */
  borderRadius: string;
  /** The spacing step; paddings and gaps are multiples of it. Defaults to `4px`. */
  spacingUnit: string;
  /** Elevation of cards and popovers. */
  shadow: string;
}

/** The theme accepted by `AgentStackProvider`. Every field is optional. */
export interface AgentStackTheme {
  /** Picks the light or dark defaults for tokens not given. Defaults to `light`. */
  colorScheme?: 'light' | 'dark';
  /** Token overrides; those omitted fall back to the scheme's defaults (set in `styles.css`). */
  variables?: Partial<ThemeVariables>;
  /** The product name shown in headings, if any. Components never show a vendor name otherwise. */
  brandName?: string;
  /** A logo URL for components that show one. */
  logoUrl?: string | null;
}

// Inter first: a host that bundles it (e.g. `@fontsource-variable/inter`) looks the same on every
// machine and offline; without it the system's UI font takes over.
const fontStack =
  '"Inter Variable", Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const monoStack = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/** The light defaults (the same values `styles.css` declares). */
export const lightThemeVariables: ThemeVariables = {
  colorPrimary: '#4f46e5',
  colorPrimaryForeground: '#ffffff',
  colorAccent: '#0ea5e9',
  colorBackground: '#f8fafc',
  colorSurface: '#ffffff',
  colorSurfaceMuted: '#f1f5f9',
  colorText: '#0f172a',
  colorTextMuted: '#475569',
  colorBorder: '#e2e8f0',
  colorDanger: '#dc2626',
  colorSuccess: '#16a34a',
  colorWarning: '#d97706',
  colorFocusRing: '#4f46e5',
  fontFamily: fontStack,
  fontFamilyMono: monoStack,
  fontSizeBase: '14px',
  borderRadius: '8px',
  spacingUnit: '4px',
  shadow: '0 1px 2px rgb(15 23 42 / 0.06), 0 1px 3px rgb(15 23 42 / 0.1)',
};

/** The dark defaults (the same values `styles.css` declares under `[data-as-scheme="dark"]`). */
export const darkThemeVariables: ThemeVariables = {
  ...lightThemeVariables,
  colorPrimary: '#818cf8',
  colorPrimaryForeground: '#0b1020',
  colorAccent: '#38bdf8',
  colorBackground: '#0b1020',
  colorSurface: '#131a2e',
  colorSurfaceMuted: '#1b2440',
  colorText: '#e2e8f0',
  colorTextMuted: '#94a3b8',
  colorBorder: '#26304d',
  colorDanger: '#f87171',
  colorSuccess: '#4ade80',
  colorWarning: '#fbbf24',
  colorFocusRing: '#818cf8',
  shadow: '0 1px 2px rgb(0 0 0 / 0.4), 0 2px 6px rgb(0 0 0 / 0.35)',
};

/** `colorPrimaryForeground` → `--as-color-primary-foreground`. */
export function cssVariableName(token: keyof ThemeVariables): `--as-${string}` {
  return `--as-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * The CSS custom properties for a theme's explicit variables, for a `style` attribute. Only the
 * tokens the theme sets are emitted, so host stylesheets can still override the defaults.
 */
export function themeToCssVariables(theme: AgentStackTheme | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!theme?.variables) return out;
  for (const [token, value] of Object.entries(theme.variables)) {
    if (value != null && value !== '') out[cssVariableName(token as keyof ThemeVariables)] = value;
  }
  return out;
}

function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** `#000000` or `#ffffff`, whichever reads better on `hex` (WCAG contrast). */
export function readableForeground(hex: string): string {
  const l = relativeLuminance(hex);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#0b1020';
}

/**
 * A theme from a white-label `Brand` (as served by `GET /v1/platform/brand`): its colours, its
 * colour scheme, its name and logo.
 * @example <AgentStackProvider client={client} theme={themeFromBrand(brand)} />
 */
export function themeFromBrand(brand: Brand, overrides?: Partial<ThemeVariables>): AgentStackTheme {
  return {
    colorScheme: brand.colorScheme,
    brandName: brand.name,
    logoUrl: brand.logoUrl,
    variables: {
      colorPrimary: brand.primaryColor,
      colorPrimaryForeground: readableForeground(brand.primaryColor),
      colorAccent: brand.accentColor,
      colorFocusRing: brand.primaryColor,
      ...overrides,
    },
  };
}
