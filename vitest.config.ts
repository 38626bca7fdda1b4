import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          globalSetup: ['tests/system-check.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/system-check.ts', 'tests/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // Browser tests and fixture builds are heavy on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
