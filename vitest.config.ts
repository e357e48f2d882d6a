import { defineConfig } from 'vitest/config';

/** Test configuration: node environment, generous timeouts for the loopback integration tests. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
