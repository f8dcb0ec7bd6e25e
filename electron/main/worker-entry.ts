/**
 * The entry file of a worker thread whose caller names none.
 *
 * The Electron build always names one: the bundled file (`./…/worker.ts?modulePath`, index.ts).
 * Run from the TypeScript sources under Node (tests, the loopback bridge), the default is the
 * entry's .ts file, and Node strips its types with a WebAssembly module compiled afresh in every
 * worker thread. V8 aborts now and then when threads holding WebAssembly code start and stop often
 * ("Check failed: jit_page.has_value()" or a segfault; nodejs/node#64500), which the test suite,
 * starting and stopping hundreds of workers, ran into. So the suite bundles the entries to plain
 * JavaScript once per run (tests/suite/worker-bundles.ts) and names the bundles here.
 */
export type WorkerName = 'transfer' | 'referral';

/** The environment variable naming a prebuilt bundle of one worker's entry. */
export const workerEntryVariable = (name: WorkerName): string => `LEGPAIN_${name.toUpperCase()}_WORKER`;

/** The prebuilt bundle named in the environment, else the entry's source file. */
export function workerEntry(name: WorkerName, source: URL): URL | string {
  const prebuilt = process.env[workerEntryVariable(name)];
  return prebuilt !== undefined && prebuilt !== '' ? prebuilt : source;
}
