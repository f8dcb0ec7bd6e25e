/**
 * Vitest global setup: the worker threads' entries bundled to plain JavaScript for the tests'
 * processes, named to them through the environment (electron/main/worker-entry.ts says why).
 *
 * Built from the sources at every run, and again before each rerun in watch mode, into a folder
 * under node_modules/.cache so that the packages left outside the bundle (pdfmake, zod) resolve as
 * they do from out/main in the app. The folder goes when the run ends.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { build } from 'rolldown';
import type { TestProject } from 'vitest/node';
import { workerEntryVariable, type WorkerName } from '../../electron/main/worker-entry.ts';

const repoRoot = resolve(import.meta.dirname, '../..');

const ENTRIES: Readonly<Record<WorkerName, string>> = {
  transfer: join(repoRoot, 'electron/main/transfer/worker.ts'),
  referral: join(repoRoot, 'electron/main/referral/worker.ts'),
};

async function bundleWorkers(folder: string): Promise<void> {
  await build({
    input: ENTRIES,
    platform: 'node',
    logLevel: 'warn',
    // Packages stay outside, as electron-vite leaves them: pdfmake must stay one module per process.
    external: (id) => !id.startsWith('.') && !isAbsolute(id),
    output: { dir: folder, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
  });
  for (const name of Object.keys(ENTRIES) as WorkerName[]) process.env[workerEntryVariable(name)] = join(folder, `${name}.mjs`);
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const folder = mkdtempSync(join(cache, 'legpain-test-workers-'));
  await bundleWorkers(folder);
  project.onTestsRerun(() => bundleWorkers(folder));
  return () => rmSync(folder, { recursive: true, force: true });
}
