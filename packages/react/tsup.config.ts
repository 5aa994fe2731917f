import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineConfig } from 'tsup';

const IMPORT = /^@import ["']([^"']+)["'];$/gm;
const LAYER = '@layer agentstack {';

/**
 * The stylesheet ships as one file: `src/styles.css` is an index of `@import`s (the theme tokens,
 * shared primitives, and the `Component.css` beside each component, each wrapped in the
 * `agentstack` layer), inlined here in order into one layer block. Plain CSS: no bundler needed.
 */
export function bundleCss(entry: string): string {
  const index = readFileSync(entry, 'utf8');
  const parts = [...index.matchAll(IMPORT)].map(([, path]) => {
    const css = readFileSync(join(dirname(entry), path as string), 'utf8');
    const start = css.indexOf(LAYER);
    if (start < 0) throw new Error(`${path}: rules must sit in ${LAYER} … }`);
    return css.slice(start + LAYER.length, css.lastIndexOf('}')).replace(/^\n+|\s+$/g, '');
  });
  const header = index.slice(0, index.search(/^@layer agentstack;$/m));
  return `${header}${LAYER}\n${parts.join('\n\n')}\n}\n`;
}

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', /^@agentstack\/sdk/],
  onSuccess: async () => {
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/styles.css', bundleCss('src/styles.css'));
  },
});
