import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'schemas/index': 'src/schemas/index.ts',
    'catalog/index': 'src/catalog/index.ts',
    'mocks/index': 'src/mocks/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // ky ships ESM only: inline it so `require('@agentstack/sdk')` works. msw is an optional peer
  // of the mocks entry and stays external; zod is a dependency and stays external.
  noExternal: ['ky'],
  external: ['msw', 'zod'],
  splitting: true,
  treeshake: true,
});
