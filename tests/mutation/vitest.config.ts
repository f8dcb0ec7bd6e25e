import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { areaNamed } from './areas.ts';

/**
 * The vitest configuration Stryker's runner uses (stryker.config.mjs): only the test files of the
 * area being mutated (MUTATE_AREA, set by tests/mutation/run.ts), in a fixed order so a mutant's
 * result does not depend on the order its tests happened to run in.
 */
const area = areaNamed(process.env.MUTATE_AREA ?? 'engine');

export default defineConfig({
  root: resolve(import.meta.dirname, '..', '..'),
  test: {
    include: [...area.tests],
    environment: 'node',
    testTimeout: 30_000,
    setupFiles: ['tests/mutation/setup.ts'],
  },
});
