import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // A first test pays for loading its modules (the Twilio SDK, Prisma): room for that on a busy 2-core machine.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'web/test/unit/**/*.test.ts'], environment: 'node', testTimeout: 15_000 } },
      // `npm run bench`: performance as ratios within one run, never as timed assertions in tests.
      { test: { name: 'bench', include: [], benchmark: { include: ['test/bench/**/*.bench.ts'] }, environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Fault injection against Parley's real processes (docs/reliability.md): one file at a time, each a few minutes.
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 900_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts', 'test/support/build-web.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
