import { create } from 'storybook/theming';

/** Storybook's own chrome in AgentStack's brand: the sales demo is AgentStack's, the stories white-label. */
export const agentStackTheme = create({
  base: 'light',
  brandTitle: 'AgentStack — the white-label React kit',
  brandUrl: '?path=/docs/introduction--docs',
  brandImage: './agentstack-logo.svg',
  brandTarget: '_self',
  colorPrimary: '#4338ca',
  colorSecondary: '#4f46e5',
  appBg: '#f6f7fb',
  appContentBg: '#ffffff',
  appPreviewBg: '#ffffff',
  appBorderColor: '#e2e8f0',
  appBorderRadius: 8,
  barBg: '#ffffff',
  barTextColor: '#475569',
  barSelectedColor: '#4338ca',
  barHoverColor: '#4338ca',
  textColor: '#0f172a',
  textMutedColor: '#475569',
  inputBorderRadius: 6,
  fontBase:
    '"Inter Variable", Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontCode: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
});
