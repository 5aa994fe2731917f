// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleCss } from '../tsup.config';

const src = fileURLToPath(new URL('../src', import.meta.url));
const cssFiles = (readdirSync(src, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.css') && f !== 'styles.css')
  .map((f) => f.split('\\').join('/'));

describe('the stylesheet', () => {
  const index = readFileSync(join(src, 'styles.css'), 'utf8');
  const imported = [...index.matchAll(/^@import ["']\.\/([^"']+)["'];$/gm)].map((m) => m[1]);

  it('imports every component stylesheet, once', () => {
    expect(imported.length).toBeGreaterThan(10);
    expect([...imported].sort()).toEqual([...cssFiles].sort());
  });

  it('keeps every rule in the agentstack layer and every class under the as- prefix', () => {
    for (const file of cssFiles) {
      const css = readFileSync(join(src, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(css.trim().startsWith('@layer agentstack {'), file).toBe(true);
      expect(css.trim().endsWith('}'), file).toBe(true);
      const classes = css.match(/\.[a-z][\w-]*/g) ?? [];
      expect(
        classes.filter((c) => !c.startsWith('.as-') && !/^\.\d/.test(c)),
        relative(src, join(src, file)),
      ).toEqual([]);
    }
  });

  it('bundles into one file with no imports left, the tokens first', () => {
    const bundled = bundleCss(join(src, 'styles.css'));
    expect(bundled).not.toMatch(/@import/);
    expect(bundled.indexOf('--as-color-primary:')).toBeLessThan(bundled.indexOf('.as-button'));
    expect(bundled).toContain('.as-product-table');
  });
});
