import { defineConfig } from 'vitest/config';

/**
 * Smoke tests of the Electron shell without the Electron binary: the built main process and
 * preload (out/) run in Node against a fake `electron` module. The global setup builds first.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/smoke/**/*.test.ts'],
    globalSetup: ['tests/smoke/build-app.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
