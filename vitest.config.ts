import { defineConfig } from 'vitest/config';

/** Test configuration: node environment, generous timeouts for the loopback integration tests. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // two test files at a time even on a 2-core CI machine (Vitest's default there is one): most of the time goes to
    // waiting on spawned CLI and server processes, Chromium and PostgreSQL, not to the test process itself
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
});
