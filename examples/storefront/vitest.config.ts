import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    // One browser suite at a time: each starts servers and Chromium, and CI has two cores.
    fileParallelism: false,
    // Starting PGlite, seeding (scrypt) and launching Chromium take seconds.
    hookTimeout: 180_000,
    testTimeout: 300_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
