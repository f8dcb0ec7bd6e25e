import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/suite/worker-bundles.ts'],
          testTimeout: 30_000,
          // Files and tests in a random order (vitest prints the seed; `npm test -- --seed N` repeats
          // an order), so a test that leans on another's leftovers fails where it is written.
          // Two files at a time on the two cores, before the end-to-end files (groupOrder), which
          // then have the machine to themselves.
          sequence: { shuffle: true, groupOrder: 0 },
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/clone/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/suite/worker-bundles.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
