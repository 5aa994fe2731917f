// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AgentStack } from '@agentstack/sdk';
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  AgentStackProvider,
  createTranslator,
  ProductTable,
  platformKeys,
  productKeys,
  themeFromBrand,
  themeToCssVariables,
} from '../src/index';

const pkg = fileURLToPath(new URL('..', import.meta.url));

describe('server side (no DOM)', () => {
  it('imports and renders without window or document', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const client = new AgentStack({ apiKey: 'sk_test_ssr', baseUrl: 'http://localhost:4000' });
    const html = renderToString(
      <AgentStackProvider client={client} queryClient={new QueryClient()}>
        <ProductTable />
      </AgentStackProvider>,
    );
    expect(html).toContain('as-root');
    expect(html).toContain('Products');
  });

  it.skipIf(!existsSync(`${pkg}/dist/index.js`))('the built ESM and CJS entries load in plain Node', () => {
    const esm = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('@agentstack/react'); console.log(typeof m.ProductTable)",
      ],
      { cwd: pkg, encoding: 'utf8' },
    );
    expect(esm.trim()).toBe('function');
    const cjs = execFileSync(
      process.execPath,
      ['-e', "console.log(typeof require('@agentstack/react').AgentStackProvider)"],
      { cwd: pkg, encoding: 'utf8' },
    );
    expect(cjs.trim()).toBe('function');
  });
});

describe('typed query keys', () => {
  it('are plain arrays under the kit root (their types: src/hooks/queryKeys.test-d.ts)', () => {
    expect(productKeys.detail('prod_1')).toEqual(['agentstack', 'commerce', 'products', 'detail', 'prod_1']);
    expect(platformKeys.entitlements()).toEqual(['agentstack', 'platform', 'entitlements']);
  });
});

describe('messages and theme', () => {
  it('interpolates and overrides messages', () => {
    const t = createTranslator({ 'products.selectedCount': '{{count}} ausgewählt' });
    expect(t('products.selectedCount', { count: 3 })).toBe('3 ausgewählt');
    expect(t('products.title')).toBe('Products');
    // @ts-expect-error a message with placeholders needs its variables
    t('products.selectedCount');
  });

  it('builds a theme from a brand', () => {
    const theme = themeFromBrand({
      name: 'Acme',
      logoUrl: null,
      primaryColor: '#fde047',
      accentColor: '#0ea5e9',
      colorScheme: 'dark',
    });
    expect(theme.colorScheme).toBe('dark');
    expect(theme.brandName).toBe('Acme');
    const vars = themeToCssVariables(theme);
    expect(vars['--as-color-primary']).toBe('#fde047');
    expect(vars['--as-color-primary-foreground']).toBe('#0b1020');
    expect(themeToCssVariables(undefined)).toEqual({});
  });
});
