import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { workerEntry, workerEntryVariable, type WorkerName } from '../../electron/main/worker-entry.ts';

/**
 * The suite's worker threads must hold no WebAssembly code: V8 aborts now and then when such
 * threads start and stop often (electron/main/worker-entry.ts). Under `--jitless` WebAssembly is
 * missing altogether, so an entry that still needed Node's type stripper would fail to load.
 */
const FONT_DIR = resolve(import.meta.dirname, '../../resources/fonts');
const START_AND_ASK = `
import { Worker } from 'node:worker_threads';
const [entry, kind, fontDir] = process.argv.slice(1);
const w = new Worker(entry, { execArgv: [], workerData: { fontDir, kb: { findings: [], findingGroups: [], causes: [], sections: [], references: [] } } });
w.on('error', (e) => { console.log('error ' + e.message); process.exit(0); });
if (kind === 'transfer') {
  w.on('message', (m) => { if (m.type === 'done' || m.type === 'failed') { console.log('answered ' + m.id); process.exit(0); } });
  w.postMessage({ id: 7, databasePath: '/nonexistent/encounters.sqlite', task: { kind: 'verify', key: { key: new Uint8Array(32), id: 'k' }, dataDir: '/nonexistent' } });
} else {
  w.on('online', () => setTimeout(() => { console.log('running'); process.exit(0); }, 500));
}
`;

describe("the test suite's worker threads", () => {
  test.each<[WorkerName, string]>([
    ['transfer', 'answered 7'],
    ['referral', 'running'],
  ])('the %s worker starts and runs where WebAssembly is unavailable', (name, expected) => {
    const entry = workerEntry(name, new URL('file:///unused.ts'));
    expect(String(entry), `${workerEntryVariable(name)} names a bundle`).toMatch(/\.mjs$/);
    const run = spawnSync(process.execPath, ['--jitless', '--input-type=module', '-e', START_AND_ASK, String(entry), name, FONT_DIR], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout.trim(), run.stderr).toBe(expected);
  });
});
