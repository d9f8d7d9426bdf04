import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the real server (embedded PostgreSQL, demo city) started once in
// globalSetup, the built UI, and Debian's Chromium driven by playwright-core. Files run one after
// another: they share one server and the machine is small.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    minWorkers: 1,
  },
});
