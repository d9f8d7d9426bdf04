import { defineConfig } from 'vitest/config';

// One real PostgreSQL for the whole run (embedded unless DATABASE_URL is set), migrated once in
// globalSetup; every test builds its own units and users, so files run in parallel safely.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
