import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  entry: {
    index: 'src/index.ts',
    'schemas/index': 'src/schemas/index.ts',
    'contract/index': 'src/contract/index.ts',
    'catalog/index': 'src/catalog/index.ts',
    'mocks/index': 'src/mocks/index.ts',
  },
  dts: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // msw is an optional peer of the mocks entry; zod a dependency. Neither is bundled.
  external: ['msw', 'zod'],
};

export default defineConfig([
  // ESM keeps ky as an import: bundlers then tree-shake it away from imports that do not need
  // the client (ky declares `sideEffects: false`), and apps share one copy.
  { ...shared, format: ['esm'], external: [...(shared.external ?? []), 'ky'], splitting: true },
  // ky ships ESM only, so `require('@agentstack/sdk')` needs it inlined.
  { ...shared, format: ['cjs'], noExternal: ['ky'] },
]);
