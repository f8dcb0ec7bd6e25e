/**
 * The whole test suite, as the README's test command and CI run it: build, typecheck, lint, then
 * every vitest project (unit and end-to-end). Ends with one line `N passed, N failed` counting
 * every test and check it ran, and exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let passed = 0;
let failed = 0;

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? 'passed' : 'FAILED'}`);
  return ok;
}

const npx = (bin: string, ...args: string[]): [string, string[]] => [join('node_modules', '.bin', bin), args];

for (const [name, [cmd, args]] of [
  ['build', npx('electron-vite', 'build')],
  ['typecheck', ['npm', ['run', '--silent', 'typecheck']]],
  ['lint', ['npm', ['run', '--silent', 'lint']]],
] as const) {
  if (step(name, cmd, [...args])) passed++;
  else failed++;
}

const report = join(mkdtempSync(join(tmpdir(), 'legpain-vitest-')), 'report.json');
const [vitest, vitestArgs] = npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`);
const vitestOk = step('vitest', vitest, vitestArgs);
try {
  const summary = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean };
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  // A file that fails to load runs no test but fails the run: count it so it cannot pass silently.
  if (!vitestOk && summary.numFailedTests === 0) failed++;
} catch {
  console.error('vitest wrote no report');
  failed++;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
