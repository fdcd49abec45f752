import { defineConfig } from 'vitest/config';

/**
 * Tests that connect real libdatachannel peers. They run as a project of their own, one file at a
 * time after the rest of the unit run: under the load of many test files at once on two cores,
 * libdatachannel 0.24.5 intermittently refuses a description (see LIBDATACHANNEL_RETRY).
 */
const LIBDATACHANNEL_TESTS = ['test/core/signal/libdatachannel.test.ts', 'test/core/app/**/*.test.ts', 'test/cli/**/*.peers.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/ui/**/*.test.ts', 'test/pwa/**/*.test.ts', 'test/bench/**/*.test.ts'],
          exclude: LIBDATACHANNEL_TESTS,
        },
      },
      {
        test: {
          name: 'peers',
          environment: 'node',
          include: LIBDATACHANNEL_TESTS,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/setup/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
