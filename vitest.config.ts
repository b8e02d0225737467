import { defineConfig } from 'vitest/config';

// Unit tests run on the pure-JS cpu backend with tiny shapes; browser tests live in tests/e2e.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
