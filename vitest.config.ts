import { defineConfig } from 'vitest/config';

// Two projects, one `npm test`:
// - unit: shared/ and server/ on one real PostgreSQL (embedded unless DATABASE_URL is set), migrated
//   once in globalSetup; every test builds its own units and users, so files run in parallel safely;
// - e2e: the real server with the demo city and the built UI, driven in Debian's Chromium
//   (vitest.e2e.config.ts; skipped with a printed reason where no Chromium is installed).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      './vitest.e2e.config.ts',
    ],
  },
});
