// @ts-check
/**
 * Stryker mutation testing, one area at a time (tests/mutation/areas.ts). Run it with
 * `npm run mutate` (every area) or `npm run mutate -- engine` (one area), which sets MUTATE_AREA,
 * links ../shared beside the sandbox and prints the bench lines; see README.md, "Mutation testing".
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { areaNamed } from './tests/mutation/areas.ts';

const area = areaNamed(process.env.MUTATE_AREA ?? 'engine');
const out = `test-results/mutation/${area.name}`;
// The incremental state outlives the work tree (test-results/ is laid anew with it, and a first
// run of an area takes up to hours here): MUTATE_STATE_DIR, or the cache folder .ci/run keeps Node in.
const stateDir = process.env.MUTATE_STATE_DIR ?? join(homedir(), '.cache', 'leg-pain-ddx', 'mutation');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.node.json',
  mutate: [...area.mutate],
  coverageAnalysis: 'perTest',
  // Two cores shared by several people: two test processes at most (MUTATE_CONCURRENCY to lower it).
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  // A mutant that loops is stopped after its tests' usual time x 1.5 + 5 s.
  timeoutFactor: 1.5,
  timeoutMS: 5_000,
  // Incremental: a run after a small change re-tests only the mutants whose code or tests changed.
  incremental: true,
  incrementalFile: join(stateDir, area.name, 'incremental.json'),
  // survivor-log writes each surviving mutant to survivors.log as soon as it is found.
  appendPlugins: ['./tests/mutation/survivor-log.mjs'],
  reporters: ['html', 'json', 'progress', 'survivor-log'],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  // The sandbox sits in .stryker-tmp; run.ts links .stryker-tmp/shared to ../shared so the clinical
  // tests find the vignettes and vocabulary there as they do beside the repository.
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['/out', '/dist', '/test-results', '/.ci'],
  thresholds: { high: 90, low: 85, break: null },
  cleanTempDir: true,
};
