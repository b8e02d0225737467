import { defineConfig } from 'vitest/config';

// Browser tests: the built site (dist/) served on 127.0.0.1 and driven with headless Chromium
// through playwright-core. One file at a time: SwiftShader rendering is CPU-bound.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
