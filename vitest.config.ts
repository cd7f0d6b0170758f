import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs the pure core over fixtures with no servers; `integration` talks to real
// PostgreSQL, Redis, Dovecot, SMTP and Chromium and runs its files one at a time (they share servers).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
    ],
  },
});
