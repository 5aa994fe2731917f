import { copyFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    // import.meta.url in the CJS build too (the PGlite snapshot is found next to the bundle).
    shims: true,
    target: 'node20',
    sourcemap: true,
    // Embedded PGlite runs in a worker thread from this script, found beside the bundles
    // (src/db/pgliteThread.ts). Plain JavaScript, shipped as it is.
    async onSuccess() {
      copyFileSync('src/db/pglite-worker.mjs', 'dist/pglite-worker.mjs');
    },
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
  },
]);
